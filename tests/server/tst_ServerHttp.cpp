#include "tests/support/TestServer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <functional>

using mandate::test::TestServer;

// HTTP/1.1 as RFC 9112 and RFC 9110 describe it, spoken from raw sockets: pipelined requests are
// answered in order however long each takes, "100-continue" gets its interim answer, the Host
// rules hold, and connections stay open or close as the client asked.
class TstServerHttp : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    std::unique_ptr<QTcpSocket> connectRaw()
    {
        const QUrl url(m_server.url());
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(url.host(), static_cast<quint16>(url.port()));
        return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
    }

    // Reads until `done` holds for what arrived, the server hangs up, or five seconds pass.
    static QByteArray readUntil(QTcpSocket &socket, const std::function<bool(const QByteArray &)> &done)
    {
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        while (!done(received) && timer.elapsed() < 5000 &&
               socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(100);
            received += socket.readAll();
        }
        return received + socket.readAll();
    }

    static QList<int> statuses(const QByteArray &received)
    {
        QList<int> found;
        static const QRegularExpression statusLine(QStringLiteral("HTTP/1\\.1 (\\d{3}) "));
        for (auto it = statusLine.globalMatch(QString::fromLatin1(received)); it.hasNext();)
            found.append(it.next().captured(1).toInt());
        return found;
    }

    static QByteArray signIn()
    {
        const QByteArray body = R"({"username":"alice","password":"mandate-demo"})";
        return "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        // The sign-in waits for a group commit; the other two are answered at once. The answers
        // still come in the order the requests were sent (RFC 9112 §9.3.2), and the connection
        // closes after the one that asked for it.
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write(signIn() + "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n" +
                      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const QByteArray received = readUntil(*socket, [](const QByteArray &) { return false; });
        QCOMPARE(statuses(received), (QList<int>{201, 404, 200}));
        QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);
    }

    void manyPipelinedRequestsAreAllAnswered()
    {
        // Behind a sign-in that waits for its group commit, more requests than a connection
        // frames ahead (16): the later ones wait in the socket and are read as answers go out.
        auto socket = connectRaw();
        QVERIFY(socket);
        QList<int> expected{201};
        const auto some = [&expected](int count) {
            QByteArray requests;
            for (int i = 0; i < count; ++i) {
                const bool found = expected.size() % 3 != 0;
                requests += found ? "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                  : "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n";
                expected.append(found ? 200 : 404);
            }
            return requests;
        };
        socket->write(signIn() + some(20));
        socket->flush();
        socket->write(some(20) + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        expected.append(200);
        QCOMPARE(statuses(readUntil(*socket, [](const QByteArray &) { return false; })), expected);
    }

    void aKeptAliveConnectionServesRequestAfterRequest()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        for (int i = 0; i < 3; ++i) {
            socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            const QByteArray received =
                readUntil(*socket, [](const QByteArray &r) { return r.contains("\r\n\r\n"); });
            QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
            QVERIFY(!received.contains("Connection: close"));
        }
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }

    void expectContinueGetsAnInterimAnswerBeforeTheBody()
    {
        const QByteArray request = signIn();
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write(request.left(headerEnd) + "\r\nExpect: 100-continue\r\n\r\n");
        const QByteArray interim =
            readUntil(*socket, [](const QByteArray &r) { return r.contains("\r\n\r\n"); });
        QCOMPARE(interim, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket->write(request.mid(headerEnd + 4));
        const QByteArray final =
            readUntil(*socket, [](const QByteArray &r) { return r.contains("\r\n\r\n"); });
        QVERIFY2(final.startsWith("HTTP/1.1 201"), final.constData());
    }

    void hostIsRequiredExactlyOnce()
    {
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host and for any with two.
        for (const QByteArray &request :
             {QByteArray("GET /healthz HTTP/1.1\r\n\r\n"),
              QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")}) {
            auto socket = connectRaw();
            QVERIFY(socket);
            socket->write(request);
            // The framer refuses it with the other message-syntax errors, and closes the connection.
            const QByteArray received = readUntil(*socket, [](const QByteArray &) { return false; });
            QVERIFY2(received.startsWith("HTTP/1.1 400"), received.constData());
            QVERIFY(received.contains("Content-Type: application/problem+json"));
            QVERIFY2(received.contains("exactly one Host header"), received.constData());
        }
    }

    void http10ClosesUnlessAskedToKeepAlive()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /healthz HTTP/1.0\r\n\r\n");
        const QByteArray received = readUntil(*socket, [](const QByteArray &) { return false; });
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
        QVERIFY(received.contains("Connection: close"));
        QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);
    }

    void theTargetIsPercentDecodedBeforeRouting()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /health%7A HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray received =
            readUntil(*socket, [](const QByteArray &r) { return r.contains("\r\n\r\n"); });
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    }
};

QTEST_GUILESS_MAIN(TstServerHttp)
#include "tst_ServerHttp.moc"
