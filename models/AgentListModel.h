#pragma once

#include "client/AgentInfo.h"
#include "client/EventStream.h"
#include "client/MandateApi.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace mandate::models {

// Every registered agent (a few hundred at most, so all pages are loaded at once). Column 0's
// roles are what the grant wizard and the filters read: display = name, UserRole = id,
// UserRole + 1 = SPIFFE ID, UserRole + 2 = "active" | "suspended".
class AgentListModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();
    const client::AgentInfo *agentAt(int row) const;
    int rowOf(const QString &agentId) const;
    QString nameOf(const QString &agentId) const;
    // agent.updated from the event stream (suspension).
    void applyEvent(const client::EventStream::Event &event);

Q_SIGNALS:
    void loaded();
    void loadFailed(const mandate::client::ApiError &error);

private:
    void fetch(const QString &cursor, QList<client::AgentInfo> collected, quint64 generation);

    client::MandateApi &m_api;
    QList<client::AgentInfo> m_agents;
    quint64 m_generation = 0;
};

} // namespace mandate::models
