#include "client/DecisionOutbox.h"

#include "client/ApiClient.h"
#include "client/MandateApi.h"
#include "core/Timestamp.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mandate::client {

namespace {

constexpr int OutboxSchemaVersion = 2;

} // namespace

DecisionOutbox::DecisionOutbox(const QString &file, MandateApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_db(file, QStringLiteral("outbox"), OutboxSchemaVersion,
           {QStringLiteral("CREATE TABLE IF NOT EXISTS decisions (idempotency_key TEXT PRIMARY KEY, "
                           "server TEXT NOT NULL, username TEXT NOT NULL, approval_id TEXT NOT NULL, "
                           "verdict TEXT NOT NULL, reason TEXT NOT NULL, created TEXT NOT NULL)"),
            // Version 2: the amount of an "approve less", beside its decision (every statement
            // here runs again on each upgrade, so none may fail on a table that exists).
            QStringLiteral("CREATE TABLE IF NOT EXISTS narrowed (idempotency_key TEXT PRIMARY KEY "
                           "REFERENCES decisions(idempotency_key), amount_minor INTEGER NOT NULL, "
                           "currency TEXT NOT NULL)")})
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

bool DecisionOutbox::submit(const QString &approvalId, ApprovalVerdict verdict, const QString &reason,
                            const std::optional<Money> &narrowed)
{
    if (!m_db.isOpen() || !m_started)
        return false;
    const Entry entry{
        approvalId, verdict, reason, ApiClient::newIdempotencyKey(), QDateTime::currentDateTimeUtc(),
        narrowed};
    QSqlDatabase db = m_db.database();
    // One transaction: a crash never leaves a narrowed approval on disk as a plain one.
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
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
    bool written = q.exec();
    if (written && narrowed) {
        q.prepare(QStringLiteral(
            "INSERT INTO narrowed (idempotency_key, amount_minor, currency) VALUES (?, ?, ?)"));
        q.addBindValue(QString::fromLatin1(entry.idempotencyKey));
        q.addBindValue(narrowed->amountMinor());
        q.addBindValue(narrowed->currency());
        written = q.exec();
    }
    if (!written || !db.commit()) {
        m_error = written ? db.lastError().text() : q.lastError().text();
        db.rollback();
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
    q.prepare(QStringLiteral("SELECT d.approval_id, d.verdict, d.reason, d.idempotency_key, d.created, "
                             "n.amount_minor, n.currency FROM decisions d LEFT JOIN narrowed n "
                             "ON n.idempotency_key = d.idempotency_key "
                             "WHERE d.server = ? AND d.username = ? ORDER BY d.created"));
    q.addBindValue(m_server);
    q.addBindValue(m_username);
    if (!q.exec())
        return entries;
    while (q.next()) {
        const auto verdict = approvalVerdictFromString(q.value(1).toString());
        const auto created = parseTimestamp(q.value(4).toString());
        std::optional<Money> narrowed;
        if (!q.value(6).isNull()) {
            const auto amount = Money::of(q.value(5).toLongLong(), q.value(6).toString());
            if (!amount)
                continue; // damaged: sending it as a plain approval would approve more than meant
            narrowed = *amount;
        }
        if (verdict && created)
            entries.append({q.value(0).toString(), *verdict, q.value(2).toString(),
                            q.value(3).toString().toLatin1(), *created, narrowed});
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
    const auto reply =
        entry.narrowed
            ? m_api.approveNarrowed(entry.approvalId, entry.reason, *entry.narrowed, entry.idempotencyKey)
            : m_api.decide(entry.approvalId, entry.verdict, entry.reason, entry.idempotencyKey);
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
    // The decision first: a crash in between leaves an amount nothing reads, never an approval
    // that lost its limit.
    for (const QString &sql : {QStringLiteral("DELETE FROM decisions WHERE idempotency_key = ?"),
                               QStringLiteral("DELETE FROM narrowed WHERE idempotency_key = ?")}) {
        q.prepare(sql);
        q.addBindValue(QString::fromLatin1(idempotencyKey));
        q.exec();
    }
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
