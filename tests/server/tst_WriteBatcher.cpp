#include "server/ops/Metrics.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"
#include "tests/support/MockClock.h"

#include <QFileInfo>
#include <QSemaphore>
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

    // Submits jobs in one event-loop pass (one batch) and waits until each is done.
    QList<CommitStatus> run(const QList<WriteBatcher::Job> &jobs)
    {
        QList<CommitStatus> statuses(jobs.size());
        int pending = static_cast<int>(jobs.size());
        QEventLoop loop;
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            m_writes->submit(jobs.at(i), [&, i](CommitStatus status) {
                statuses[i] = status;
                if (--pending == 0)
                    loop.quit();
            });
        }
        loop.exec();
        return statuses;
    }

    static WriteBatcher::Job publishing(const QString &type, WriteResult result)
    {
        return [type, result](Store &store) {
            if (!store.publish(event(type)))
                return WriteResult::Drop;
            return result;
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
        m_writes = std::make_unique<WriteBatcher>(m_metrics);
        QString error;
        QVERIFY2(m_writes->openSqlite(m_dir.path(), &error), qPrintable(error));
        connect(m_writes.get(), &WriteBatcher::committed, this,
                [this](const QList<LiveEvent> &events) { m_published.append(events); });
    }

    void cleanup() { m_writes.reset(); }

    void aFailedJobPublishesNothing()
    {
        QCOMPARE(run({publishing(QStringLiteral("phantom"), WriteResult::Drop)}),
                 QList<CommitStatus>{CommitStatus::Committed});
        QCOMPARE(publishedTypes(), QStringList());
    }

    void aSucceededJobPublishesOnce()
    {
        QCOMPARE(run({publishing(QStringLiteral("real"), WriteResult::Keep)}),
                 QList<CommitStatus>{CommitStatus::Committed});
        QCOMPARE(publishedTypes(), QStringList{QStringLiteral("real")});
    }

    void aFailedJobInABatchTakesOnlyItsOwnEvents()
    {
        QCOMPARE(run({publishing(QStringLiteral("before"), WriteResult::Keep),
                      publishing(QStringLiteral("phantom"), WriteResult::Drop),
                      publishing(QStringLiteral("after"), WriteResult::Keep)}),
                 (QList<CommitStatus>(3, CommitStatus::Committed)));
        QCOMPARE(publishedTypes(), (QStringList{QStringLiteral("before"), QStringLiteral("after")}));
    }

    void idsAreNeverReusedForAnotherEvent()
    {
        // SQLite hands a rolled-back row's id to the next insert: the phantom must not have been
        // sent under it, or a stream would drop the real event as already seen.
        run({publishing(QStringLiteral("phantom"), WriteResult::Drop)});
        run({publishing(QStringLiteral("real"), WriteResult::Keep)});
        run({publishing(QStringLiteral("phantom"), WriteResult::Drop),
             publishing(QStringLiteral("next"), WriteResult::Keep)});
        QCOMPARE(publishedTypes(), (QStringList{QStringLiteral("real"), QStringLiteral("next")}));
        QVERIFY(m_published.at(0).id < m_published.at(1).id);
    }

    // A batch of decisions on one delegation streams its state once, the last one; updates of
    // other delegations and other events keep their own order, and a rolled-back job's update is
    // not the one that survives.
    void aBatchStreamsEachDelegationsLastStateOnce()
    {
        const auto updating = [](const QString &id, int uses, WriteResult result) -> WriteBatcher::Job {
            return [id, uses, result](Store &store) {
                mandate::Delegation state;
                state.id = id;
                state.usage.uses = uses;
                LiveEvent update = event(QStringLiteral("delegation.updated"));
                update.payload = {};
                if (!store.publishDelegation(update, state))
                    return WriteResult::Drop;
                return result;
            };
        };
        const auto statuses = run({updating(QStringLiteral("dlg_a"), 1, WriteResult::Keep),
                                   updating(QStringLiteral("dlg_b"), 1, WriteResult::Keep),
                                   publishing(QStringLiteral("approval.created"), WriteResult::Keep),
                                   updating(QStringLiteral("dlg_a"), 2, WriteResult::Keep),
                                   updating(QStringLiteral("dlg_a"), 3, WriteResult::Drop)});
        QCOMPARE(statuses.count(CommitStatus::Committed), 5);
        QCOMPARE(publishedTypes(),
                 (QStringList{QStringLiteral("delegation.updated"), QStringLiteral("approval.created"),
                              QStringLiteral("delegation.updated")}));
        QCOMPARE(m_published[0].payload.value(QStringLiteral("id")).toString(), QStringLiteral("dlg_b"));
        QCOMPARE(m_published[2].payload.value(QStringLiteral("id")).toString(), QStringLiteral("dlg_a"));
        QCOMPARE(m_published[2]
                     .payload.value(QStringLiteral("usage"))
                     .toObject()
                     .value(QStringLiteral("uses"))
                     .toInt(),
                 2);
        QVERIFY(m_published[0].id < m_published[1].id && m_published[1].id < m_published[2].id);
    }

    // SQLite's WAL is checkpointed between batches (after their answers), not inside a commit:
    // it still never grows past about one checkpoint's worth however much is written.
    void theWalIsCheckpointedBetweenBatches()
    {
        const QString bulk(48 * 1024, QLatin1Char('x'));
        for (int batch = 0; batch < 300; ++batch) {
            const QList<CommitStatus> statuses = run({[&bulk](Store &store) {
                LiveEvent big = event(QStringLiteral("bulk"));
                big.payload.insert(QStringLiteral("bulk"), bulk);
                return store.publish(big) ? WriteResult::Keep : WriteResult::Drop;
            }});
            QCOMPARE(statuses, QList<CommitStatus>{CommitStatus::Committed});
        }
        const qint64 wal = QFileInfo(m_dir.filePath(QStringLiteral("mandate.db-wal"))).size();
        QVERIFY2(wal < 8 * 1024 * 1024, qPrintable(QString::number(wal)));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("mandate.db"))).size() > 12 * 1024 * 1024);
    }

    // What arrived while a batch committed is on the store thread before that batch's answers
    // run: the store writes the next batch while the event loop answers this one.
    void theNextBatchIsWrittenWhileThisOneIsAnswered()
    {
        QSemaphore firstRunning;
        QSemaphore secondMaySubmit;
        QSemaphore secondRunning;
        bool secondRanFirst = false;
        QEventLoop loop;
        m_writes->submit(
            [&](Store &) {
                firstRunning.release();
                secondMaySubmit.acquire();
                return WriteResult::Keep;
            },
            [&](CommitStatus) { secondRanFirst = secondRunning.tryAcquire(1, 5000); });
        // The first batch is on the store thread; what is submitted now forms the next one.
        QTRY_VERIFY(firstRunning.available() > 0);
        m_writes->submit(
            [&](Store &) {
                secondRunning.release();
                return WriteResult::Keep;
            },
            [&](CommitStatus) { loop.quit(); });
        secondMaySubmit.release();
        loop.exec();
        QVERIFY(secondRanFirst);
    }

    // With one writer the log's sequencer seals each batch's audit events before the commit: it
    // gets them in the order recorded, never a rolled-back job's, and failing undoes the batch.
    void theSealerGetsTheBatchsEventsButNotARolledBackJobs()
    {
        QStringList sealed;
        m_writes->setSealer([&sealed](Store &store) {
            for (const AuditLogRepository::Recorded &recorded : store.log().takeHeld())
                sealed.append(recorded.type);
            return true;
        });
        const auto recording = [](const QString &type, WriteResult result) -> WriteBatcher::Job {
            return [type, result](Store &store) {
                AuditLogRepository::Recorded recorded;
                recorded.type = type;
                recorded.at = MockClock().now();
                recorded.event = "{}";
                return store.log().record(recorded) ? result : WriteResult::Drop;
            };
        };
        run({recording(QStringLiteral("first"), WriteResult::Keep),
             recording(QStringLiteral("phantom"), WriteResult::Drop),
             recording(QStringLiteral("second"), WriteResult::Keep)});
        QCOMPARE(sealed, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));

        m_writes->setSealer([](Store &) { return false; });
        QCOMPARE(run({publishing(QStringLiteral("lost"), WriteResult::Keep)}),
                 QList<CommitStatus>{CommitStatus::Failed});
        QCOMPARE(publishedTypes(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TstWriteBatcher)
#include "tst_WriteBatcher.moc"
