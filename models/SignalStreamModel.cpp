#include "models/SignalStreamModel.h"

#include <QLocale>

namespace mandate::models {

namespace {

QString statusText(const QString &status)
{
    if (status == u"enabled")
        return SignalStreamModel::tr("Enabled");
    if (status == u"paused")
        return SignalStreamModel::tr("Paused");
    return SignalStreamModel::tr("Disabled");
}

} // namespace

SignalStreamModel::SignalStreamModel(client::MandateApi &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

int SignalStreamModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SignalStreamModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalStreamModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const client::SignalStreamInfo &stream = row.stream;
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case StatusColumn:
            return stream.reason.isEmpty() ? QVariant() : QVariant(stream.reason);
        case DeliveryColumn:
            return stream.endpoint;
        case LastErrorColumn:
            return stream.lastError.isEmpty() ? QVariant() : QVariant(stream.lastError);
        case FailingSinceColumn:
            return stream.nextAttemptAt.isValid()
                       ? QVariant(tr("Next attempt %1")
                                      .arg(QLocale().toString(stream.nextAttemptAt.toLocalTime(),
                                                              QLocale::ShortFormat)))
                       : QVariant();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ReceiverColumn:
        return row.receiverRevoked ? tr("%1 (revoked)").arg(row.receiverName) : row.receiverName;
    case StreamColumn:
        return stream.description.isEmpty() ? stream.id : stream.description;
    case DeliveryColumn:
        return stream.push ? tr("Push to %1").arg(stream.endpoint) : tr("Poll");
    case StatusColumn:
        return statusText(stream.status);
    case QueuedColumn:
        return stream.queued;
    case DeliveredColumn:
        return stream.delivered;
    case FailingSinceColumn:
        return stream.failingSince.isValid()
                   ? QLocale().toString(stream.failingSince.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case LastErrorColumn:
        return stream.lastError;
    default:
        return {};
    }
}

QVariant SignalStreamModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReceiverColumn:
        return tr("Receiver");
    case StreamColumn:
        return tr("Stream");
    case DeliveryColumn:
        return tr("Delivery");
    case StatusColumn:
        return tr("Status");
    case QueuedColumn:
        return tr("Queued");
    case DeliveredColumn:
        return tr("Delivered (24 h)");
    case FailingSinceColumn:
        return tr("Failing since");
    case LastErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

void SignalStreamModel::reload()
{
    m_incoming.clear();
    m_incomingReceivers = 0;
    fetch(QString(), ++m_generation);
}

void SignalStreamModel::fetch(const QString &cursor, quint64 generation)
{
    const auto reply = m_api.signalReceivers(cursor);
    reply.onSucceeded(this, [this, generation](const client::Page<client::SignalReceiverInfo> &page) {
        if (generation != m_generation)
            return; // a newer reload asked again
        for (const client::SignalReceiverInfo &receiver : page.items) {
            ++m_incomingReceivers;
            for (const client::SignalStreamInfo &stream : receiver.streams)
                m_incoming.append({receiver.name, receiver.revoked, stream});
        }
        if (!page.nextCursor.isEmpty()) {
            fetch(page.nextCursor, generation);
            return;
        }
        beginResetModel();
        m_rows = std::exchange(m_incoming, {});
        m_receiverCount = m_incomingReceivers;
        endResetModel();
        Q_EMIT loaded();
    });
    reply.onFailed(this, [this, generation](const client::ApiError &error) {
        if (generation == m_generation)
            Q_EMIT loadFailed(error.message());
    });
}

void SignalStreamModel::update(const client::SignalStreamInfo &stream)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].stream.id == stream.id) {
            m_rows[i].stream = stream;
            Q_EMIT dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), ColumnCount - 1));
            return;
        }
    }
}

} // namespace mandate::models
