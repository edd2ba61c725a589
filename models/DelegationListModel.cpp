#include "models/DelegationListModel.h"

#include "client/EventStream.h"
#include "core/Clock.h"
#include "models/DelegationFormatter.h"

#include <QLocale>

namespace mandate::models {

namespace {

// Server-side sort keys per column; columns not listed keep the server's newest-first order.
QString sortKey(int column, Qt::SortOrder order)
{
    QString key;
    switch (column) {
    case DelegationListModel::PurposeColumn:
        key = QStringLiteral("purpose");
        break;
    case DelegationListModel::ExpiresColumn:
        key = QStringLiteral("expires_at");
        break;
    default:
        key = QStringLiteral("created_at");
        order = Qt::DescendingOrder;
        break;
    }
    return order == Qt::DescendingOrder ? QLatin1Char('-') + key : key;
}

} // namespace

DelegationListModel::DelegationListModel(client::MandateApi &api, const Clock &clock, QObject *parent)
    : PagedListModel(parent)
    , m_api(api)
    , m_clock(clock)
{}

int DelegationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DelegationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Delegation &d = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentColumn:
            return DelegationFormatter::agentName(d);
        case PurposeColumn:
            return d.purpose;
        case StatusColumn:
            return DelegationFormatter::statusText(d.status);
        case UsageColumn:
            return DelegationFormatter::usageText(d);
        case ExpiresColumn:
            return DelegationFormatter::expiryText(d, m_clock.now());
        case CustomerColumn:
            return DelegationFormatter::customerName(d);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case AgentColumn:
            return DelegationFormatter::agentSpiffeId(d);
        case PurposeColumn:
            return d.purpose;
        case ExpiresColumn:
            return QLocale().toString(d.expiresAt.toLocalTime(), QLocale::LongFormat);
        default:
            return {};
        }
    case IdRole:
        return d.id;
    case StatusRole:
        return static_cast<int>(d.status);
    case UsageFractionRole:
        if (const auto fraction = DelegationFormatter::usageFraction(d))
            return *fraction;
        return {};
    case AgentIdRole:
        return d.agentId;
    case CustomerIdRole:
        return d.customerId;
    default:
        return {};
    }
}

QVariant DelegationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AgentColumn:
        return tr("Agent");
    case PurposeColumn:
        return tr("Purpose");
    case StatusColumn:
        return tr("Status");
    case UsageColumn:
        return tr("Spent of limit");
    case ExpiresColumn:
        return tr("Expires");
    case CustomerColumn:
        return tr("Customer");
    default:
        return {};
    }
}

void DelegationListModel::sort(int column, Qt::SortOrder order)
{
    client::DelegationFilter filter = m_filter;
    filter.sort = sortKey(column, order);
    setFilter(filter);
}

void DelegationListModel::setFilter(const client::DelegationFilter &filter)
{
    m_filter = filter;
    reload();
}

client::Reply<client::Page<Delegation>> DelegationListModel::requestItems(const QString &cursor)
{
    return m_api.delegations(m_filter, cursor);
}

void DelegationListModel::showSnapshot(const QList<Delegation> &delegations)
{
    stopPaging();
    resetRows(delegations);
}

QList<Delegation> DelegationListModel::snapshot(int maxRows) const
{
    return rows().mid(0, maxRows);
}

void DelegationListModel::refreshRelativeTimes()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn), {Qt::DisplayRole});
}

void DelegationListModel::follow(client::EventStream &events)
{
    connect(&events, &client::EventStream::delegationChanged, this,
            [this](const Delegation &delegation, bool created) { upsert(delegation, created); });
}

void DelegationListModel::upsert(Delegation delegation, bool insertIfMissing)
{
    if (const int row = rowOf(delegation.id); row >= 0) {
        // Rows stay where they are even when they stop matching the filter: a row that vanishes
        // under the pointer is worse than one that is a little out of date.
        replaceRow(row, std::move(delegation));
        return;
    }
    if (!insertIfMissing || !matchesFilter(delegation) || m_filter.sort != client::DelegationFilter().sort)
        return;
    prependRow(std::move(delegation));
}

bool DelegationListModel::matchesFilter(const Delegation &delegation) const
{
    if (m_filter.status && *m_filter.status != delegation.status)
        return false;
    if (!m_filter.agentId.isEmpty() && m_filter.agentId != delegation.agentId)
        return false;
    if (!m_filter.customerId.isEmpty() && m_filter.customerId != delegation.customerId)
        return false;
    const QString text = m_filter.text.trimmed();
    if (text.isEmpty())
        return true;
    for (const QString &field :
         {delegation.purpose, delegation.id, DelegationFormatter::agentName(delegation),
          DelegationFormatter::agentSpiffeId(delegation), DelegationFormatter::customerName(delegation)}) {
        if (field.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace mandate::models
