#include "server/store/Database.h"
#include "server/store/SqliteDialect.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate::server;

// Statements on SQLite bypass Qt's driver for speed; every repository still reads what Qt's
// driver would give it. Each value goes in one way and comes out the other, and both ways agree.
class TstSqliteStatement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    static QVariantList values()
    {
        return {QVariant(),
                QVariant(qlonglong(-9007199254740993)),
                QVariant(42),
                QVariant(true),
                QVariant(2.5),
                QVariant(QStringLiteral("Überweisung an „Vermieter“ 🏠")),
                QVariant(QString()),
                QVariant(QStringLiteral("")),
                QVariant(QByteArray()),
                QVariant(QDateTime()),
                QVariant(QByteArray("\x00\x01\xfe\xff", 4)),
                QVariant(QDateTime(QDate(2026, 12, 5), QTime(10, 30, 1, 250), Qt::UTC))};
    }

    // What Qt's own driver reads back from row `id`, on the same database.
    QVariant readByQt(int id)
    {
        QSqlQuery query(QSqlDatabase::database(QStringLiteral("check")));
        if (!query.exec(QStringLiteral("SELECT v FROM t WHERE id = %1").arg(id)) || !query.next())
            return QStringLiteral("<no row>");
        return query.value(0);
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>(std::make_unique<SqliteDialect>(), QStringLiteral("native"));
        QString error;
        QVERIFY2(m_db->open(m_dir.filePath(QStringLiteral("t.db")), &error), qPrintable(error));
        QVERIFY(m_db->execute(QStringLiteral("DROP TABLE IF EXISTS t")));
        QVERIFY(m_db->execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v)")));
        QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        check.setDatabaseName(m_dir.filePath(QStringLiteral("t.db")));
        QVERIFY(check.open());
    }

    void cleanup()
    {
        QSqlDatabase::database(QStringLiteral("check")).close();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        m_db.reset();
    }

    void valuesBoundHereReadAsQtReadsThem()
    {
        const QVariantList all = values();
        for (int id = 0; id < all.size(); ++id) {
            QVERIFY(m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)"), {id, all[id]}));
            const QVariant byQt = readByQt(id);
            SqlStatement *native = m_db->run(QStringLiteral("SELECT v FROM t WHERE id = ?"), {id});
            QVERIFY(native && native->next());
            const QVariant byNative = native->value(0);
            native->finish();
            QCOMPARE(byNative.isNull(), byQt.isNull());
            if (!byQt.isNull()) {
                QCOMPARE(byNative.typeId(), byQt.typeId());
                QCOMPARE(byNative, byQt);
            }
        }
    }

    void valuesBoundByQtAndHereAreStoredAlike()
    {
        const QVariantList all = values();
        for (int id = 0; id < all.size(); ++id) {
            QVERIFY(m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)"), {id, all[id]}));
            QSqlQuery byQt(QSqlDatabase::database(QStringLiteral("check")));
            QVERIFY(byQt.prepare(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)")));
            byQt.bindValue(0, id + 100);
            byQt.bindValue(1, all[id]);
            QVERIFY(byQt.exec());
            SqlStatement *same = m_db->run(
                QStringLiteral(
                    "SELECT a.v IS b.v, typeof(a.v), typeof(b.v) FROM t a, t b WHERE a.id = ? AND b.id = ?"),
                {id, id + 100});
            QVERIFY(same && same->next());
            QVERIFY2(same->value(0).toInt() == 1,
                     qPrintable(QStringLiteral("value %1: %2 here, %3 by Qt")
                                    .arg(id)
                                    .arg(same->value(1).toString(), same->value(2).toString())));
            same->finish();
        }
    }

    void rowsAreReadInOrderAndChangesCounted()
    {
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c')")));
        SqlStatement *update = m_db->run(QStringLiteral("UPDATE t SET v = 'x' WHERE id >= ?"), {2});
        QVERIFY(update);
        QCOMPARE(update->numRowsAffected(), 2);
        SqlStatement *rows = m_db->run(QStringLiteral("SELECT id, v FROM t ORDER BY id"));
        QStringList read;
        while (rows && rows->next())
            read << rows->value(0).toString() + rows->value(1).toString();
        QCOMPARE(read, (QStringList{QStringLiteral("1a"), QStringLiteral("2x"), QStringLiteral("3x")}));
        QVERIFY(!rows->next());
        QVERIFY(!rows->value(0).isValid());
    }

    void aFailedStatementSaysWhyAndTheNextRunWorks()
    {
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)"), {1, QStringLiteral("a")}));
        QVERIFY(!m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)"), {1, QStringLiteral("b")}));
        QVERIFY2(m_db->lastError().contains(QStringLiteral("UNIQUE")), qPrintable(m_db->lastError()));
        QVERIFY(!m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)"), {2}));
        QVERIFY(!m_db->run(QStringLiteral("SELEC nothing")));
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)"), {2, QStringLiteral("b")}));
    }

    // An unfinished read keeps no snapshot past finish(): a later read sees a later commit.
    void aFinishedReadSeesLaterCommits()
    {
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b')")));
        SqlStatement *first = m_db->run(QStringLiteral("SELECT COUNT(*) FROM t"));
        QVERIFY(first && first->next());
        QCOMPARE(first->value(0).toInt(), 2);
        first->finish();
        QVERIFY(QSqlQuery(QSqlDatabase::database(QStringLiteral("check")))
                    .exec(QStringLiteral("INSERT INTO t (id, v) VALUES (3, 'c')")));
        SqlStatement *again = m_db->run(QStringLiteral("SELECT COUNT(*) FROM t"));
        QVERIFY(again && again->next());
        QCOMPARE(again->value(0).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TstSqliteStatement)
#include "tst_SqliteStatement.moc"
