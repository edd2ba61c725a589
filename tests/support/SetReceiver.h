#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace mandate::test {

// An independent Shared Signals receiver for the integration tests: tests/server/ssf/
// set_receiver.py, which verifies every SET with PyJWT (another JWT library than Mandate's)
// against the transmitter's jwks_uri: signature, "typ" secevent+jwt, "iss", "aud", no "sub" and
// no "exp", one event. Each SET it got becomes {"header", "claims"} (or {"error"}).
class SetReceiver
{
public:
    // True when python3 and PyJWT are there (scripts/install-deps.sh installs python3-jwt).
    static bool available(QString *why);

    ~SetReceiver();

    // Serves push deliveries on 127.0.0.1 (`port` 0: an ephemeral one), answering 202 — or
    // `status` for every request when it is not 0 (a receiver that is down, one that redirects).
    bool serve(const QString &serverUrl, const QString &issuer, const QString &audience, int status = 0,
               quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1/events").arg(m_port); }
    // Waits until `count` SETs arrived (or `timeoutMs` passed) and returns all arrived so far.
    QList<QJsonObject> waitFor(int count, int timeoutMs = 10'000);
    QList<QJsonObject> received() { return waitFor(0, 0); }

    // Verifies SETs (compact JWS) the way serve() does, one result per SET, in order.
    static QList<QJsonObject> verify(const QStringList &sets, const QString &serverUrl, const QString &issuer,
                                     const QString &audience);

    // The one event of a verified SET: its type and its object.
    static QString eventType(const QJsonObject &verified);
    static QJsonObject event(const QJsonObject &verified);

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_buffer;
    QList<QJsonObject> m_received;
};

} // namespace mandate::test
