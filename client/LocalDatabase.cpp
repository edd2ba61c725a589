#include "client/LocalDatabase.h"

#include "client/PrivateFile.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mandate::client {

LocalDatabase::LocalDatabase(const QString &file, const QString &purpose, int version,
                             const QStringList &schema)
    : m_connection(QStringLiteral("mandate-") + purpose + QLatin1Char('-') +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (!createPrivateFile(file, &m_error))
        return;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(file);
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    {
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    }
    m_open = migrate(version, schema);
}

LocalDatabase::~LocalDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool LocalDatabase::migrate(int version, const QStringList &schema)
{
    QSqlDatabase db = database();
    int current = 0;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            m_error = q.lastError().text();
            return false;
        }
        current = q.value(0).toInt();
    }
    if (current >= version)
        return true;
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    bool ok = true;
    for (const QString &statement : schema)
        ok = ok && q.exec(statement);
    ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    if (!ok || !db.commit()) {
        m_error = ok ? db.lastError().text() : q.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace mandate::client
