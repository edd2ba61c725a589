#include "models/AuditListModel.h"

#include "core/AuditEventCodec.h"
#include "models/AuditFormatter.h"

#include <QJsonArray>
#include <QLocale>

namespace mandate::models {

AuditListModel::AuditListModel(client::MandateApi &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

int AuditListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &event = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return event.seq;
        case TimeColumn:
            return QLocale().toString(event.at.toLocalTime(), QLocale::ShortFormat);
        case TypeColumn:
            return AuditFormatter::typeText(event.type);
        case ActorColumn:
            return AuditFormatter::actorText(event);
        case SummaryColumn:
            return AuditFormatter::summary(event);
        case DelegationColumn:
            return event.delegationId.value_or(QString());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == SummaryColumn ? AuditFormatter::summary(event) : QVariant();
    case SeqRole:
        return event.seq;
    case DetailsRole:
        return AuditFormatter::details(event);
    case DelegationIdRole:
        return event.delegationId.value_or(QString());
    default:
        return {};
    }
}

QVariant AuditListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("#");
    case TimeColumn:
        return tr("When");
    case TypeColumn:
        return tr("Event");
    case ActorColumn:
        return tr("By");
    case SummaryColumn:
        return tr("What happened");
    case DelegationColumn:
        return tr("Delegation");
    default:
        return {};
    }
}

bool AuditListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && m_pending.isNull();
}

void AuditListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(m_nextAfter);
}

void AuditListModel::setFilter(const client::AuditFilter &filter)
{
    m_filter = filter;
    ++m_generation;
    if (m_pending)
        m_pending->abort();
    m_replaceOnNextPage = true;
    m_exhausted = true;
    fetchPage(0);
}

const AuditEvent *AuditListModel::eventAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

void AuditListModel::fetchPage(qint64 afterSeq)
{
    const quint64 generation = m_generation;
    m_pending = m_api.audit(m_filter, afterSeq, client::MandateApi::PageSize);
    connect(m_pending, &client::ApiJob::succeeded, this, [this, generation](const QJsonObject &body) {
        if (generation != m_generation)
            return;
        m_pending = nullptr;
        QList<AuditEvent> page;
        for (const QJsonValue &item : body.value(QStringLiteral("items")).toArray()) {
            if (auto event = AuditEventCodec::fromJson(item.toObject()))
                page.append(std::move(event.value()));
        }
        const QString next = body.value(QStringLiteral("next_cursor")).toString();
        m_nextAfter = next.toLongLong();
        m_exhausted = next.isEmpty();
        if (std::exchange(m_replaceOnNextPage, false)) {
            beginResetModel();
            m_rows = std::move(page);
            endResetModel();
        } else if (!page.isEmpty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
            m_rows.append(page);
            endInsertRows();
        }
        Q_EMIT pageLoaded(static_cast<int>(m_rows.size()));
    });
    connect(m_pending, &client::ApiJob::failed, this, [this, generation](const client::ApiError &error) {
        if (generation != m_generation)
            return;
        m_pending = nullptr;
        Q_EMIT loadFailed(error);
    });
}

} // namespace mandate::models
