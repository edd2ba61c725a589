#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

struct EnforcementPoint
{
    QString id;
    QString name;
    QDateTime createdAt;
    QString createdBy;
    std::optional<QDateTime> lastUsedAt;
    std::optional<QDateTime> revokedAt;
};

// Registered enforcement points. Only a token's SHA-256 is kept; lookup is by that hash.
class EnforcementPointRepository
{
public:
    explicit EnforcementPointRepository(Database &db)
        : m_db(db)
    {}

    bool insert(const EnforcementPoint &point, const QByteArray &tokenHash);
    std::optional<EnforcementPoint> find(const QString &id);
    // The point holding this token, unless it was revoked.
    std::optional<EnforcementPoint> findActiveByTokenHash(const QByteArray &tokenHash);
    QList<EnforcementPoint> list();
    bool revoke(const QString &id, const QDateTime &at);
    // Records a use, at most once a minute.
    bool touch(const QString &id, const QDateTime &at);

private:
    std::optional<EnforcementPoint> one(const QString &where, const QVariant &value);

    Database &m_db;
};

} // namespace mandate::server
