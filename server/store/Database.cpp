#include "server/store/Database.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace mandate::server {

Q_LOGGING_CATEGORY(lcStore, "mandate.store")

Database::Database(std::unique_ptr<SqlDialect> dialect, QString connectionName)
    : m_dialect(std::move(dialect))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    close();
}

bool Database::open(const QString &target, QString *error)
{
    if (m_dialect->driverName() == QStringLiteral("QSQLITE") && !QFile::exists(target)) {
        // Create the file ourselves so it is never readable by other users, not even briefly.
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            *error = QStringLiteral("cannot create %1: %2").arg(target, file.errorString());
            return false;
        }
    }
    m_db = QSqlDatabase::addDatabase(m_dialect->driverName(), m_connectionName);
    if (!m_dialect->configure(m_db, target, error))
        return false;
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    for (const QString &statement : m_dialect->connectionSetup()) {
        if (!execute(statement)) {
            *error = m_lastError;
            return false;
        }
    }
    return true;
}

void Database::close()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

SqlStatement *Database::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        (*it)->finish();
        return it->get();
    }
    QString error;
    QString code;
    std::shared_ptr<SqlStatement> statement = m_dialect->prepare(m_db, sql, &error, &code);
    if (!statement) {
        fail(QStringLiteral("prepare"), sql, error, code);
        return nullptr;
    }
    m_statements.insert(sql, statement);
    return statement.get();
}

SqlStatement *Database::exec(const QString &sql, const QVariant *values, qsizetype count)
{
    SqlStatement *statement = prepared(sql);
    if (!statement)
        return nullptr;
    if (!statement->exec(values, count)) {
        fail(QStringLiteral("exec"), sql, statement->errorText(), statement->nativeErrorCode());
        return nullptr;
    }
    return statement;
}

SqlStatement *Database::run(const QString &sql, std::initializer_list<QVariant> values)
{
    return exec(sql, values.begin(), static_cast<qsizetype>(values.size()));
}

SqlStatement *Database::runList(const QString &sql, const QVariantList &values)
{
    return exec(sql, values.constData(), values.size());
}

bool Database::execute(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        fail(QStringLiteral("execute"), sql, query.lastError().text(), query.lastError().nativeErrorCode());
        return false;
    }
    return true;
}

bool Database::beginWrite()
{
    if (!control(m_dialect->beginWrite()))
        return false;
    if (const QString setup = m_dialect->writeSetup(); !setup.isEmpty() && !execute(setup)) {
        rollback();
        return false;
    }
    m_inWrite = true;
    m_lockConflict = false;
    // SQLite: read under the write lock, nobody else can commit until this transaction ends.
    // PostgreSQL: new every transaction, and a locked row is forgotten when it is locked.
    SqlStatement *version = run(m_dialect->dataVersion());
    if (!version || !version->next()) {
        ++m_cacheEpoch;
        m_dataVersion.reset();
        return true;
    }
    const qint64 current = version->value(0).toLongLong();
    version->finish();
    if (m_dataVersion != current)
        ++m_cacheEpoch;
    m_dataVersion = current;
    return true;
}

bool Database::isAlive()
{
    QSqlQuery probe(m_db);
    return probe.exec(QStringLiteral("SELECT 1")) && probe.next();
}

QSqlDriver *Database::driver() const
{
    return m_db.driver();
}

bool Database::commit()
{
    const bool ok = control(QStringLiteral("COMMIT"));
    if (ok)
        m_inWrite = false;
    else
        rollback();
    return ok;
}

void Database::rollback()
{
    execute(QStringLiteral("ROLLBACK"));
    m_inWrite = false;
    ++m_cacheEpoch;
}

bool Database::control(const QString &sql)
{
    // SQLite prepares transaction control like any statement, and reusing it saves a parse per
    // job; PostgreSQL cannot PREPARE it at all.
    if (m_dialect->preparesTransactionControl())
        return run(sql) != nullptr;
    return execute(sql);
}

bool Database::savepoint(const QString &name)
{
    return control(QStringLiteral("SAVEPOINT ") + name);
}

bool Database::releaseSavepoint(const QString &name)
{
    return control(QStringLiteral("RELEASE SAVEPOINT ") + name);
}

bool Database::rollbackToSavepoint(const QString &name)
{
    ++m_cacheEpoch;
    return control(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name) && releaseSavepoint(name);
}

void Database::checkpointIfDue()
{
    // SQLite's own threshold for its automatic checkpoint.
    static constexpr int CheckpointPages = 1000;
    if (!m_checkpointsDeferred || m_inWrite || m_walPages < CheckpointPages)
        return;
    m_walPages = 0;
    execute(m_dialect->walCheckpoint());
}

std::optional<quint64> Database::cacheEpoch() const
{
    return m_inWrite ? std::optional<quint64>(m_cacheEpoch) : std::nullopt;
}

void Database::fail(const QString &what, const QString &sql, const QString &error, const QString &code)
{
    // The statement text is logged, never its bound values: they may hold hashes or personal data.
    m_lastError = what + QStringLiteral(": ") + error;
    // After a lost race the transaction refuses every statement until the job's savepoint is
    // rolled back; those refusals are the same race.
    if (m_inWrite && (m_lockConflict || m_dialect->isLockConflict(code))) {
        // A lost race for a row, retried by the group committer: no error, nothing to log.
        m_lockConflict = true;
        return;
    }
    qCWarning(lcStore).noquote() << m_lastError << "in" << sql.left(200);
    // Inside a write transaction the probe would only meet the aborted transaction; the group
    // committer checks after its rollback instead.
    if (!m_inWrite && !m_lost && !isAlive()) {
        m_lost = true;
        qCCritical(lcStore) << "the database connection no longer answers";
        if (m_onLost)
            m_onLost();
    }
}

} // namespace mandate::server
