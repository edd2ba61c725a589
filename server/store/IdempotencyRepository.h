#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// Remembered answers to POSTs that carried an Idempotency-Key, per caller, for 24 hours.
class IdempotencyRepository
{
public:
    struct Entry
    {
        QByteArray requestHash;
        int status = 0;
        QByteArray body;
    };

    explicit IdempotencyRepository(Database &db)
        : m_db(db)
    {}

    std::optional<Entry> find(const QString &principal, const QString &key, const QDateTime &notBefore);
    bool store(const QString &principal, const QString &key, const Entry &entry, const QDateTime &at);
    bool purgeBefore(const QDateTime &cutoff);

private:
    Database &m_db;
};

} // namespace mandate::server
