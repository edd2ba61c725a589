#pragma once

#include "server/store/PageCursor.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// Shared Signals receivers, their streams and the subjects each stream added or removed.
// Receivers are found by the SHA-256 of their token, never by comparing tokens.
class SsfStreamRepository
{
public:
    struct Receiver
    {
        QString id;
        QString name;
        QDateTime createdAt;
        QString createdBy;
        std::optional<QDateTime> revokedAt;
    };

    struct Stream
    {
        QString id;
        QString receiverId;
        QString deliveryMethod; // "push" or "poll"
        QJsonObject
            config;     // what the receiver supplied: delivery, events_requested, description, signing_alg
        QString status; // enabled | paused | disabled
        QString statusReason;
        QDateTime createdAt;
        std::optional<QDateTime> verifiedAt;
        std::optional<QDateTime> failingSince;
        QString lastError;
        std::optional<QDateTime> nextAttemptAt;
        std::optional<QDateTime> lastDeliveredAt;
        QString leaseOwner;
        std::optional<QDateTime> leaseUntil;
    };

    struct Subject
    {
        QString streamId;
        QJsonObject subject;
        bool included = true;
    };

    explicit SsfStreamRepository(Database &db)
        : m_db(db)
    {}

    bool insertReceiver(const Receiver &receiver, const QByteArray &tokenHash);
    // An active (unrevoked) receiver by the hash of its token.
    std::optional<Receiver> receiverByToken(const QByteArray &tokenHash);
    std::optional<Receiver> receiver(const QString &id);
    // Newest first, keyset paged on (created_at, id).
    QList<Receiver> receivers(int limit, const std::optional<PageCursor> &after);
    bool revokeReceiver(const QString &id, const QDateTime &at);

    bool insertStream(const Stream &stream);
    std::optional<Stream> stream(const QString &id);
    QList<Stream> streamsOf(const QString &receiverId);
    // Every stream that may still receive events: not disabled, its receiver not revoked.
    QList<Stream> liveStreams();
    // Push streams with something to send now that no other instance holds (see claim()).
    QStringList pushStreamsDue(const QString &instance, const QDateTime &now);
    bool updateConfig(const QString &id, const QString &deliveryMethod, const QJsonObject &config);
    bool setStatus(const QString &id, const QString &status, const QString &reason);
    bool deleteStream(const QString &id);
    bool noteVerification(const QString &id, const QDateTime &at);

    // Takes (or keeps) the right to deliver a stream's events until `until`: one instance at a
    // time delivers a stream, in order. True when this instance holds it now.
    std::optional<bool> claim(const QString &id, const QString &instance, const QDateTime &now,
                              const QDateTime &until);
    // After a delivery the receiver accepted: the stream is healthy again.
    bool noteDelivered(const QString &id, const QDateTime &at);
    // After one it did not: failing since the first failure, the next attempt at `retryAt`.
    bool noteFailure(const QString &id, const QDateTime &at, const QString &error, const QDateTime &retryAt);
    // Poll receivers report errors through setErrs; the console shows the last one.
    bool noteError(const QString &id, const QString &error);
    // A resumed stream starts afresh: no failure history, due at once.
    bool clearFailures(const QString &id);

    bool setSubject(const QString &streamId, const QJsonObject &subject, bool included);
    QList<Subject> subjectsOf(const QString &streamId);
    QList<Subject> allSubjects();
    qsizetype subjectCount(const QString &streamId);

private:
    Database &m_db;
};

} // namespace mandate::server
