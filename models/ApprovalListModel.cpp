#include "models/ApprovalListModel.h"

#include "core/Clock.h"
#include "models/ApprovalFormatter.h"

#include <QJsonArray>
#include <QLocale>

namespace mandate::models {

ApprovalListModel::ApprovalListModel(client::MandateApi &api, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_clock(clock)
{}

int ApprovalListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ApprovalListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Approval &a = m_rows[index.row()];
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

bool ApprovalListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && m_pending.isNull();
}

void ApprovalListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(m_nextCursor);
}

void ApprovalListModel::setFilter(const ApprovalFilter &filter)
{
    m_filter = filter;
    reload();
}

void ApprovalListModel::reload()
{
    ++m_generation;
    if (m_pending)
        m_pending->abort();
    // The rows on screen stay until the new first page replaces them: no empty flash.
    m_replaceOnNextPage = true;
    m_exhausted = true;
    fetchPage({});
}

void ApprovalListModel::fetchPage(const QString &cursor)
{
    const quint64 generation = m_generation;
    m_pending = m_api.approvals(m_filter.status, m_filter.kind, cursor);
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

void ApprovalListModel::onPage(const QJsonObject &body, quint64 generation)
{
    if (generation != m_generation)
        return; // an answer to a filter the user already changed
    m_pending = nullptr;
    const bool replace = std::exchange(m_replaceOnNextPage, false);
    QList<Approval> page;
    for (const QJsonValue &item : body.value(QStringLiteral("items")).toArray()) {
        auto approval = client::MandateApi::approvalFrom(item.toObject());
        if (approval && (replace || !m_rowById.contains(approval->id)))
            page.append(std::move(*approval));
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
        for (Approval &approval : page) {
            m_rowById.insert(approval.id, static_cast<int>(m_rows.size()));
            m_rows.append(std::move(approval));
        }
        endInsertRows();
    }
    recountPending();
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(static_cast<int>(m_rows.size()));
}

const Approval *ApprovalListModel::approvalAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ApprovalListModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

void ApprovalListModel::refreshRelativeTimes()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, ExpiresColumn), {Qt::DisplayRole});
    recountPending();
}

void ApprovalListModel::applyEvent(const client::EventStream::Event &event)
{
    const bool created = event.type == QLatin1String("approval.created");
    if (!created && event.type != QLatin1String("approval.updated"))
        return;
    auto approval = client::MandateApi::approvalFrom(event.data);
    if (!approval)
        return;
    const bool isNew = created && rowOf(approval->id) < 0;
    if (isNew && approval->status == ApprovalStatus::Pending)
        Q_EMIT approvalArrived(*approval);
    upsert(std::move(*approval), created);
}

void ApprovalListModel::update(const Approval &approval)
{
    upsert(approval, false);
}

void ApprovalListModel::upsert(Approval approval, bool insertIfMissing)
{
    if (const int row = rowOf(approval.id); row >= 0) {
        // A row that stops matching the filter stays until the next reload: rows never vanish
        // from under the pointer while someone is about to click them.
        m_rows[row] = std::move(approval);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        recountPending();
        return;
    }
    if (!insertIfMissing || !matchesFilter(approval))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(std::move(approval));
    rebuildIndex();
    endInsertRows();
    recountPending();
}

bool ApprovalListModel::matchesFilter(const Approval &approval) const
{
    return (!m_filter.status || *m_filter.status == approval.status) &&
           (!m_filter.kind || *m_filter.kind == approval.kind);
}

void ApprovalListModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, i);
}

void ApprovalListModel::recountPending()
{
    const QDateTime now = m_clock.now();
    int count = 0;
    for (const Approval &approval : std::as_const(m_rows))
        count += approval.status == ApprovalStatus::Pending && approval.expiresAt > now ? 1 : 0;
    if (count == std::exchange(m_pendingCount, count))
        return;
    Q_EMIT pendingCountChanged(count);
}

} // namespace mandate::models
