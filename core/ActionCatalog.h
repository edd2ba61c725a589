#pragma once

#include "core/ActionDefinition.h"
#include "core/Expected.h"
#include "core/FieldError.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace mandate {

// The actions an organisation lets its agents be given: the six built in, and those its admins
// register. A grant, sub-delegation, authorize or evaluation naming another action is refused,
// with the nearest known name so a typo is fixed at once.
class ActionCatalog
{
public:
    // The built-in actions only.
    ActionCatalog();

    static const ActionCatalog &builtIn();
    // "domain.verb": lowercase letters, digits and underscores, each part starting with a letter.
    static bool isWellFormed(QStringView action);
    static QString wellFormedRule();

    // Adds or replaces a registered action; built-in ones cannot be replaced.
    bool add(ActionDefinition action);
    const QList<ActionDefinition> &actions() const { return m_actions; }
    QStringList names() const;
    const ActionDefinition *find(QStringView name) const;
    bool contains(QStringView name) const { return find(name) != nullptr; }
    bool isBuiltIn(QStringView name) const;
    bool movesValue(QStringView name) const;
    // The label people read, or the name itself for an action the catalog does not know.
    QString labelOf(const QString &name) const;

    // Empty when `name` is in the catalog; else the field message, with the nearest known name.
    QString unknownMessage(QStringView name) const;
    // The known name fewest edits away, when it is close enough to be a typo.
    QString nearest(QStringView name) const;

    static QJsonObject toJson(const ActionDefinition &action);
    // A definition as POST /v1/actions sends it; errors name the fields.
    static Expected<ActionDefinition, FieldErrors> fromJson(const QJsonObject &json);

private:
    QList<ActionDefinition> m_actions;
    qsizetype m_builtInCount = 0;
};

} // namespace mandate
