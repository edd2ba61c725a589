#include "server/http/HttpRequestFramer.h"

#include <QTest>

using mandate::server::HttpLimits;
using mandate::server::HttpRequestFramer;
using Rejection = HttpRequestFramer::Rejection;

class TstHttpRequestFramer : public QObject
{
    Q_OBJECT

private:
    static HttpLimits limits()
    {
        HttpLimits l;
        l.maxBodyBytes = 100;
        l.maxHeaderBytes = 200;
        l.maxHeaderCount = 5;
        return l;
    }

    // Feeds the stream one byte at a time: framing must not depend on how TCP splits it.
    static Rejection feedBytewise(HttpRequestFramer &framer, const QByteArray &stream)
    {
        for (char c : stream) {
            if (const Rejection r = framer.feed(QByteArrayView(&c, 1)); r != Rejection::None)
                return r;
        }
        return Rejection::None;
    }

private Q_SLOTS:
    void framesRequests_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("rejection");
        QTest::addColumn<int>("completed");
        QTest::addColumn<bool>("idle");

        const auto r = [](Rejection x) {
            return static_cast<int>(x);
        };
        QTest::newRow("get") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << r(Rejection::None) << 1
                             << true;
        QTest::newRow("two pipelined")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n")
            << r(Rejection::None) << 2 << true;
        QTest::newRow("body within limit")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")
            << r(Rejection::None) << 1 << true;
        QTest::newRow("body at limit")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n") + QByteArray(100, 'x')
            << r(Rejection::None) << 1 << true;
        QTest::newRow("declared body over limit")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n")
            << r(Rejection::BodyTooLarge) << 0 << false;
        QTest::newRow("partial body")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc") << r(Rejection::None)
            << 0 << false;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                                               "chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\n\r\n")
                                 << r(Rejection::None) << 1 << true;
        QTest::newRow("chunked with trailer")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n2\r\nhi\r\n0\r\nX-T: 1\r\n\r\n")
            << r(Rejection::None) << 1 << true;
        QTest::newRow("chunked over limit")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n") +
                   QByteArray(64, 'x') + QByteArray("\r\n40\r\n")
            << r(Rejection::BodyTooLarge) << 0 << false;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            << r(Rejection::MalformedFraming) << 0 << false;
        QTest::newRow("chunk without crlf")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhiXX\r\n")
            << r(Rejection::MalformedFraming) << 0 << false;
        QTest::newRow("length and chunked")
            << QByteArray(
                   "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
            << r(Rejection::MalformedFraming) << 0 << false;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
            << r(Rejection::MalformedFraming) << 0 << false;
        QTest::newRow("repeated equal lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc")
            << r(Rejection::None) << 1 << true;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n")
            << r(Rejection::MalformedFraming) << 0 << false;
        QTest::newRow("gzip coding")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
            << r(Rejection::UnsupportedEncoding) << 0 << false;
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n folded\r\n\r\n")
                                  << r(Rejection::MalformedFraming) << 0 << false;
        QTest::newRow("too many headers")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\nF: 1\r\n\r\n")
            << r(Rejection::TooManyHeaders) << 0 << false;
        QTest::newRow("headers too large")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: ") + QByteArray(300, 'a')
            << r(Rejection::HeadersTooLarge) << 0 << false;
        QTest::newRow("space before colon")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length : 3\r\n\r\nabc")
            << r(Rejection::BadFieldName) << 0 << false;
        QTest::newRow("tab before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n") << r(Rejection::BadFieldName) << 0 << false;
        QTest::newRow("http 9.9") << QByteArray("GET / HTTP/9.9\r\nHost: a\r\n\r\n")
                                  << r(Rejection::BadRequestLine) << 0 << false;
        QTest::newRow("http 2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << r(Rejection::BadRequestLine) << 0
                                  << false;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << r(Rejection::BadRequestLine) << 0
                                    << false;
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n")
                                         << r(Rejection::BadRequestLine) << 0 << false;
        QTest::newRow("http 1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << r(Rejection::None) << 1 << true;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\nX: 1\r\n\r\n") << r(Rejection::BadHost) << 0
                                 << false;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n")
                                   << r(Rejection::BadHost) << 0 << false;
        QTest::newRow("two hosts in http 1.0") << QByteArray("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n")
                                               << r(Rejection::BadHost) << 0 << false;
        QTest::newRow("leading empty lines")
            << QByteArray("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") << r(Rejection::None) << 1 << true;
    }

    void framesRequests()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, rejection);
        QFETCH(int, completed);
        QFETCH(bool, idle);

        HttpRequestFramer whole(limits());
        QCOMPARE(static_cast<int>(whole.feed(stream)), rejection);
        HttpRequestFramer bytewise(limits());
        QCOMPARE(static_cast<int>(feedBytewise(bytewise, stream)), rejection);
        if (rejection == static_cast<int>(Rejection::None)) {
            QCOMPARE(whole.completedRequests(), completed);
            QCOMPARE(bytewise.completedRequests(), completed);
            QCOMPARE(whole.isIdle(), idle);
            QCOMPARE(bytewise.isIdle(), idle);
        }
    }

    void rejectsDeclaredBodyBeforeItArrives()
    {
        // The verdict comes with the headers: nothing of the 50 MB needs to be read first.
        HttpRequestFramer framer(limits());
        QCOMPARE(framer.feed("POST /v1/delegations HTTP/1.1\r\nHost: a\r\nContent-Length: 52428800\r\n\r\n"),
                 Rejection::BodyTooLarge);
    }

    void keepsTheRequestsItFrames()
    {
        // However TCP splits them: whole, and byte by byte.
        const QByteArray stream = "POST /v1/x?a=%20b HTTP/1.1\r\nHost: h\r\nX-Name:  Some Value \t\r\n"
                                  "Content-Length: 5\r\n\r\nhello"
                                  "PUT /y HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n";
        for (const bool bytewise : {false, true}) {
            HttpRequestFramer framer(limits());
            QCOMPARE(bytewise ? feedBytewise(framer, stream) : framer.feed(stream), Rejection::None);
            QCOMPARE(framer.pendingRequests(), 2);
            const mandate::server::RawHttpRequest first = framer.takeRequest();
            QCOMPARE(first.method, QByteArray("POST"));
            QCOMPARE(first.target, QByteArray("/v1/x?a=%20b"));
            QVERIFY(!first.http10);
            const QList<std::pair<QByteArray, QByteArray>> headers = {
                {"host", "h"}, {"x-name", "Some Value"}, {"content-length", "5"}};
            QCOMPARE(first.headers, headers);
            QCOMPARE(first.body, QByteArray("hello"));
            const mandate::server::RawHttpRequest second = framer.takeRequest();
            QCOMPARE(second.method, QByteArray("PUT"));
            QVERIFY(second.http10);
            QCOMPARE(second.body, QByteArray("abcde")); // de-chunked; the trailer is dropped
            QCOMPARE(framer.pendingRequests(), 0);
        }
    }

    void awaitsContinueOnlyWhileTheBodyIsMissing()
    {
        HttpRequestFramer framer(limits());
        QCOMPARE(
            framer.feed("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n"),
            Rejection::None);
        QVERIFY(framer.awaitsContinue());
        QCOMPARE(framer.feed("{}"), Rejection::None);
        QVERIFY(!framer.awaitsContinue());
        QCOMPARE(framer.pendingRequests(), 1);
        // With the body already there, nothing is to be awaited.
        QCOMPARE(
            framer.feed("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}"),
            Rejection::None);
        QVERIFY(!framer.awaitsContinue());
    }

    void deadStreamStaysDead()
    {
        HttpRequestFramer framer(limits());
        QCOMPARE(framer.feed("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999\r\n\r\n"),
                 Rejection::BodyTooLarge);
        QVERIFY(framer.feed("GET / HTTP/1.1\r\nHost: a\r\n\r\n") != Rejection::None);
    }
};

QTEST_APPLESS_MAIN(TstHttpRequestFramer)
#include "tst_HttpRequestFramer.moc"
