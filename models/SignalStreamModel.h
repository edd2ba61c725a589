#pragma once

#include "client/MandateApi.h"
#include "client/SignalReceiverInfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace mandate::models {

// Every Shared Signals stream, one row each, under the receiver it belongs to: how it is
// delivered, its status, what waits, what was taken, since when it fails and why. Receivers are
// few, so every page is fetched at once; reload() asks again (the server is the only truth).
class SignalStreamModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReceiverColumn,
        StreamColumn,
        DeliveryColumn,
        StatusColumn,
        QueuedColumn,
        DeliveredColumn,
        FailingSinceColumn,
        LastErrorColumn,
        ColumnCount
    };

    struct Row
    {
        QString receiverName;
        bool receiverRevoked = false;
        client::SignalStreamInfo stream;
    };

    explicit SignalStreamModel(client::MandateApi &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    int receiverCount() const { return m_receiverCount; }
    void reload();
    // A stream as an action answered it, in place.
    void update(const client::SignalStreamInfo &stream);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    void fetch(const QString &cursor, quint64 generation);

    client::MandateApi &m_api;
    QList<Row> m_rows;
    QList<Row> m_incoming;
    int m_receiverCount = 0;
    int m_incomingReceivers = 0;
    quint64 m_generation = 0;
};

} // namespace mandate::models
