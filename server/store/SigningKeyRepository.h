#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// The public agent-token signing keys of the instances on this database (JWKs, by key id).
class SigningKeyRepository
{
public:
    struct Key
    {
        QString kid;
        QJsonObject jwk;
        std::optional<QDateTime> retiredAt;
    };
    enum class Published
    {
        Known,    // there now (added or already), the same key
        Retired,  // already there, the same key, but retired
        Conflict, // another key under the same id
        Failed
    };

    explicit SigningKeyRepository(Database &db)
        : m_db(db)
    {}

    Published publish(const QString &kid, const QJsonObject &jwk, const QDateTime &at);
    // Keys not retired, and retired ones retired after `retiredAfter`.
    std::optional<QList<Key>> trusted(const QDateTime &retiredAfter);
    // False when no such key is published.
    bool retire(const QString &kid, const QDateTime &at);

private:
    Database &m_db;
};

} // namespace mandate::server
