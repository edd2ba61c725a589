#pragma once

#include <QString>

namespace mandate::server {

class Database;

// Numbered schema migrations. Every pending migration is applied in one write transaction at
// start, recorded in schema_migrations; a database newer than this binary is refused.
class Migrations
{
public:
    static int latestVersion();
    static bool apply(Database &db, QString *error);

private:
    static bool applyLocked(Database &db, QString *error);
};

} // namespace mandate::server
