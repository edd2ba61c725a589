#pragma once

#include "client/EnforcementPointInfo.h"
#include "client/MandateApi.h"
#include "models/PagedListModel.h"

namespace mandate::models {

// The registered enforcement points (gateways and MCP servers that ask Mandate's AuthZEN
// endpoints), newest first as the server lists them: name, when registered, when it last asked,
// and whether it is still active. Admins only; a few dozen rows, so one page holds them all.
class EnforcementPointListModel : public PagedListModel<client::EnforcementPointInfo>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        CreatedColumn,
        LastUsedColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole,
        RevokedRole, // bool
    };

    explicit EnforcementPointListModel(client::MandateApi &api, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const client::EnforcementPointInfo *pointAt(int row) const { return itemAt(row); }
    // The server's answer to a registration goes on top, to a revocation replaces its row, so the
    // table shows it before the reload that follows arrives.
    void addPoint(const client::EnforcementPointInfo &point);
    void updatePoint(const client::EnforcementPointInfo &point);

private:
    client::Reply<client::Page<client::EnforcementPointInfo>> requestItems(const QString &cursor) override;
    QString idOf(const client::EnforcementPointInfo &point) const override { return point.id; }

    client::MandateApi &m_api;
};

} // namespace mandate::models
