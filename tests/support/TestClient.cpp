#include "tests/support/TestClient.h"

#include "tests/support/OpenApiContract.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUrl>

namespace mandate::test {

QByteArray TestClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QString TestClient::Reply::problemKind() const
{
    return json().value(QStringLiteral("type")).toString().remove(QStringLiteral("urn:mandate:problem:"));
}

QStringList TestClient::Reply::errorFields() const
{
    QStringList fields;
    for (const QJsonValue &error : json().value(QStringLiteral("errors")).toArray())
        fields.append(error.toObject().value(QStringLiteral("field")).toString());
    return fields;
}

void TestClient::checkContract(const QByteArray &method, const QString &path, const Reply &reply,
                               const std::source_location &where)
{
    if (reply.status == 0)
        return; // no answer: nothing to hold against the document
    // sendConcurrently may spread calls over several servers, each call naming its own in full.
    QString route = path;
    if (route.startsWith(QStringLiteral("http://")) || route.startsWith(QStringLiteral("https://"))) {
        const QUrl url(route);
        route = url.path() + (url.hasQuery() ? u'?' + url.query() : QString());
    }
    const OpenApiContract &contract = OpenApiContract::shared();
    const QByteArray contentType = reply.header("Content-Type");
    // MANDATE_TEST_CAPTURE=<file> appends every answer as a JSON line, so a run's traffic can be
    // fed to another validator to cross-check this one.
    if (const QByteArray capture = qgetenv("MANDATE_TEST_CAPTURE"); !capture.isEmpty()) {
        QFile file(QString::fromLocal8Bit(capture));
        if (file.open(QIODevice::Append)) {
            file.write(
                QJsonDocument(QJsonObject{{QStringLiteral("method"), QString::fromLatin1(method)},
                                          {QStringLiteral("path"), route},
                                          {QStringLiteral("status"), reply.status},
                                          {QStringLiteral("content_type"), QString::fromLatin1(contentType)},
                                          {QStringLiteral("body"), QString::fromUtf8(reply.body)}})
                    .toJson(QJsonDocument::Compact) +
                '\n');
        }
    }
    const QStringList problems = contract.check(method, route, reply.status, contentType, reply.body);
    if (problems.isEmpty())
        return;
    QString operation = contract.describe(method, route);
    if (operation.isEmpty())
        operation = QString::fromLatin1(method) + u' ' + route;
    const QString message =
        QStringLiteral("OpenAPI contract: %1 answered %2, not as resources/api/openapi.yaml "
                       "says:\n    %3")
            .arg(operation)
            .arg(reply.status)
            .arg(problems.join(QStringLiteral("\n    ")));
    QTest::qFail(qPrintable(message), where.file_name(), static_cast<int>(where.line()));
}

TestClient::Reply TestClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers,
                                   const std::source_location &where)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(30'000);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    checkContract(method, path, result, where);
    return result;
}

TestClient::Reply TestClient::get(const QString &path, const std::source_location &where)
{
    return send("GET", path, {}, {}, where);
}

TestClient::Reply TestClient::post(const QString &path, const QJsonObject &body,
                                   const QByteArray &idempotencyKey, const std::source_location &where)
{
    return postRaw(path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                   idempotencyKey, where);
}

TestClient::Reply TestClient::postRaw(const QString &path, const QByteArray &body,
                                      const QByteArray &contentType, const QByteArray &idempotencyKey,
                                      const std::source_location &where)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", contentType}};
    if (!idempotencyKey.isEmpty())
        headers.append({"Idempotency-Key", idempotencyKey});
    return send("POST", path, body, headers, where);
}

TestClient::Reply TestClient::del(const QString &path, const std::source_location &where)
{
    return send("DELETE", path, {}, {}, where);
}

QList<TestClient::Reply> TestClient::sendConcurrently(const QString &baseUrl, const QList<Call> &calls,
                                                      int connections, const std::source_location &where)
{
    // QNetworkAccessManager opens at most six connections per host; several managers give the
    // server a real crowd.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < (connections + 5) / 6; ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    QList<Reply> replies(calls.size());
    qsizetype pending = calls.size();
    QEventLoop loop;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const Call &call = calls[i];
        QNetworkRequest request(QUrl(baseUrl + call.path));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Authorization", "Bearer " + call.token.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &[name, value] : call.headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = managers[static_cast<std::size_t>(i) % managers.size()]->sendCustomRequest(
            request, call.method, QJsonDocument(call.body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, i] {
            replies[i].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            replies[i].body = reply->readAll();
            replies[i].headers = reply->rawHeaderPairs();
            reply->deleteLater();
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0)
        loop.exec();
    for (qsizetype i = 0; i < calls.size(); ++i)
        checkContract(calls[i].method, calls[i].path, replies[i], where);
    return replies;
}

bool TestClient::signIn(const QString &username, const QString &password)
{
    const Reply reply = post(QStringLiteral("/v1/sessions"), {{QStringLiteral("username"), username},
                                                              {QStringLiteral("password"), password}});
    if (reply.status != 201)
        return false;
    m_token = reply.json().value(QStringLiteral("token")).toString();
    return !m_token.isEmpty();
}

} // namespace mandate::test
