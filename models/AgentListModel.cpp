#include "models/AgentListModel.h"

#include "client/EventStream.h"

#include <algorithm>

namespace mandate::models {

AgentListModel::AgentListModel(client::MandateApi &api, QObject *parent)
    : PagedListModel(parent)
    , m_api(api)
{
    connect(this, &AgentListModel::pageLoaded, this, &AgentListModel::onPageLoaded);
}

int AgentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::AgentInfo &agent = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return agent.name;
        case SpiffeIdColumn:
            return agent.spiffeId;
        case StatusColumn:
            return agent.status == AgentStatus::Suspended ? tr("Suspended") : tr("Active");
        case DescriptionColumn:
            return agent.description;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return agent.description.isEmpty() ? agent.spiffeId : agent.description;
    case IdRole:
        return agent.id;
    case SpiffeIdRole:
        return agent.spiffeId;
    case StatusRole:
        return agentStatusToString(agent.status);
    default:
        return {};
    }
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Agent");
    case SpiffeIdColumn:
        return tr("SPIFFE ID");
    case StatusColumn:
        return tr("Status");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

client::Reply<client::Page<client::AgentInfo>> AgentListModel::requestItems(const QString &cursor)
{
    return m_api.agents(cursor);
}

void AgentListModel::onPageLoaded()
{
    if (canFetchMore({})) {
        fetchMore({});
        return;
    }
    const auto byName = [](const client::AgentInfo &a, const client::AgentInfo &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    };
    if (!std::is_sorted(rows().cbegin(), rows().cend(), byName)) {
        QList<client::AgentInfo> sorted = rows();
        std::sort(sorted.begin(), sorted.end(), byName);
        resetRows(std::move(sorted));
    }
    Q_EMIT loaded();
}

QString AgentListModel::nameOf(const QString &agentId) const
{
    const client::AgentInfo *agent = agentAt(rowOf(agentId));
    return agent ? agent->name : QString();
}

void AgentListModel::follow(client::EventStream &events)
{
    connect(&events, &client::EventStream::agentChanged, this, [this](const client::AgentInfo &agent) {
        if (const int row = rowOf(agent.id); row >= 0)
            replaceRow(row, agent);
    });
}

} // namespace mandate::models
