#pragma once

#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "core/Delegation.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace mandate {
class Clock;
}

namespace mandate::models {

// Delegations as the server pages them: the first page on setFilter, the next on fetchMore (so a
// QTableView pulls pages as it scrolls, across any number of rows), live updates applied in place
// through an id → row index. Search, filters and sort order run on the server.
class DelegationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AgentColumn,
        PurposeColumn,
        StatusColumn,
        UsageColumn,
        ExpiresColumn,
        CustomerColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole,
        StatusRole,        // DelegationStatus as int
        UsageFractionRole, // double 0..1, or invalid when nothing is capped
        AgentIdRole,
        CustomerIdRole,
    };

    DelegationListModel(client::MandateApi &api, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    void setFilter(const client::DelegationFilter &filter);
    const client::DelegationFilter &filter() const { return m_filter; }
    void reload();
    // Fills the model from a cached snapshot (read-only "as of" view) without asking the server.
    void showSnapshot(const QJsonArray &items);
    QJsonArray snapshot(int maxRows) const;

    const Delegation *delegationAt(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return !m_pending.isNull(); }

    // "Expires in …" reads the clock: views call this now and then so it does not go stale.
    void refreshRelativeTimes();
    // delegation.created / .updated / .revoked from the event stream.
    void applyEvent(const client::EventStream::Event &event);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // Every page that arrives, including the first after a filter change.
    void pageLoaded(int rowsNow);
    void loadFailed(const mandate::client::ApiError &error);

private:
    void fetchPage(const QString &cursor);
    void onPage(const QJsonObject &body, quint64 generation);
    void upsert(Delegation delegation, bool insertIfMissing);
    bool matchesFilter(const Delegation &delegation) const;
    void rebuildIndex();

    client::MandateApi &m_api;
    const Clock &m_clock;
    client::DelegationFilter m_filter;
    QList<Delegation> m_rows;
    QHash<QString, int> m_rowById;
    QString m_nextCursor;
    bool m_exhausted = true;
    bool m_replaceOnNextPage = false;
    quint64 m_generation = 0;
    QPointer<client::ApiJob> m_pending;
};

} // namespace mandate::models
