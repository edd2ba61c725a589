#include "tests/support/PostgresCluster.h"

#include <QUrl>
#include <QUrlQuery>

#include <thread>

namespace mandate::test {

bool PostgresCluster::start(std::size_t instances, QString *error)
{
    m_database = TestServer::createPostgresDatabase(error);
    if (m_database.isEmpty())
        return false;
    m_arguments = QStringList{QStringLiteral("--database"),
                              m_database,
                              QStringLiteral("--demo"),
                              QStringLiteral("--signing-key"),
                              keyFile(QStringLiteral("key.pem")),
                              QStringLiteral("--log-key"),
                              keyFile(QStringLiteral("log-key.pem"))};
    for (std::size_t i = 0; i < instances; ++i)
        m_servers.push_back(std::make_unique<TestServer>(m_arguments));
    // Started together: migrations and the demo seed must each happen exactly once.
    std::vector<std::thread> starters;
    std::vector<QString> errors(instances);
    std::vector<char> started(instances, 0);
    for (std::size_t i = 0; i < instances; ++i)
        starters.emplace_back([&, i] { started[i] = m_servers[i]->start(&errors[i]); });
    for (std::thread &starter : starters)
        starter.join();
    for (std::size_t i = 0; i < instances; ++i) {
        if (!started[i]) {
            *error = errors[i];
            return false;
        }
    }
    return true;
}

QSqlDatabase PostgresCluster::connectTo(const QString &database, const QString &name)
{
    const QUrl url(database);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(QUrlQuery(url).queryItemValue(QStringLiteral("host")));
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    return db;
}

} // namespace mandate::test
