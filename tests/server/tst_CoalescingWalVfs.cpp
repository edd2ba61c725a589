#include "server/store/CoalescingWalVfs.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using mandate::server::CoalescingWalVfs;

// The VFS gathers a commit's WAL frames and writes them at once. What other connections see, what
// a copy of the files holds right after a commit (what a crash would leave), and transactions far
// larger than one write must all be as with SQLite's own VFS.
class TstCoalescingWalVfs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static sqlite3 *open(const QString &path, bool coalescing)
    {
        sqlite3 *db = nullptr;
        const QByteArray vfs = CoalescingWalVfs::name().toUtf8();
        const int rc =
            sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            coalescing ? vfs.constData() : nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_close(db);
            return nullptr;
        }
        return db;
    }

    static bool exec(sqlite3 *db, const char *sql)
    {
        char *error = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
        if (error) {
            qWarning("%s: %s", sql, error);
            sqlite3_free(error);
        }
        return rc == SQLITE_OK;
    }

    static qint64 scalar(sqlite3 *db, const char *sql)
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
            return -1;
        const qint64 value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
        sqlite3_finalize(statement);
        return value;
    }

    static QByteArray integrity(sqlite3 *db)
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) != SQLITE_OK)
            return {};
        QByteArray result;
        if (sqlite3_step(statement) == SQLITE_ROW)
            result = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        return result;
    }

    // `rows` rows of `body` (an SQL expression) in one statement.
    static bool insertRows(sqlite3 *db, int rows, const char *body)
    {
        const QByteArray sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                               QByteArray::number(rows) + ") INSERT INTO t (body) SELECT " + body + " FROM n";
        return exec(db, sql.constData());
    }

    static bool setUp(sqlite3 *db)
    {
        return exec(db, "PRAGMA journal_mode=WAL") && exec(db, "PRAGMA synchronous=FULL") &&
               exec(db, "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
    }

    // A writer through the VFS on a new file in WAL mode with the table; null when that failed.
    sqlite3 *writerOn(const QString &path)
    {
        sqlite3 *db = open(path, true);
        if (db && !setUp(db)) {
            sqlite3_close(db);
            return nullptr;
        }
        return db;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(!CoalescingWalVfs::name().isEmpty()); }

    void anotherConnectionSeesEachCommitAtOnce()
    {
        const QString path = m_dir.filePath(QStringLiteral("visible.db"));
        sqlite3 *writer = writerOn(path);
        QVERIFY(writer);
        sqlite3 *reader = open(path, false);
        QVERIFY(reader);
        for (int i = 1; i <= 50; ++i) {
            QVERIFY(exec(writer, "BEGIN IMMEDIATE"));
            QVERIFY(exec(writer, "INSERT INTO t (body) VALUES (randomblob(3000))"));
            QVERIFY(exec(writer, "INSERT INTO t (body) VALUES (randomblob(300))"));
            QVERIFY(exec(writer, "COMMIT"));
            QCOMPARE(scalar(reader, "SELECT count(*) FROM t"), 2 * i);
        }
        QCOMPARE(integrity(reader), QByteArray("ok"));
        sqlite3_close(reader);
        sqlite3_close(writer);
    }

    void aCommitIsInTheFilesBeforeItReturns()
    {
        // Copying the files while the writer is still open is what a kill -9 right after the
        // commit would leave: the copy must open with every committed row.
        const QString path = m_dir.filePath(QStringLiteral("durable.db"));
        sqlite3 *writer = writerOn(path);
        QVERIFY(writer);
        QVERIFY(exec(writer, "BEGIN IMMEDIATE"));
        QVERIFY(insertRows(writer, 200, "randomblob(1000)"));
        QVERIFY(exec(writer, "COMMIT"));
        const QString copy = m_dir.filePath(QStringLiteral("durable-copy.db"));
        QVERIFY(QFile::copy(path, copy));
        QVERIFY(QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        sqlite3 *reopened = open(copy, false);
        QVERIFY(reopened);
        QCOMPARE(scalar(reopened, "SELECT count(*) FROM t"), 200);
        sqlite3_close(reopened);
        sqlite3_close(writer);
    }

    void transactionsLargerThanOneWriteAndThanTheCache()
    {
        // 12 MiB in one transaction with a small page cache: frames spill to the WAL before the
        // commit and are read back within it, and runs go out in more than one write.
        const QString path = m_dir.filePath(QStringLiteral("large.db"));
        sqlite3 *writer = writerOn(path);
        QVERIFY(writer);
        QVERIFY(exec(writer, "PRAGMA cache_size=16"));
        QVERIFY(exec(writer, "BEGIN IMMEDIATE"));
        QVERIFY(insertRows(writer, 3000, "zeroblob(4000)"));
        QCOMPARE(scalar(writer, "SELECT sum(length(body)) FROM t"), 3000 * 4000);
        QVERIFY(exec(writer, "COMMIT"));
        QVERIFY(exec(writer, "PRAGMA wal_checkpoint(TRUNCATE)"));
        sqlite3 *reader = open(path, false);
        QVERIFY(reader);
        QCOMPARE(scalar(reader, "SELECT sum(length(body)) FROM t"), 3000 * 4000);
        QCOMPARE(integrity(reader), QByteArray("ok"));
        sqlite3_close(reader);
        sqlite3_close(writer);
    }
};

QTEST_APPLESS_MAIN(TstCoalescingWalVfs)
#include "tst_CoalescingWalVfs.moc"
