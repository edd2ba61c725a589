#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mandate::client {

// One of the console's own SQLite files: created readable by its owner only (0600), opened as a
// connection of its own, and brought to `version` by running `schema` in one transaction when it
// is older. Closed and unregistered with this object.
class LocalDatabase
{
public:
    LocalDatabase(const QString &file, const QString &purpose, int version, const QStringList &schema);
    ~LocalDatabase();
    LocalDatabase(const LocalDatabase &) = delete;
    LocalDatabase &operator=(const LocalDatabase &) = delete;

    bool isOpen() const { return m_open; }
    const QString &errorString() const { return m_error; }
    const QString &connectionName() const { return m_connection; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_connection); }

private:
    bool migrate(int version, const QStringList &schema);

    QString m_connection;
    QString m_error;
    bool m_open = false;
};

} // namespace mandate::client
