#include "server/store/ActionRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

bool ActionRepository::save(const ActionDefinition &action, const QString &createdBy, const QDateTime &at)
{
    const QVariant sensitivity =
        action.defaultSensitivity ? QVariant(sensitivityToString(*action.defaultSensitivity)) : QVariant();
    return m_db.run(QStringLiteral("INSERT INTO actions (name, label, moves_value, default_sensitivity, "
                                   "description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (name) DO UPDATE SET label = excluded.label, "
                                   "moves_value = excluded.moves_value, "
                                   "default_sensitivity = excluded.default_sensitivity, "
                                   "description = excluded.description"),
                    {action.name, action.label, action.movesValue ? 1 : 0, sensitivity,
                     // A null QString binds as NULL; "no description" is the empty text.
                     action.description.isNull() ? QStringLiteral("") : action.description,
                     formatTimestamp(at), createdBy}) != nullptr;
}

std::optional<QList<ActionDefinition>> ActionRepository::list()
{
    SqlStatement *q = m_db.run(QStringLiteral(
        "SELECT name, label, moves_value, default_sensitivity, description FROM actions ORDER BY name"));
    if (!q)
        return std::nullopt;
    QList<ActionDefinition> actions;
    while (q->next()) {
        ActionDefinition action;
        action.name = q->value(0).toString();
        action.label = q->value(1).toString();
        action.movesValue = q->value(2).toInt() != 0;
        if (!q->value(3).isNull())
            action.defaultSensitivity = sensitivityFromString(q->value(3).toString());
        action.description = q->value(4).toString();
        actions.append(std::move(action));
    }
    return actions;
}

} // namespace mandate::server
