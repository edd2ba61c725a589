#pragma once

#include "tests/support/TestServer.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace mandate::test {

// Several mandate-server instances on one fresh PostgreSQL database (with --demo), started at
// the same moment with the same signing and log keys, as a deployment behind a load balancer
// runs them.
class PostgresCluster
{
public:
    // False (with the reason) when there is no test cluster or an instance does not start.
    bool start(std::size_t instances, QString *error);
    void stop() { m_servers.clear(); }

    // Instance `i`, counted round the cluster.
    QString url(std::size_t i) const { return m_servers[i % m_servers.size()]->url(); }
    TestServer &instance(std::size_t i) { return *m_servers[i % m_servers.size()]; }
    const QString &database() const { return m_database; }
    // What every instance was started with: one more started with them joins the cluster.
    const QStringList &arguments() const { return m_arguments; }
    QString keyFile(const QString &name) const { return m_keys.filePath(name); }

    // A connection of the test's own to `database`, as another application (or a slow
    // transaction) would hold one; `name` is its QSqlDatabase connection name.
    static QSqlDatabase connectTo(const QString &database, const QString &name);

private:
    QTemporaryDir m_keys;
    QString m_database;
    QStringList m_arguments;
    std::vector<std::unique_ptr<TestServer>> m_servers;
};

} // namespace mandate::test
