#include "tests/support/TestServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace mandate::test {

TestServer::TestServer(QStringList extraArguments)
    : m_extraArguments(std::move(extraArguments))
{}

TestServer::~TestServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString TestServer::binary()
{
    return QStringLiteral(MANDATE_SERVER_BINARY);
}

bool TestServer::usesPostgres()
{
    return qEnvironmentVariable("MANDATE_TEST_STORE") == QStringLiteral("postgres");
}

namespace {

// Runs SQL statements, in order, as the test cluster's administrator; the first column of the
// last statement's rows, or nullopt (with the reason) when a statement fails.
std::optional<QVariantList> asPostgresAdmin(const QStringList &statements, QString *error)
{
    static int counter = 0;
    const QUrl url(qEnvironmentVariable("MANDATE_TEST_POSTGRES_URL"));
    const QString connection = QStringLiteral("test-admin-%1").arg(++counter);
    std::optional<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        const QString socketDir = QUrlQuery(url).queryItemValue(QStringLiteral("host"));
        db.setHostName(socketDir.isEmpty() ? url.host() : socketDir);
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery query(db);
            rows.emplace();
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    if (error)
                        *error = query.lastError().text();
                    rows.reset();
                    break;
                }
            }
            while (rows && query.next())
                rows->append(query.value(0));
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

} // namespace

QString TestServer::createPostgresDatabase(QString *error)
{
    const QString admin = qEnvironmentVariable("MANDATE_TEST_POSTGRES_URL");
    if (admin.isEmpty()) {
        // A PostgreSQL variant run without a cluster (a plain `ctest`): ctest reports it skipped
        // (SKIP_REGULAR_EXPRESSION in tests/server/CMakeLists.txt), not failed.
        std::fputs("mandate-test: no PostgreSQL (run under scripts/with-postgres.sh); skipped\n", stdout);
        std::fflush(stdout);
        std::exit(0);
    }
    static int counter = 0;
    const QString name =
        QStringLiteral("mandate_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    if (!asPostgresAdmin(
            {QStringLiteral("DROP DATABASE IF EXISTS ") + name, QStringLiteral("CREATE DATABASE ") + name},
            error))
        return {};
    QUrl url(admin);
    url.setPath(u'/' + name);
    return url.toString();
}

int TestServer::dropDatabaseConnections(QString *error) const
{
    // PostgresDialect names every connection of an instance after its pid.
    const auto terminated = asPostgresAdmin(
        {QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                        "'mandate-server/%1'")
             .arg(pid())},
        error);
    return terminated ? static_cast<int>(terminated->count(QVariant(true))) : -1;
}

bool TestServer::start(QString *error)
{
    QStringList storeArguments;
    if (usesPostgres() && !m_extraArguments.contains(QStringLiteral("--database"))) {
        if (m_database.isEmpty())
            m_database = createPostgresDatabase(error);
        if (m_database.isEmpty())
            return false;
        storeArguments = {QStringLiteral("--database"), m_database};
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binary());
    m_process->setArguments(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--data-dir"), m_dataDir.path(),
                                        QStringLiteral("--no-access-log")} +
                            storeArguments + m_extraArguments);
    // The server's own warnings (and sanitizer reports) show up in the test's output.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start();
    const QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine().trimmed();
            if (line.startsWith("listening on ")) {
                m_url = QString::fromUtf8(line.mid(13));
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(100);
    }
    if (error)
        *error = QStringLiteral("mandate-server did not start: ") +
                 QString::fromUtf8(m_process->readAllStandardError());
    return false;
}

int TestServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(15'000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

std::optional<int> TestServer::waitForExit(int timeoutMs)
{
    if (!m_process)
        return std::nullopt;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return std::nullopt;
    if (m_process->exitStatus() != QProcess::NormalExit)
        return std::nullopt;
    return m_process->exitCode();
}

void TestServer::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
        m_process->waitForFinished(5000);
    }
}

bool TestServer::restart(QString *error)
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
    return start(error);
}

qint64 TestServer::residentBytes() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

QByteArray TestServer::standardError() const
{
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

} // namespace mandate::test
