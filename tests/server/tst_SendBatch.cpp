#include "server/http/SendBatch.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <liburing.h>
#include <memory>

using mandate::server::SendBatch;

Q_DECLARE_METATYPE(SendBatch::Submission)

// What a group commit's answers look like to their clients: each gets its own bytes, in the order
// they were given, whole however large, whether the batch went through io_uring or one write per
// socket, and nothing reaches a connection that went away meanwhile.
class TstSendBatch : public QObject
{
    Q_OBJECT

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> client;
        QTcpSocket *server = nullptr; // the side the batch writes to, owned by the listener
    };

    QTcpServer m_listener;

    Connection connect()
    {
        Connection connection{std::make_unique<QTcpSocket>(), nullptr};
        connection.client->connectToHost(QHostAddress::LocalHost, m_listener.serverPort());
        if (!connection.client->waitForConnected(5000) || !m_listener.waitForNewConnection(5000))
            return connection;
        connection.server = m_listener.nextPendingConnection();
        return connection;
    }

    // Reads until `size` bytes came or nothing more came for a while. Runs the event loop, so the
    // server side's sockets write what they buffered.
    static QByteArray receive(QTcpSocket &client, qsizetype size)
    {
        QByteArray received;
        QDeadlineTimer quiet(500);
        while (received.size() < size && !quiet.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            const QByteArray bytes = client.readAll();
            if (!bytes.isEmpty())
                quiet.setRemainingTime(500);
            received += bytes;
        }
        return received;
    }

    static void addSubmissions()
    {
        QTest::addColumn<SendBatch::Submission>("submission");
        QTest::newRow("io_uring") << SendBatch::Submission::Ring;
        QTest::newRow("one write per socket") << SendBatch::Submission::Writes;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_listener.listen(QHostAddress::LocalHost)); }

    void answersReachTheirClientsInOrder_data() { addSubmissions(); }
    void answersReachTheirClientsInOrder()
    {
        QFETCH(SendBatch::Submission, submission);
        SendBatch batch(submission);
        Connection first = connect();
        Connection second = connect();
        QVERIFY(first.server && second.server);

        batch.open();
        QVERIFY(batch.add(first.server, "HTTP/1.1 200 OK\r\n\r\none "));
        QVERIFY(batch.add(second.server, "second"));
        QVERIFY(batch.add(first.server, "two"));
        // Held until the batch closes.
        QCOMPARE(receive(*first.client, 1), QByteArray());
        batch.close();

        QCOMPARE(receive(*first.client, 26), QByteArray("HTTP/1.1 200 OK\r\n\r\none two"));
        QCOMPARE(receive(*second.client, 6), QByteArray("second"));
        QVERIFY(!batch.isOpen());
        QVERIFY(!batch.add(first.server, "after"));
    }

    void whatASocketCannotTakeAtOnceStillArrivesWhole_data() { addSubmissions(); }
    void whatASocketCannotTakeAtOnceStillArrivesWhole()
    {
        QFETCH(SendBatch::Submission, submission);
        SendBatch batch(submission);
        Connection connection = connect();
        QVERIFY(connection.server);
        // Far beyond what the kernel's socket buffers take without the client reading.
        QByteArray answer(24 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < answer.size(); ++i)
            answer[i] = static_cast<char>('a' + i % 23);

        batch.open();
        QVERIFY(batch.add(connection.server, answer));
        batch.close();

        QCOMPARE(receive(*connection.client, answer.size()), answer);
    }

    void bytesTheSocketStillHasAreNotOvertaken_data() { addSubmissions(); }
    void bytesTheSocketStillHasAreNotOvertaken()
    {
        QFETCH(SendBatch::Submission, submission);
        SendBatch batch(submission);
        Connection connection = connect();
        QVERIFY(connection.server);
        connection.server->write("first ");

        batch.open();
        QVERIFY(!batch.add(connection.server, "second"));
        connection.server->write("second");
        batch.close();

        QCOMPARE(receive(*connection.client, 12), QByteArray("first second"));
    }

    void takenBytesLeaveTheBatch_data() { addSubmissions(); }
    void takenBytesLeaveTheBatch()
    {
        QFETCH(SendBatch::Submission, submission);
        SendBatch batch(submission);
        Connection connection = connect();
        QVERIFY(connection.server);

        batch.open();
        QVERIFY(batch.add(connection.server, "held "));
        QCOMPARE(batch.take(connection.server), QByteArray("held "));
        QCOMPARE(batch.take(connection.server), QByteArray());
        connection.server->write("written");
        connection.server->flush();
        batch.close();

        QCOMPARE(receive(*connection.client, 100), QByteArray("written"));
    }

    void aConnectionGoneMeanwhileGetsNothing_data() { addSubmissions(); }
    void aConnectionGoneMeanwhileGetsNothing()
    {
        QFETCH(SendBatch::Submission, submission);
        SendBatch batch(submission);
        Connection aborted = connect();
        Connection deleted = connect();
        Connection staying = connect();
        QVERIFY(aborted.server && deleted.server && staying.server);

        batch.open();
        QVERIFY(batch.add(aborted.server, "to the aborted"));
        QVERIFY(batch.add(deleted.server, "to the deleted"));
        QVERIFY(batch.add(staying.server, "to the one staying"));
        aborted.server->abort();
        delete deleted.server;
        batch.close();

        QCOMPARE(receive(*staying.client, 18), QByteArray("to the one staying"));
        QCOMPARE(receive(*aborted.client, 100), QByteArray());
        QCOMPARE(receive(*deleted.client, 100), QByteArray());
    }

    void theRingIsUsedWhereTheKernelOffersIt()
    {
        io_uring probe{};
        if (io_uring_queue_init(4, &probe, 0) < 0)
            QSKIP("io_uring is not available here: batches write one socket at a time");
        io_uring_queue_exit(&probe);

        SendBatch batch;
        Connection connection = connect();
        QVERIFY(connection.server);
        batch.open();
        QVERIFY(batch.add(connection.server, "ok"));
        batch.close();
        QVERIFY(batch.usesRing());
        QCOMPARE(receive(*connection.client, 2), QByteArray("ok"));

        SendBatch writes(SendBatch::Submission::Writes);
        writes.open();
        QVERIFY(writes.add(connection.server, "!"));
        writes.close();
        QVERIFY(!writes.usesRing());
        QCOMPARE(receive(*connection.client, 1), QByteArray("!"));
    }
};

QTEST_GUILESS_MAIN(TstSendBatch)
#include "tst_SendBatch.moc"
