#pragma once

#include "client/MandateApi.h"
#include "core/Delegation.h"
#include "models/PagedListModel.h"

namespace mandate {
class Clock;
}
namespace mandate::client {
class EventStream;
}

namespace mandate::models {

// Delegations as the server pages them (first page on setFilter, the next on fetchMore), live
// updates from the event stream applied in place. Search, filters and sort order run on the server.
class DelegationListModel : public PagedListModel<Delegation>
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

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    void setFilter(const client::DelegationFilter &filter);
    const client::DelegationFilter &filter() const { return m_filter; }
    // Fills the model from a cached snapshot (read-only "as of" view) without asking the server.
    void showSnapshot(const QList<Delegation> &delegations);
    QList<Delegation> snapshot(int maxRows) const;

    const Delegation *delegationAt(int row) const { return itemAt(row); }

    // "Expires in …" reads the clock: views call this now and then so it does not go stale.
    void refreshRelativeTimes();
    // Keeps the rows live: delegation.created goes on top (when it matches), updates change rows in place.
    void follow(client::EventStream &events);

private:
    void upsert(Delegation delegation, bool insertIfMissing);
    client::Reply<client::Page<Delegation>> requestItems(const QString &cursor) override;
    QString idOf(const Delegation &delegation) const override { return delegation.id; }
    bool matchesFilter(const Delegation &delegation) const;

    client::MandateApi &m_api;
    const Clock &m_clock;
    client::DelegationFilter m_filter;
};

} // namespace mandate::models
