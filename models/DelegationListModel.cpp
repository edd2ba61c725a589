#include "models/DelegationListModel.h"

#include "core/Clock.h"
#include "core/DelegationCodec.h"
#include "models/DelegationFormatter.h"

#include <QJsonArray>
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
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_clock(clock)
{}

int DelegationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DelegationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DelegationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Delegation &d = m_rows[index.row()];
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

bool DelegationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && m_pending.isNull();
}

void DelegationListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(m_nextCursor);
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

void DelegationListModel::reload()
{
    ++m_generation;
    if (m_pending)
        m_pending->abort();
    // What is on screen stays until the first page of the new list replaces it: no empty flash
    // on every keystroke, and a cached snapshot stays readable if that page never comes.
    m_replaceOnNextPage = true;
    m_exhausted = true;
    fetchPage({});
}

void DelegationListModel::fetchPage(const QString &cursor)
{
    const quint64 generation = m_generation;
    m_pending = m_api.delegations(m_filter, cursor);
    Q_EMIT loadingChanged(true);
    connect(m_pending, &client::ApiJob::succeeded, this,
            [this, generation](const QJsonObject &body) { onPage(body, generation); });
    connect(m_pending, &client::ApiJob::failed, this, [this, generation](const client::ApiError &error) {
        if (generation != m_generation)
            return;
        m_pending = nullptr;
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFailed(error);
    });
}

void DelegationListModel::onPage(const QJsonObject &body, quint64 generation)
{
    if (generation != m_generation)
        return; // an answer to a filter the user already changed
    m_pending = nullptr;
    const bool replace = std::exchange(m_replaceOnNextPage, false);
    QList<Delegation> page;
    for (const QJsonValue &item : body.value(QStringLiteral("items")).toArray()) {
        auto delegation = DelegationCodec::fromJson(item.toObject());
        if (delegation && (replace || !m_rowById.contains(delegation->id)))
            page.append(std::move(delegation.value()));
    }
    const QJsonValue next = body.value(QStringLiteral("next_cursor"));
    m_nextCursor = next.isString() ? next.toString() : QString();
    m_exhausted = m_nextCursor.isEmpty();
    if (replace) {
        beginResetModel();
        m_rows = std::move(page);
        rebuildIndex();
        endResetModel();
    } else if (!page.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
        for (Delegation &delegation : page) {
            m_rowById.insert(delegation.id, static_cast<int>(m_rows.size()));
            m_rows.append(std::move(delegation));
        }
        endInsertRows();
    }
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(static_cast<int>(m_rows.size()));
}

void DelegationListModel::showSnapshot(const QJsonArray &items)
{
    ++m_generation;
    if (m_pending)
        m_pending->abort();
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &item : items) {
        if (auto delegation = DelegationCodec::fromJson(item.toObject()))
            m_rows.append(std::move(delegation.value()));
    }
    rebuildIndex();
    m_exhausted = true;
    endResetModel();
}

QJsonArray DelegationListModel::snapshot(int maxRows) const
{
    QJsonArray items;
    for (int i = 0; i < qMin(maxRows, static_cast<int>(m_rows.size())); ++i)
        items.append(DelegationCodec::toJson(m_rows[i]));
    return items;
}

const Delegation *DelegationListModel::delegationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int DelegationListModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

void DelegationListModel::refreshRelativeTimes()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn), {Qt::DisplayRole});
}

void DelegationListModel::applyEvent(const client::EventStream::Event &event)
{
    if (!event.type.startsWith(QLatin1String("delegation.")))
        return;
    auto delegation = DelegationCodec::fromJson(event.data);
    if (!delegation)
        return;
    upsert(std::move(delegation.value()), event.type == QLatin1String("delegation.created"));
}

void DelegationListModel::upsert(Delegation delegation, bool insertIfMissing)
{
    if (const int row = rowOf(delegation.id); row >= 0) {
        // Rows stay where they are even when they stop matching the filter: a row that vanishes
        // under the pointer is worse than one that is a little out of date.
        m_rows[row] = std::move(delegation);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (!insertIfMissing || !matchesFilter(delegation) || m_filter.sort != client::DelegationFilter().sort)
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(std::move(delegation));
    rebuildIndex();
    endInsertRows();
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

void DelegationListModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, i);
}

} // namespace mandate::models
