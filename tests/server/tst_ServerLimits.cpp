#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using mandate::test::TestClient;
using mandate::test::TestServer;

// The limits of API.md hold at the socket: oversized, endless, slow and excessive clients are cut
// off before they cost the server memory or connections.
class TstServerLimits : public QObject
{
    Q_OBJECT

private:
    TestServer m_server{{QStringLiteral("--demo"), QStringLiteral("--max-connections"), QStringLiteral("8"),
                         QStringLiteral("--header-timeout"), QStringLiteral("1")}};

    // From `source` when given: any 127.0.0.0/8 address is this machine, so one test can be
    // several clients.
    std::unique_ptr<QTcpSocket> connectRaw(const QString &source = {})
    {
        const QUrl url(m_server.url());
        auto socket = std::make_unique<QTcpSocket>();
        if (!source.isEmpty() && !socket->bind(QHostAddress(source)))
            return nullptr;
        socket->connectToHost(url.host(), static_cast<quint16>(url.port()));
        return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
    }

    // Streams up to `total` bytes of body, stopping as soon as the server answers or hangs up.
    static QByteArray pushBody(QTcpSocket &socket, qint64 total, bool chunked)
    {
        const QByteArray piece(64 * 1024, 'x');
        const QByteArray framed =
            chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n" : piece;
        QByteArray answer;
        for (qint64 sent = 0; sent < total && socket.state() == QAbstractSocket::ConnectedState;
             sent += piece.size()) {
            socket.write(framed);
            socket.waitForBytesWritten(200);
            if (socket.waitForReadyRead(0) || socket.bytesAvailable() > 0)
                answer += socket.readAll();
            if (!answer.isEmpty())
                break;
        }
        QElapsedTimer timer;
        timer.start();
        while (!answer.contains("\r\n\r\n") && timer.elapsed() < 5000 &&
               socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(200);
            answer += socket.readAll();
        }
        answer += socket.readAll();
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Under AddressSanitizer freed memory waits in a quarantine and still counts as resident;
        // keep it small so the measurements are about what the server holds.
        qputenv("ASAN_OPTIONS", qgetenv("ASAN_OPTIONS") + ":quarantine_size_mb=1");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void declaredHugeBodyIsRefusedBeforeItIsRead()
    {
        const qint64 rssBefore = m_server.residentBytes();
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /v1/delegations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: 52428800\r\n\r\n");
        const QByteArray answer = pushBody(*socket, 50 * 1024 * 1024, false);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(answer.contains("application/problem+json"));
        QVERIFY(answer.contains("urn:mandate:problem:payload_too_large"));
        const qint64 growth = m_server.residentBytes() - rssBefore;
        QVERIFY2(growth < 5 * 1024 * 1024, qPrintable(QStringLiteral("RSS grew by %1 bytes").arg(growth)));
    }

    void chunkedHugeBodyStopsAtTheLimit()
    {
        const qint64 rssBefore = m_server.residentBytes();
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /v1/delegations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray answer = pushBody(*socket, 50 * 1024 * 1024, true);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        const qint64 growth = m_server.residentBytes() - rssBefore;
        QVERIFY2(growth < 5 * 1024 * 1024, qPrintable(QStringLiteral("RSS grew by %1 bytes").arg(growth)));
    }

    void oversizedHeadersAreRefused()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + QByteArray(20 * 1024, 'a') +
                      "\r\n\r\n");
        const QByteArray answer = pushBody(*socket, 0, false);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    }

    void smugglingShapedRequestsAreRefused()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n0\r\n\r\n");
        const QByteArray answer = pushBody(*socket, 0, false);
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.left(200).constData());
    }

    void slowHeadersAreCutOff()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        socket->waitForBytesWritten(1000);
        QElapsedTimer timer;
        timer.start();
        QByteArray answer;
        while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 8000) {
            socket->waitForReadyRead(200);
            answer += socket->readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.left(200).constData());
        QVERIFY(timer.elapsed() < 8000);
    }

    void connectionsAreCapped()
    {
        // Refused connections from earlier tests linger for up to two seconds; let them go.
        QTest::qWait(2500);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 8; ++i) {
            held.push_back(connectRaw(QStringLiteral("127.0.0.%1").arg(2 + i)));
            QVERIFY(held.back());
            // Each holds a request in flight (its body within the body timeout), so none can go.
            held.back()->write("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
        }
        // Give the server a moment to accept them all.
        QTest::qWait(300);
        auto extra = connectRaw(QStringLiteral("127.0.0.20"));
        QVERIFY(extra);
        extra->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray answer = pushBody(*extra, 0, false);
        QVERIFY2(answer.startsWith("HTTP/1.1 503"), answer.left(200).constData());
        held.clear();
        QTest::qWait(300);
        TestClient client(m_server.url());
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
    }

    void idleConnectionsMakeRoom()
    {
        // Connections that only sit there (opened and never used, or kept alive after a request)
        // cannot lock anyone out: the longest idle one is closed for a newcomer.
        QTest::qWait(2500);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 8; ++i) {
            held.push_back(connectRaw());
            QVERIFY(held.back());
            QTest::qWait(20);
        }
        QTest::qWait(300);
        auto extra = connectRaw();
        QVERIFY(extra);
        extra->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray answer = pushBody(*extra, 0, false);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
        QTRY_COMPARE_WITH_TIMEOUT(held.front()->state(), QAbstractSocket::UnconnectedState, 3000);
        QCOMPARE(held.back()->state(), QAbstractSocket::ConnectedState);
    }

    void serverStillServesAfterAllThat()
    {
        TestClient client(m_server.url());
        QVERIFY(client.signIn(QStringLiteral("alice")));
        QCOMPARE(client.get(QStringLiteral("/v1/delegations")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstServerLimits)
#include "tst_ServerLimits.moc"
