#include "server/ops/Metrics.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/MockClock.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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
        event.payload = "{\"what\":\"" + type.toUtf8() + "\"}";
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

    // A delegation with `uses` recorded, saved as a decision saves it; `result` ends the job.
    static WriteBatcher::Job using_(int uses, WriteResult result, std::optional<qint64> *seen = nullptr)
    {
        return [uses, result, seen](Store &store) {
            std::optional<mandate::Delegation> d = store.delegations().find(QStringLiteral("dlg_1"));
            if (!d)
                return WriteResult::Drop;
            if (seen)
                *seen = d->usage.uses;
            d->usage.uses = uses;
            return store.delegations().saveUsage(*d) ? result : WriteResult::Drop;
        };
    }

    // What another connection reads: the committed row.
    qint64 storedUses()
    {
        QString error;
        const std::unique_ptr<Store> reader = Store::open(QString(), m_dir.path(), &error);
        const std::optional<mandate::Delegation> d =
            reader ? reader->delegations().find(QStringLiteral("dlg_1")) : std::nullopt;
        return d ? d->usage.uses : -1;
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
        const auto payload = [this](qsizetype i) {
            return QJsonDocument::fromJson(m_published[i].payload).object();
        };
        QCOMPARE(payload(0).value(QStringLiteral("id")).toString(), QStringLiteral("dlg_b"));
        QCOMPARE(payload(2).value(QStringLiteral("id")).toString(), QStringLiteral("dlg_a"));
        QCOMPARE(payload(2).value(QStringLiteral("usage")).toObject().value(QStringLiteral("uses")).toInt(),
                 2);
        QVERIFY(m_published[0].id < m_published[1].id && m_published[1].id < m_published[2].id);
    }

    // Decisions on one delegation in a batch rewrite its usage once, with the last kept state: a
    // rolled-back job's usage is never stored, and what a later statement in the batch reads (here
    // after a rollback emptied the row cache, and a listing in the middle of a job) is the usage
    // recorded so far, even when the write it forced was itself rolled back.
    void aBatchStoresEachDelegationsLastKeptUsage()
    {
        const QList<CommitStatus> created = run({[](Store &store) {
            const bool ok =
                store.db().execute(QStringLiteral(
                    "INSERT INTO users (id, username, display_name, password_hash, roles, created_at) "
                    "VALUES ('usr_alice', 'alice', 'Alice', '-', 'customer', '2026-01-01T00:00:00.000Z')")) &&
                store.db().execute(QStringLiteral(
                    "INSERT INTO agents (id, spiffe_id, name, description, status, created_at) VALUES "
                    "('agt_travel', 'spiffe://demo.mandate.local/travel-booker', 'Travel booker', '', "
                    "'active', '2026-01-01T00:00:00.000Z')")) &&
                store.delegations().insert(DelegationBuilder().build(), 1, QStringLiteral("dlg_1"));
            return ok ? WriteResult::Keep : WriteResult::Drop;
        }});
        QCOMPARE(created, QList<CommitStatus>{CommitStatus::Committed});
        QCOMPARE(storedUses(), qint64(0));

        std::optional<qint64> afterRollback;
        std::optional<qint64> afterRolledBackFlush;
        bool listed = false;
        const auto listingThenDropping = [&listed](Store &store) {
            std::optional<mandate::Delegation> d = store.delegations().find(QStringLiteral("dlg_1"));
            if (d) {
                d->usage.uses = 99;
                listed = store.delegations().saveUsage(*d) && !store.delegations().list({}).isEmpty();
            }
            return WriteResult::Drop;
        };
        const QList<CommitStatus> statuses =
            run({using_(1, WriteResult::Keep), using_(98, WriteResult::Drop),
                 using_(2, WriteResult::Keep, &afterRollback), listingThenDropping,
                 using_(3, WriteResult::Keep, &afterRolledBackFlush)});
        QCOMPARE(statuses, QList<CommitStatus>(5, CommitStatus::Committed));
        QVERIFY(listed);
        QCOMPARE(afterRollback, std::optional<qint64>(1));
        QCOMPARE(afterRolledBackFlush, std::optional<qint64>(2));
        QCOMPARE(storedUses(), qint64(3));
    }

    // SQLite's WAL is checkpointed between batches (after their answers), not inside a commit:
    // it still never grows past about one checkpoint's worth however much is written.
    void theWalIsCheckpointedBetweenBatches()
    {
        const QString bulk(48 * 1024, QLatin1Char('x'));
        for (int batch = 0; batch < 300; ++batch) {
            const QList<CommitStatus> statuses = run({[&bulk](Store &store) {
                LiveEvent big = event(QStringLiteral("bulk"));
                big.payload = "{\"bulk\":\"" + bulk.toUtf8() + "\"}";
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

    // A batch's answers are given between answering() and answersGiven(), so what they write can
    // leave together (SendBatch).
    void aBatchsAnswersAreBracketed()
    {
        QStringList seen;
        connect(m_writes.get(), &WriteBatcher::answering, this,
                [&seen] { seen.append(QStringLiteral("answering")); });
        connect(m_writes.get(), &WriteBatcher::answersGiven, this,
                [&seen] { seen.append(QStringLiteral("answersGiven")); });
        QEventLoop loop;
        int pending = 2;
        for (int i = 0; i < 2; ++i) {
            m_writes->submit(publishing(QStringLiteral("x"), WriteResult::Keep), [&, i](CommitStatus) {
                seen.append(QStringLiteral("done %1").arg(i));
                if (--pending == 0)
                    QTimer::singleShot(0, &loop, &QEventLoop::quit);
            });
        }
        loop.exec();
        QCOMPARE(seen, QStringList({QStringLiteral("answering"), QStringLiteral("done 0"),
                                    QStringLiteral("done 1"), QStringLiteral("answersGiven")}));
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
