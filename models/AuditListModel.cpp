#include "models/AuditListModel.h"

#include "models/AuditFormatter.h"

#include <QLocale>

namespace mandate::models {

AuditListModel::AuditListModel(client::MandateApi &api, QObject *parent)
    : PagedListModel(parent)
    , m_api(api)
{}

int AuditListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &event = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return event.seq == m_brokenSeq ? QVariant(QStringLiteral("✘ %1").arg(event.seq))
                                            : QVariant(event.seq);
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
        if (event.seq == m_brokenSeq)
            return tr("This event does not verify: it, or the link to it, was changed after it was written.");
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

void AuditListModel::setFilter(const client::AuditFilter &filter)
{
    m_filter = filter;
    ++m_filterGeneration;
    reload();
}

void AuditListModel::setBrokenSeq(qint64 seq)
{
    const qint64 before = m_brokenSeq;
    m_brokenSeq = seq;
    for (const qint64 changed : {before, seq}) {
        const int row = rowOf(QString::number(changed));
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void AuditListModel::followTail()
{
    if (m_following || isLoading() || canFetchMore({}))
        return;
    const qint64 lastSeq = rows().isEmpty() ? 0 : rows().last().seq;
    m_following = true;
    const auto reply = m_api.audit(m_filter, QString::number(lastSeq));
    reply.onSucceeded(this, [this, generation = m_filterGeneration](const client::Page<AuditEvent> &page) {
        m_following = false;
        if (generation == m_filterGeneration && !isLoading())
            appendRows(page.items);
    });
    reply.onFailed(this, [this](const client::ApiError &) { m_following = false; });
}

client::Reply<client::Page<AuditEvent>> AuditListModel::requestItems(const QString &cursor)
{
    return m_api.audit(m_filter, cursor);
}

} // namespace mandate::models
