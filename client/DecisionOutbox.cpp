#include "client/DecisionOutbox.h"

#include "client/ApiClient.h"
#include "client/MandateApi.h"
#include "core/Timestamp.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mandate::client {

namespace {

constexpr int OutboxSchemaVersion = 1;

} // namespace

DecisionOutbox::DecisionOutbox(const QString &file, MandateApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_db(file, QStringLiteral("outbox"), OutboxSchemaVersion,
           {QStringLiteral("CREATE TABLE IF NOT EXISTS decisions (idempotency_key TEXT PRIMARY KEY, "
                           "server TEXT NOT NULL, username TEXT NOT NULL, approval_id TEXT NOT NULL, "
                           "verdict TEXT NOT NULL, reason TEXT NOT NULL, created TEXT NOT NULL)")})
{
    m_retry.setInterval(5000);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &DecisionOutbox::flush);
    connect(&api.client(), &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable)
            flush();
    });
}

void DecisionOutbox::start(const QString &server, const QString &username)
{
    m_server = server;
    m_username = username;
    m_started = true;
    flush();
}

bool DecisionOutbox::submit(const QString &approvalId, ApprovalVerdict verdict, const QString &reason)
{
    if (!m_db.isOpen() || !m_started)
        return false;
    const Entry entry{approvalId, verdict, reason, ApiClient::newIdempotencyKey(),
                      QDateTime::currentDateTimeUtc()};
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO decisions (idempotency_key, server, username, approval_id, "
                             "verdict, reason, created) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QString::fromLatin1(entry.idempotencyKey));
    q.addBindValue(m_server);
    q.addBindValue(m_username);
    q.addBindValue(entry.approvalId);
    q.addBindValue(approvalVerdictToString(entry.verdict));
    // An approval's optional reason may be a null QString, which SQL would store as NULL.
    q.addBindValue(entry.reason.isNull() ? QStringLiteral("") : entry.reason);
    q.addBindValue(formatTimestamp(entry.created));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    Q_EMIT pendingChanged();
    send(entry);
    return true;
}

QList<DecisionOutbox::Entry> DecisionOutbox::pending() const
{
    QList<Entry> entries;
    if (!m_db.isOpen())
        return entries;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT approval_id, verdict, reason, idempotency_key, created FROM decisions "
                             "WHERE server = ? AND username = ? ORDER BY created"));
    q.addBindValue(m_server);
    q.addBindValue(m_username);
    if (!q.exec())
        return entries;
    while (q.next()) {
        const auto verdict = approvalVerdictFromString(q.value(1).toString());
        const auto created = parseTimestamp(q.value(4).toString());
        if (verdict && created)
            entries.append({q.value(0).toString(), *verdict, q.value(2).toString(),
                            q.value(3).toString().toLatin1(), *created});
    }
    return entries;
}

bool DecisionOutbox::isPending(const QString &approvalId) const
{
    const QList<Entry> entries = pending();
    return std::any_of(entries.cbegin(), entries.cend(),
                       [&approvalId](const Entry &entry) { return entry.approvalId == approvalId; });
}

void DecisionOutbox::flush()
{
    if (!m_started)
        return;
    for (const Entry &entry : pending()) {
        if (!m_inFlight.contains(entry.idempotencyKey))
            send(entry);
    }
}

void DecisionOutbox::send(const Entry &entry)
{
    m_inFlight.insert(entry.idempotencyKey);
    const auto reply = m_api.decide(entry.approvalId, entry.verdict, entry.reason, entry.idempotencyKey);
    const QByteArray key = entry.idempotencyKey;
    const QString approvalId = entry.approvalId;
    reply.onSucceeded(this, [this, key](const Approval &approval) {
        m_inFlight.remove(key);
        remove(key);
        Q_EMIT decided(approval);
    });
    reply.onFailed(this, [this, key, approvalId](const ApiError &error) {
        m_inFlight.remove(key);
        if (!isFinal(error)) {
            m_retry.start();
            Q_EMIT deferred(approvalId, error);
            return;
        }
        remove(key);
        Q_EMIT refused(approvalId, error, MandateApi::currentApprovalOf(error));
    });
}

void DecisionOutbox::remove(const QByteArray &idempotencyKey)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM decisions WHERE idempotency_key = ?"));
    q.addBindValue(QString::fromLatin1(idempotencyKey));
    q.exec();
    Q_EMIT pendingChanged();
}

bool DecisionOutbox::isFinal(const ApiError &error)
{
    // No answer, a server in trouble, an expired session or a rate limit say nothing about the
    // decision itself: it goes out again (with the same key) once the server can take it.
    if (error.isConnectivity())
        return false;
    // A success whose answer is not an approval: the server took the decision, sending it again
    // would not change that.
    if (error.kind == ApiError::Kind::Protocol && error.status >= 200 && error.status < 300)
        return true;
    switch (error.kind) {
    case ApiError::Kind::Unauthenticated:
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::Unavailable:
    case ApiError::Kind::Internal:
        return false;
    default:
        return error.status >= 400 && error.status < 500;
    }
}

} // namespace mandate::client
