#include "server/http/Problem.h"
#include "server/ops/Metrics.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"
#include "tests/support/MockClock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate::server;
using namespace mandate::test;

// Group commit and what it publishes: the live events of a write reach the streams exactly when
// its changes are committed, and never when they were rolled back.
class TstWriteBatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    Metrics m_metrics;
    std::unique_ptr<WriteBatcher> m_writes;
    QList<LiveEvent> m_published;

    static LiveEvent event(const QString &type)
    {
        LiveEvent event;
        event.type = type;
        event.audience = LiveEvent::Audience::Everyone;
        event.payload = {{QStringLiteral("what"), type}};
        event.at = MockClock().now();
        return event;
    }

    // Submits jobs in one event-loop pass (one batch) and waits for every answer.
    QList<int> run(const QList<WriteBatcher::Job> &jobs)
    {
        QList<int> statuses(jobs.size());
        int pending = static_cast<int>(jobs.size());
        QEventLoop loop;
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            m_writes->submit({}, jobs.at(i), [&, i](const ApiResponse &answer) {
                statuses[i] = answer.status;
                if (--pending == 0)
                    loop.quit();
            });
        }
        loop.exec();
        return statuses;
    }

    static WriteBatcher::Job publishing(const QString &type, int status)
    {
        return [type, status](Store &store) {
            if (!store.publish(event(type)))
                return Problem::internal();
            return status < 400 ? ApiResponse::noContent()
                                : Problem::conflict(QStringLiteral("refused after publishing"));
        };
    }

    QStringList publishedTypes() const
    {
        QStringList types;
        for (const LiveEvent &e : m_published)
            types.append(e.type);
        return types;
    }

private Q_SLOTS:
    void init()
    {
        m_published.clear();
        m_writes = std::make_unique<WriteBatcher>(m_clock, m_metrics);
        QString error;
        QVERIFY2(m_writes->openSqlite(m_dir.path(), &error), qPrintable(error));
        connect(m_writes.get(), &WriteBatcher::committed, this,
                [this](const QList<LiveEvent> &events) { m_published.append(events); });
    }

    void cleanup() { m_writes.reset(); }

    void aFailedJobPublishesNothing()
    {
        QCOMPARE(run({publishing(QStringLiteral("phantom"), 409)}), QList<int>{409});
        QCOMPARE(publishedTypes(), QStringList());
    }

    void aSucceededJobPublishesOnce()
    {
        QCOMPARE(run({publishing(QStringLiteral("real"), 200)}), QList<int>{204});
        QCOMPARE(publishedTypes(), QStringList{QStringLiteral("real")});
    }

    void aFailedJobInABatchTakesOnlyItsOwnEvents()
    {
        QCOMPARE(run({publishing(QStringLiteral("before"), 200), publishing(QStringLiteral("phantom"), 409),
                      publishing(QStringLiteral("after"), 200)}),
                 (QList<int>{204, 409, 204}));
        QCOMPARE(publishedTypes(), (QStringList{QStringLiteral("before"), QStringLiteral("after")}));
    }

    void idsAreNeverReusedForAnotherEvent()
    {
        // SQLite hands a rolled-back row's id to the next insert: the phantom must not have been
        // sent under it, or a stream would drop the real event as already seen.
        run({publishing(QStringLiteral("phantom"), 409)});
        run({publishing(QStringLiteral("real"), 200)});
        run({publishing(QStringLiteral("phantom"), 409), publishing(QStringLiteral("next"), 200)});
        QCOMPARE(publishedTypes(), (QStringList{QStringLiteral("real"), QStringLiteral("next")}));
        QVERIFY(m_published.at(0).id < m_published.at(1).id);
    }
};

QTEST_GUILESS_MAIN(TstWriteBatcher)
#include "tst_WriteBatcher.moc"
