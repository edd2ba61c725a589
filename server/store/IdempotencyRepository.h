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

    // Until the write transaction ends, other writers of the same caller's key wait here (the key
    // may have no row yet); where the transaction excludes every other writer, nothing to do.
    bool lock(const QString &principal, const QString &key);
    std::optional<Entry> find(const QString &principal, const QString &key, const QDateTime &notBefore);
    bool store(const QString &principal, const QString &key, const Entry &entry, const QDateTime &at);
    bool purgeBefore(const QDateTime &cutoff);

private:
    Database &m_db;
};

} // namespace mandate::server
