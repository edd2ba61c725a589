#pragma once

#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "core/Approval.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <optional>

namespace mandate {
class Clock;
}

namespace mandate::models {

// Filters of GET /v1/approvals; unset means every status or kind.
struct ApprovalFilter
{
    std::optional<ApprovalStatus> status = ApprovalStatus::Pending;
    std::optional<ApprovalKind> kind;

    friend bool operator==(const ApprovalFilter &, const ApprovalFilter &) = default;
};

// The approval requests the signed-in person may see, paged as the server pages them (first page
// on setFilter, the next on fetchMore), kept live from the event stream: approval.created goes on
// top, approval.updated changes its row in place through an id → row index.
class ApprovalListModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const ApprovalFilter &filter);
    const ApprovalFilter &filter() const { return m_filter; }
    void reload();

    const Approval *approvalAt(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return !m_pending.isNull(); }
    // Rows still waiting for a decision and not yet past their expiry.
    int pendingCount() const { return m_pendingCount; }

    // The countdown reads the clock: the view calls this every second.
    void refreshRelativeTimes();
    void applyEvent(const client::EventStream::Event &event);
    // An approval as a decision answer or a 409 returned it: updates its row when there is one.
    void update(const Approval &approval);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int rowsNow);
    void loadFailed(const mandate::client::ApiError &error);
    void pendingCountChanged(int count);
    // A request that arrived live (approval.created) and is still pending.
    void approvalArrived(const mandate::Approval &approval);

private:
    void fetchPage(const QString &cursor);
    void onPage(const QJsonObject &body, quint64 generation);
    void upsert(Approval approval, bool insertIfMissing);
    bool matchesFilter(const Approval &approval) const;
    void rebuildIndex();
    void recountPending();

    client::MandateApi &m_api;
    const Clock &m_clock;
    ApprovalFilter m_filter;
    QList<Approval> m_rows;
    QHash<QString, int> m_rowById;
    QString m_nextCursor;
    bool m_exhausted = true;
    bool m_replaceOnNextPage = false;
    quint64 m_generation = 0;
    int m_pendingCount = 0;
    QPointer<client::ApiJob> m_pending;
};

} // namespace mandate::models
