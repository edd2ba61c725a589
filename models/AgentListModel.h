#pragma once

#include "client/AgentInfo.h"
#include "client/MandateApi.h"
#include "models/PagedListModel.h"

namespace mandate::client {
class EventStream;
}

namespace mandate::models {

// Every registered agent (a few hundred at most, so every page is fetched as soon as the one
// before arrived, and the whole list is sorted by name once it is complete). Column 0's
// roles are what the grant wizard and the filters read: display = name, UserRole = id,
// UserRole + 1 = SPIFFE ID, UserRole + 2 = "active" | "suspended".
class AgentListModel : public PagedListModel<client::AgentInfo>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        SpiffeIdColumn,
        StatusColumn,
        DescriptionColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole,
        SpiffeIdRole,
        StatusRole,
    };

    explicit AgentListModel(client::MandateApi &api, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const client::AgentInfo *agentAt(int row) const { return itemAt(row); }
    QString nameOf(const QString &agentId) const;
    // agent.updated from the event stream (suspension).
    void follow(client::EventStream &events);

Q_SIGNALS:
    // The last page arrived: the list is complete.
    void loaded();

private:
    client::Reply<client::Page<client::AgentInfo>> requestItems(const QString &cursor) override;
    QString idOf(const client::AgentInfo &agent) const override { return agent.id; }
    void onPageLoaded();

    client::MandateApi &m_api;
};

} // namespace mandate::models
