#pragma once

#include "client/ApiError.h"
#include "client/LocalDatabase.h"
#include "core/Approval.h"
#include "core/Money.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <optional>

namespace mandate::client {

class MandateApi;

// Approval decisions on their way to the server, kept in their own SQLite file (mode 0600). A
// decision is written before it is sent and stays until the server answered it for good, so a
// console that crashes or loses the network still delivers it — exactly once, because every send
// repeats the Idempotency-Key it was written with. Entries are scoped to one server and person:
// a decision is only ever sent with the session of the person who made it.
class DecisionOutbox : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString approvalId;
        ApprovalVerdict verdict = ApprovalVerdict::Approve;
        QString reason;
        QByteArray idempotencyKey;
        QDateTime created;
        std::optional<Money> narrowed; // an approval of at most this amount
    };

    DecisionOutbox(const QString &file, MandateApi &api, QObject *parent = nullptr);

    bool isOpen() const { return m_db.isOpen(); }
    // The last failure: opening the file, or writing a decision into it.
    const QString &errorString() const { return m_error.isEmpty() ? m_db.errorString() : m_error; }

    // Sends (again) what this person left unsent on this server: call once signed in.
    void start(const QString &server, const QString &username);
    // Writes the decision, then sends it; false when it could not be written (nothing is sent).
    // NARROWED makes an approval let at most that amount through ("approve less").
    bool submit(const QString &approvalId, ApprovalVerdict verdict, const QString &reason,
                const std::optional<Money> &narrowed = std::nullopt);
    // Resends every unanswered entry of the scope that is not already on its way.
    void flush();

    QList<Entry> pending() const;
    bool isPending(const QString &approvalId) const;
    // How long to wait before resending after a 5xx or a dropped connection (tests shorten it).
    void setRetryInterval(int ms) { m_retry.setInterval(ms); }

Q_SIGNALS:
    // The server took the decision; APPROVAL is how it stands now.
    void decided(const mandate::Approval &approval);
    // The server answered for good that the decision does not count (403, 409, 400, …); CURRENT
    // is the approval as it stands when the answer carried it (a 409 does).
    void refused(const QString &approvalId, const mandate::client::ApiError &error,
                 const std::optional<mandate::Approval> &current);
    // No final answer yet (offline, 5xx): the entry stays and goes out again later.
    void deferred(const QString &approvalId, const mandate::client::ApiError &error);
    void pendingChanged();

private:
    void send(const Entry &entry);
    void remove(const QByteArray &idempotencyKey);
    static bool isFinal(const ApiError &error);

    MandateApi &m_api;
    LocalDatabase m_db;
    QString m_server;
    QString m_username;
    QString m_error;
    QSet<QByteArray> m_inFlight;
    QTimer m_retry;
    bool m_started = false;
};

} // namespace mandate::client
