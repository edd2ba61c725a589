#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

#include <source_location>

namespace mandate::test {

// A blocking HTTP client for integration tests: one call, one answer, over a real socket.
// Every answer is held against resources/api/openapi.yaml (OpenApiContract): an undocumented
// status, media type or body member fails the calling test at the line that made the call.
class TestClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString networkError;

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QByteArray header(const QByteArray &name) const;
        // The "urn:mandate:problem:<kind>" suffix of a problem body.
        QString problemKind() const;
        // The field paths of a validation problem's errors[].
        QStringList errorFields() const;
    };

    explicit TestClient(QString baseUrl)
        : m_baseUrl(std::move(baseUrl))
    {}

    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }

    Reply get(const QString &path, const std::source_location &where = std::source_location::current());
    Reply post(const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey = {},
               const std::source_location &where = std::source_location::current());
    Reply postRaw(const QString &path, const QByteArray &body,
                  const QByteArray &contentType = "application/json", const QByteArray &idempotencyKey = {},
                  const std::source_location &where = std::source_location::current());
    Reply del(const QString &path, const std::source_location &where = std::source_location::current());
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {},
               const std::source_location &where = std::source_location::current());

    struct Call
    {
        QString token;
        QByteArray method;
        QString path;
        QJsonObject body;
        QList<QPair<QByteArray, QByteArray>> headers = {};
    };
    // Sends every call at once over `connections` parallel connections and waits for all answers,
    // which come back in the order of `calls`.
    static QList<Reply> sendConcurrently(const QString &baseUrl, const QList<Call> &calls,
                                         int connections = 32,
                                         const std::source_location &where = std::source_location::current());

    // Signs in and keeps the token; the demo password unless told otherwise.
    bool signIn(const QString &username, const QString &password = QStringLiteral("mandate-demo"));

    // Fails the running test (as QFAIL would, but without returning) when `reply` is not what the
    // OpenAPI document says `method path` answers.
    static void checkContract(const QByteArray &method, const QString &path, const Reply &reply,
                              const std::source_location &where);

private:
    QString m_baseUrl;
    QString m_token;
    QNetworkAccessManager m_network;
};

} // namespace mandate::test
