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

void AuditListModel::setFilter(const client::AuditFilter &filter)
{
    m_filter = filter;
    reload();
}

client::Reply<client::Page<AuditEvent>> AuditListModel::requestItems(const QString &cursor)
{
    return m_api.audit(m_filter, cursor);
}

} // namespace mandate::models
