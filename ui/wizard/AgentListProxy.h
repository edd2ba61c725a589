#pragma once

#include <QIdentityProxyModel>

namespace mandate::ui {

// The agents model as the wizard lists it: suspended agents stay visible, so the customer is not
// left wondering where one went, but cannot be picked, and say why.
class AgentListProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole;
    static constexpr int SpiffeIdRole = Qt::UserRole + 1;
    static constexpr int StatusRole = Qt::UserRole + 2;

    using QIdentityProxyModel::QIdentityProxyModel;

    static bool isSelectable(const QModelIndex &index);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace mandate::ui
