#pragma once

#include "core/ActionDefinition.h"

#include <QDateTime>
#include <QList>

namespace mandate::server {

class Database;

// The actions admins registered in the catalog (the built-in ones live in core).
class ActionRepository
{
public:
    explicit ActionRepository(Database &db)
        : m_db(db)
    {}

    // Registers the action, or changes the one of the same name.
    bool save(const ActionDefinition &action, const QString &createdBy, const QDateTime &at);
    std::optional<QList<ActionDefinition>> list();

private:
    Database &m_db;
};

} // namespace mandate::server
