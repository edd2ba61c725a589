#include "models/AgentListModel.h"

#include <QJsonArray>

namespace mandate::models {

AgentListModel::AgentListModel(client::MandateApi &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_agents.size());
}

int AgentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::AgentInfo &agent = m_agents[index.row()];
    const QString status = agent.suspended ? QStringLiteral("suspended") : QStringLiteral("active");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return agent.name;
        case SpiffeIdColumn:
            return agent.spiffeId;
        case StatusColumn:
            return agent.suspended ? tr("Suspended") : tr("Active");
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
        return status;
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

void AgentListModel::reload()
{
    fetch({}, {}, ++m_generation);
}

void AgentListModel::fetch(const QString &cursor, QList<client::AgentInfo> collected, quint64 generation)
{
    client::ApiJob *job = m_api.agents(cursor);
    connect(job, &client::ApiJob::succeeded, this,
            [this, collected = std::move(collected), generation](const QJsonObject &body) mutable {
                if (generation != m_generation)
                    return;
                for (const QJsonValue &item : body.value(QStringLiteral("items")).toArray())
                    collected.append(client::AgentInfo::fromJson(item.toObject()));
                const QJsonValue next = body.value(QStringLiteral("next_cursor"));
                if (next.isString() && !next.toString().isEmpty()) {
                    fetch(next.toString(), std::move(collected), generation);
                    return;
                }
                std::sort(collected.begin(), collected.end(),
                          [](const client::AgentInfo &a, const client::AgentInfo &b) {
                              return QString::localeAwareCompare(a.name, b.name) < 0;
                          });
                beginResetModel();
                m_agents = std::move(collected);
                endResetModel();
                Q_EMIT loaded();
            });
    connect(job, &client::ApiJob::failed, this, [this, generation](const client::ApiError &error) {
        if (generation == m_generation)
            Q_EMIT loadFailed(error);
    });
}

const client::AgentInfo *AgentListModel::agentAt(int row) const
{
    return row >= 0 && row < m_agents.size() ? &m_agents[row] : nullptr;
}

int AgentListModel::rowOf(const QString &agentId) const
{
    for (int i = 0; i < m_agents.size(); ++i) {
        if (m_agents[i].id == agentId)
            return i;
    }
    return -1;
}

QString AgentListModel::nameOf(const QString &agentId) const
{
    const int row = rowOf(agentId);
    return row >= 0 ? m_agents[row].name : QString();
}

void AgentListModel::applyEvent(const client::EventStream::Event &event)
{
    if (event.type != QLatin1String("agent.updated"))
        return;
    client::AgentInfo agent = client::AgentInfo::fromJson(event.data);
    if (const int row = rowOf(agent.id); row >= 0) {
        m_agents[row] = std::move(agent);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

} // namespace mandate::models
