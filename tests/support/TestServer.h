#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace mandate::test {

// A real mandate-server process on 127.0.0.1 with an ephemeral port and a throwaway data dir:
// integration tests talk to exactly what operators run.
class TestServer
{
public:
    explicit TestServer(QStringList extraArguments = {QStringLiteral("--demo")});
    ~TestServer();

    // Starts the process and waits for its "listening on" line; false (with the reason) otherwise.
    bool start(QString *error = nullptr);
    // SIGTERM, then waits; returns the exit code (-1 when it had to be killed).
    int stop();
    // Waits for the process to end on its own; its exit code, or nullopt on a timeout or a crash.
    std::optional<int> waitForExit(int timeoutMs);
    // PostgreSQL: ends every connection this instance holds on the test cluster, as a database
    // restart or failover would; how many were ended, or -1 (with the reason).
    int dropDatabaseConnections(QString *error = nullptr) const;
    // SIGKILL: no chance to flush or clean up.
    void kill();
    // Start again on the same data dir (a new port).
    bool restart(QString *error = nullptr);

    const QString &url() const { return m_url; }
    QString dataDir() const { return m_dataDir.path(); }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    // Resident set size of the server process, in bytes (from /proc).
    qint64 residentBytes() const;
    QByteArray standardError() const;

    static QString binary();
    // True when this test runs against PostgreSQL (MANDATE_TEST_STORE=postgres).
    static bool usesPostgres();
    // A new, empty database on the test cluster (MANDATE_TEST_POSTGRES_URL), as a URL for
    // --database; empty (with the reason) when there is none.
    static QString createPostgresDatabase(QString *error = nullptr);

private:
    QStringList m_extraArguments;
    QTemporaryDir m_dataDir;
    QString m_database; // PostgreSQL: kept across restart()
    std::unique_ptr<QProcess> m_process;
    QString m_url;
};

} // namespace mandate::test
