#pragma once

#include <QString>
#include <QStringList>

namespace mandate {

// The catalog of agent actions. It is extensible: any "domain.verb" name of lowercase letters,
// digits and underscores is well-formed; the known ones get labels and templates in the console.
class ActionCatalog
{
public:
    static const QStringList &knownActions();
    static bool isWellFormed(QStringView action);
    static bool isKnown(QStringView action);
    // Actions that move value, where a request is expected to carry an amount.
    static bool movesValue(QStringView action);
};

} // namespace mandate
