#include "ui/wizard/AgentListProxy.h"

#include "core/AgentStatus.h"

namespace mandate::ui {

bool AgentListProxy::isSelectable(const QModelIndex &index)
{
    return index.isValid() && agentStatusFromString(index.data(StatusRole).toString()) == AgentStatus::Active;
}

Qt::ItemFlags AgentListProxy::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    return isSelectable(index) ? flags : flags & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

QVariant AgentListProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleDescriptionRole)
        return QIdentityProxyModel::data(index, role);
    const QString name = QIdentityProxyModel::data(index, Qt::DisplayRole).toString();
    const bool selectable = isSelectable(index);
    switch (role) {
    case Qt::DisplayRole:
        return selectable ? name : tr("%1 \u2014 suspended, cannot receive new grants").arg(name);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        if (!selectable) {
            return tr("%1 is suspended. A suspended agent cannot be given new authority until support "
                      "reactivates it.")
                .arg(name);
        }
        return QIdentityProxyModel::data(index, SpiffeIdRole);
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace mandate::ui
