#include "models/EnforcementPointListModel.h"

#include <QLocale>

namespace mandate::models {

namespace {

QString shortTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString longTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::LongFormat);
}

} // namespace

EnforcementPointListModel::EnforcementPointListModel(client::MandateApi &api, QObject *parent)
    : PagedListModel(parent)
    , m_api(api)
{}

int EnforcementPointListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnforcementPointListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::EnforcementPointInfo &point = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return point.name;
        case CreatedColumn:
            return shortTime(point.createdAt);
        case LastUsedColumn:
            return point.lastUsedAt.isValid() ? shortTime(point.lastUsedAt) : tr("Never");
        case StateColumn:
            return point.isRevoked() ? tr("Revoked") : tr("Active");
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return point.id;
        case CreatedColumn:
            return longTime(point.createdAt);
        case LastUsedColumn:
            return point.lastUsedAt.isValid() ? longTime(point.lastUsedAt)
                                              : tr("It has not asked Mandate for a decision yet.");
        case StateColumn:
            return point.isRevoked()
                       ? tr("Revoked on %1; its token is refused.").arg(longTime(point.revokedAt))
                       : tr("Its token is accepted.");
        default:
            return {};
        }
    case IdRole:
        return point.id;
    case RevokedRole:
        return point.isRevoked();
    default:
        return {};
    }
}

QVariant EnforcementPointListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CreatedColumn:
        return tr("Created");
    case LastUsedColumn:
        return tr("Last used");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

void EnforcementPointListModel::addPoint(const client::EnforcementPointInfo &point)
{
    if (const int row = rowOf(point.id); row >= 0)
        replaceRow(row, point);
    else
        prependRow(point);
}

void EnforcementPointListModel::updatePoint(const client::EnforcementPointInfo &point)
{
    if (const int row = rowOf(point.id); row >= 0)
        replaceRow(row, point);
}

client::Reply<client::Page<client::EnforcementPointInfo>>
EnforcementPointListModel::requestItems(const QString &)
{
    return m_api.enforcementPoints();
}

} // namespace mandate::models
