#pragma once

#include "client/MandateApi.h"
#include "core/Approval.h"
#include "models/PagedListModel.h"

#include <optional>

namespace mandate {
class Clock;
}
namespace mandate::client {
class DecisionOutbox;
class EventStream;
} // namespace mandate::client

namespace mandate::models {

// Filters of GET /v1/approvals; unset means every status or kind.
struct ApprovalFilter
{
    std::optional<ApprovalStatus> status = ApprovalStatus::Pending;
    std::optional<ApprovalKind> kind;

    friend bool operator==(const ApprovalFilter &, const ApprovalFilter &) = default;
};

// The approval requests the signed-in person may see, paged as the server pages them (first page
// on setFilter, the next on fetchMore), kept live from the event stream (approval.created goes on
// top, approval.updated changes its row in place) and from the answers to this console's own
// decisions as the DecisionOutbox receives them.
class ApprovalListModel : public PagedListModel<Approval>
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        SummaryColumn,
        AmountColumn,
        CustomerColumn,
        AgentColumn,
        StatusColumn,
        ExpiresColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole,
        StatusRole, // ApprovalStatus as int
        KindRole,   // ApprovalKind as int
    };

    ApprovalListModel(client::MandateApi &api, const Clock &clock, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const ApprovalFilter &filter);
    const ApprovalFilter &filter() const { return m_filter; }

    const Approval *approvalAt(int row) const { return itemAt(row); }
    // Rows still waiting for a decision and not yet past their expiry.
    int pendingCount() const { return m_pendingCount; }

    // The countdown reads the clock: the view calls this every second.
    void refreshRelativeTimes();
    // approval.created and approval.updated from the stream.
    void follow(client::EventStream &events);
    // The approval as a decision's answer (or a 409) returned it: updates its row when there is one.
    void follow(client::DecisionOutbox &outbox);

Q_SIGNALS:
    void pendingCountChanged(int count);
    // A request that arrived live (approval.created) and is still pending.
    void approvalArrived(const mandate::Approval &approval);

private:
    client::Reply<client::Page<Approval>> requestItems(const QString &cursor) override;
    QString idOf(const Approval &approval) const override { return approval.id; }
    void rowsArrived() override { recountPending(); }
    void apply(const Approval &approval, bool created);
    void upsert(Approval approval, bool insertIfMissing);
    bool matchesFilter(const Approval &approval) const;
    void recountPending();

    client::MandateApi &m_api;
    const Clock &m_clock;
    ApprovalFilter m_filter;
    int m_pendingCount = 0;
};

} // namespace mandate::models
