#include "models/ApprovalListModel.h"

#include "client/DecisionOutbox.h"
#include "client/EventStream.h"
#include "core/Clock.h"
#include "models/ApprovalFormatter.h"

#include <QLocale>

namespace mandate::models {

ApprovalListModel::ApprovalListModel(client::MandateApi &api, const Clock &clock, QObject *parent)
    : PagedListModel(parent)
    , m_api(api)
    , m_clock(clock)
{}

int ApprovalListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Approval &a = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return ApprovalFormatter::kindText(a.kind);
        case SummaryColumn:
            return a.summary;
        case AmountColumn:
            return ApprovalFormatter::amountText(a);
        case CustomerColumn:
            return a.customer.name;
        case AgentColumn:
            return a.agent.name;
        case StatusColumn:
            return ApprovalFormatter::shortProgressText(a);
        case ExpiresColumn:
            return ApprovalFormatter::expiresText(a, m_clock.now());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SummaryColumn:
            return a.summary;
        case StatusColumn:
            return ApprovalFormatter::progressText(a);
        case AgentColumn:
            return a.agent.spiffeId;
        case ExpiresColumn:
            return QLocale().toString(a.expiresAt.toLocalTime(), QLocale::LongFormat);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == ExpiresColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return a.id;
    case StatusRole:
        return static_cast<int>(a.status);
    case KindRole:
        return static_cast<int>(a.kind);
    default:
        return {};
    }
}

QVariant ApprovalListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case SummaryColumn:
        return tr("Request");
    case AmountColumn:
        return tr("Amount");
    case CustomerColumn:
        return tr("Customer");
    case AgentColumn:
        return tr("Agent");
    case StatusColumn:
        return tr("Status");
    case ExpiresColumn:
        return tr("Expires in");
    default:
        return {};
    }
}

void ApprovalListModel::setFilter(const ApprovalFilter &filter)
{
    m_filter = filter;
    reload();
}

client::Reply<client::Page<Approval>> ApprovalListModel::requestItems(const QString &cursor)
{
    return m_api.approvals(m_filter.status, m_filter.kind, cursor);
}

void ApprovalListModel::refreshRelativeTimes()
{
    if (rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, ExpiresColumn), {Qt::DisplayRole});
    recountPending();
}

void ApprovalListModel::follow(client::EventStream &events)
{
    connect(&events, &client::EventStream::approvalChanged, this, &ApprovalListModel::apply);
}

void ApprovalListModel::follow(client::DecisionOutbox &outbox)
{
    connect(&outbox, &client::DecisionOutbox::decided, this,
            [this](const Approval &approval) { upsert(approval, false); });
    connect(&outbox, &client::DecisionOutbox::refused, this,
            [this](const QString &, const client::ApiError &, const std::optional<Approval> &current) {
                if (current)
                    upsert(*current, false);
            });
}

void ApprovalListModel::apply(const Approval &approval, bool created)
{
    if (created && rowOf(approval.id) < 0 && approval.status == ApprovalStatus::Pending)
        Q_EMIT approvalArrived(approval);
    upsert(approval, created);
}

void ApprovalListModel::upsert(Approval approval, bool insertIfMissing)
{
    if (const int row = rowOf(approval.id); row >= 0) {
        // A row that stops matching the filter stays until the next reload: rows never vanish
        // from under the pointer while someone is about to click them.
        replaceRow(row, std::move(approval));
        recountPending();
        return;
    }
    if (!insertIfMissing || !matchesFilter(approval))
        return;
    prependRow(std::move(approval));
    recountPending();
}

bool ApprovalListModel::matchesFilter(const Approval &approval) const
{
    return (!m_filter.status || *m_filter.status == approval.status) &&
           (!m_filter.kind || *m_filter.kind == approval.kind);
}

void ApprovalListModel::recountPending()
{
    const QDateTime now = m_clock.now();
    int count = 0;
    for (const Approval &approval : rows())
        count += approval.status == ApprovalStatus::Pending && approval.expiresAt > now ? 1 : 0;
    if (count == std::exchange(m_pendingCount, count))
        return;
    Q_EMIT pendingCountChanged(count);
}

} // namespace mandate::models
