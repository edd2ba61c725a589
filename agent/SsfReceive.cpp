#include "agent/SsfReceive.h"

#include "agent/ExitCode.h"
#include "agent/SetVerifier.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <csignal>

namespace mandate::agent {

namespace {

constexpr qsizetype MaxRequestBytes = 64 * 1024;

// Set by SIGINT or SIGTERM (only an async-signal-safe store happens in the handler); the event loop
// looks at it and ends, so the stream is deleted on the way out.
volatile std::sig_atomic_t stopRequested = 0;

void requestStop(int)
{
    stopRequested = 1;
}

struct Answer
{
    int status = 0;
    QJsonDocument json;
    QString error;
};

// One call to the transmitter, waited for: a command line does one thing after another.
Answer call(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
            const QByteArray &token, const QJsonObject &body = {}, int timeoutMs = 15'000)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  QJsonDocument::fromJson(reply->readAll()), reply->errorString()};
    reply->deleteLater();
    return answer;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "mandate-agent ssf-receive: " << message << '\n';
    return UsageOrTransport;
}

void respond(QTcpSocket *socket, int status, const QByteArray &body = {})
{
    const QByteArray reason = status == 202   ? "Accepted"
                              : status == 400 ? "Bad Request"
                                              : "Payload Too Large";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nConnection: close\r\n";
    if (!body.isEmpty())
        head += "Content-Type: application/json\r\n";
    socket->write(head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

int SsfReceive::run()
{
    QFile tokenFile(m_options.tokenFile);
    if (!tokenFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the receiver token from %1").arg(m_options.tokenFile));
    const QByteArray token = tokenFile.readAll().trimmed();
    QNetworkAccessManager network;
    const Answer metadata =
        call(network, "GET",
             m_options.server.resolved(QUrl(QStringLiteral("/.well-known/ssf-configuration"))), {});
    const QString issuer = metadata.json.object().value(u"issuer").toString();
    if (metadata.status != 200 || issuer.isEmpty())
        return fail(
            QStringLiteral("the server publishes no Shared Signals configuration: %1").arg(metadata.error));
    const Answer keys = call(network, "GET", QUrl(metadata.json.object().value(u"jwks_uri").toString()), {});
    auto verifier = SetVerifier::fromJwks(keys.json.object());
    if (!verifier)
        return fail(QStringLiteral("jwks_uri: %1").arg(verifier.error()));

    QTcpServer listener;
    if (!listener.listen(QHostAddress::LocalHost, m_options.port))
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                        .arg(m_options.port)
                        .arg(listener.errorString()));
    const QString endpoint = QStringLiteral("http://127.0.0.1:%1/events").arg(listener.serverPort());
    const QUrl configuration(metadata.json.object().value(u"configuration_endpoint").toString());
    const Answer created =
        call(network, "POST", configuration, token,
             {{QStringLiteral("delivery"),
               QJsonObject{{QStringLiteral("method"), QStringLiteral("urn:ietf:rfc:8935")},
                           {QStringLiteral("endpoint_url"), endpoint}}},
              {QStringLiteral("description"), QStringLiteral("mandate-agent ssf-receive")}});
    const QString stream = created.json.object().value(u"stream_id").toString();
    const QString audience = created.json.object().value(u"aud").toString();
    if (created.status != 201 || stream.isEmpty())
        return fail(QStringLiteral("the transmitter refused the stream (HTTP %1)").arg(created.status));
    QTextStream(stderr) << "listening on " << endpoint << " for stream " << stream << Qt::endl;

    QEventLoop loop;
    int printed = 0;
    QTextStream out(stdout);
    QObject::connect(&listener, &QTcpServer::newConnection, &loop, [&] {
        while (QTcpSocket *socket = listener.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(
                socket, &QTcpSocket::readyRead, socket, [&, socket = QPointer<QTcpSocket>(socket)] {
                    if (!socket || socket->bytesAvailable() > MaxRequestBytes) {
                        if (socket)
                            respond(socket, 413);
                        return;
                    }
                    const QByteArray request = socket->peek(MaxRequestBytes);
                    const qsizetype end = request.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : request.left(end).split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (request.size() < end + 4 + length)
                        return; // the rest of the body is on its way
                    const QByteArray set = request.mid(end + 4, length);
                    socket->readAll();
                    const auto claims = verifier->verify(set, issuer, audience);
                    if (!claims) {
                        // RFC 8935 §2.3: the SET is refused, with a reason the transmitter records.
                        respond(socket, 400,
                                QJsonDocument(
                                    QJsonObject{{QStringLiteral("err"), QStringLiteral("invalid_request")},
                                                {QStringLiteral("description"), claims.error()}})
                                    .toJson(QJsonDocument::Compact));
                        QTextStream(stderr) << "refused a SET: " << claims.error() << Qt::endl;
                        return;
                    }
                    respond(socket, 202);
                    out << QJsonDocument(*claims).toJson(QJsonDocument::Compact) << Qt::endl;
                    if (m_options.count > 0 && ++printed >= m_options.count)
                        loop.quit();
                });
        }
    });
    if (m_options.seconds > 0)
        QTimer::singleShot(m_options.seconds * 1000, &loop, &QEventLoop::quit);
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopWatch;
    QObject::connect(&stopWatch, &QTimer::timeout, &loop, [&loop] {
        if (stopRequested)
            loop.quit();
    });
    stopWatch.start(100);
    loop.exec();
    // Its stream goes with it, or the transmitter would keep queueing for a receiver that is gone.
    // Briefly: on Ctrl+C the server may be stopping too.
    QUrl remove = configuration;
    remove.setQuery(QStringLiteral("stream_id=") + stream);
    call(network, "DELETE", remove, token, {}, 2'000);
    return Allowed;
}

} // namespace mandate::agent
