#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using mandate::test::TestClient;
using mandate::test::TestServer;

// How the server meets the network: HTTPS with the operator's certificate, no plain HTTP on a
// public address by accident, and metrics an operator can scrape.
class TstServerTransport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certs;

private Q_SLOTS:
    void refusesPlainHttpOnPublicAddresses()
    {
        QTemporaryDir data;
        QProcess server;
        server.start(TestServer::binary(), {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                            QStringLiteral("--data-dir"), data.path()});
        QVERIFY(server.waitForFinished(10'000));
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.readAllStandardError().contains("refusing to serve plain HTTP"));
    }

    void servesHttpsWithTheGivenCertificate()
    {
        const QString cert = m_certs.filePath(QStringLiteral("cert.pem"));
        const QString key = m_certs.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30'000));
        QCOMPARE(openssl.exitCode(), 0);

        TestServer server({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.url().startsWith(QStringLiteral("https://")));

        const QUrl url(server.url());
        QSslSocket socket;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(cert));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.setSslConfiguration(config);
        socket.connectToHostEncrypted(url.host(), static_cast<quint16>(url.port()));
        QVERIFY2(socket.waitForEncrypted(10'000), qPrintable(socket.errorString()));
        QCOMPARE(socket.peerCertificate(), QSslCertificate::fromPath(cert).first());
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("\"status\":\"ok\""));
    }

    void metricsDescribeTheTraffic()
    {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestClient client(server.url());
        QVERIFY(client.signIn(QStringLiteral("sam")));
        QCOMPARE(client.get(QStringLiteral("/v1/delegations")).status, 200);
        QCOMPARE(client.get(QStringLiteral("/v1/delegations/dlg_missing")).status, 404);
        const auto metrics = client.get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = metrics.body;
        QVERIFY(text.contains(
            "mandate_http_requests_total{method=\"GET\",route=\"/v1/delegations\",status=\"200\"} 1"));
        QVERIFY(text.contains(
            "mandate_http_requests_total{method=\"GET\",route=\"/v1/delegations/{id}\",status=\"404\"} 1"));
        QVERIFY(text.contains("mandate_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/"
                              "delegations\",le=\"+Inf\"} 1"));
        QVERIFY(text.contains("mandate_store_commit_batch_size_count"));
        QVERIFY(text.contains("mandate_approvals_pending "));
        // Secrets never reach metrics or labels.
        QVERIFY(!text.contains(client.token().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TstServerTransport)
#include "tst_ServerTransport.moc"
