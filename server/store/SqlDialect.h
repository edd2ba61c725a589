#pragma once

#include <QString>

namespace mandate::server {

// What differs between the SQL databases Mandate runs on. Everything else — the repositories,
// the migrations' logic — is written once in SQL both SQLite and PostgreSQL accept
// (ON CONFLICT upserts, RETURNING, recursive CTEs, keyset paging).
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0;
    // Starts a transaction that holds the write lock from its first statement, so concurrent
    // writers serialize at BEGIN instead of failing at COMMIT.
    virtual QString beginWrite() const = 0;
    // Replaces the type placeholders of the portable DDL: {blob}, {bigint}, {serial_pk}.
    virtual QString translateDdl(const QString &ddl) const = 0;
    // Statements run on every new connection (journal mode, durability, foreign keys).
    virtual QStringList connectionSetup() const = 0;
    // A query whose single value changes whenever another connection commits.
    virtual QString dataVersion() const = 0;
};

} // namespace mandate::server
