#pragma once

#include <QStyledItemDelegate>

namespace mandate::ui {

// Draws "spent of limit" with a thin bar under the text, so a glance down the column shows which
// agents are close to their caps. The fraction comes from the model's UsageFractionRole.
class UsageBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    UsageBarDelegate(int fractionRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_fractionRole;
};

} // namespace mandate::ui
