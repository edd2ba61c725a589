#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::server {

class Database;

// The durable queue of Security Event Tokens, one row per SET and stream, written in the same
// transaction as the change that causes it, removed from the queue only when the receiver took
// it (a push answered 202, a poll acknowledged it) — so a crash at any point loses none, at the
// price of sending one again. Also remembers which delegations' ends were announced.
class SsfOutboxRepository
{
public:
    struct Entry
    {
        qint64 seq = 0;
        QString streamId;
        QString jti;
        QString eventType;
        bool control = false; // a stream update: sent whatever the stream's status, ahead of the rest
        QJsonObject claims;   // without "iss" and "aud", which signing adds
        QDateTime queuedAt;
        int attempts = 0;
    };

    struct Counts
    {
        qint64 queued = 0;
        qint64 delivered = 0;
    };

    explicit SsfOutboxRepository(Database &db)
        : m_db(db)
    {}

    bool insert(const Entry &entry);
    // The oldest undelivered SETs of a stream, stream updates first; only those when `controlOnly`.
    QList<Entry> pending(const QString &streamId, bool controlOnly, int limit);
    std::optional<Entry> find(const QString &streamId, qint64 seq);
    // Taken off the queue: `outcome` says how ("delivered", "acknowledged", "rejected: …").
    bool markDone(qint64 seq, const QDateTime &at, const QString &outcome);
    // Poll acknowledgements and errors by jti; how many of this stream's SETs they named.
    std::optional<int> markDoneByJti(const QString &streamId, const QStringList &jtis, const QDateTime &at,
                                     const QString &outcome);
    bool noteAttempt(qint64 seq);
    // A disabled stream holds nothing (SSF §8.1.2.1): its undelivered SETs go, stream updates kept.
    bool dropPending(const QString &streamId);

    QHash<QString, Counts> countsByStream();
    qint64 pendingTotal();
    // The oldest undelivered SET of a stream that may transmit (the delivery lag).
    std::optional<QDateTime> oldestDeliverable();
    // Forgets SETs taken before `doneBefore` and gives up on those queued before `queuedBefore`;
    // how many undelivered ones were given up.
    std::optional<int> prune(const QDateTime &doneBefore, const QDateTime &queuedBefore);

    // Records that a delegation's end was announced; false when it already was.
    std::optional<bool> markEnded(const QString &delegationId, const QDateTime &at);

private:
    Database &m_db;
};

} // namespace mandate::server
