#include "core/ActionCatalog.h"

namespace mandate {

namespace {

constexpr qsizetype MaxActionLength = 64;

bool isLowerAlpha(char16_t unit)
{
    return unit >= u'a' && unit <= u'z';
}

bool isNameChar(char16_t unit)
{
    return isLowerAlpha(unit) || (unit >= u'0' && unit <= u'9') || unit == u'_';
}

// One part of "domain.verb": a lowercase letter, then lowercase letters, digits or underscores.
bool isWellFormedPart(QStringView part)
{
    if (part.isEmpty() || !isLowerAlpha(part.front().unicode()))
        return false;
    for (const QChar c : part) {
        if (!isNameChar(c.unicode()))
            return false;
    }
    return true;
}

} // namespace

const QStringList &ActionCatalog::knownActions()
{
    static const QStringList actions{
        QStringLiteral("payments.initiate"), QStringLiteral("data.read"),
        QStringLiteral("data.export"),       QStringLiteral("records.update"),
        QStringLiteral("records.delete"),    QStringLiteral("data.share_external"),
    };
    return actions;
}

bool ActionCatalog::isWellFormed(QStringView action)
{
    if (action.size() > MaxActionLength)
        return false;
    const qsizetype dot = action.indexOf(u'.');
    if (dot < 0)
        return false;
    return isWellFormedPart(action.left(dot)) && isWellFormedPart(action.mid(dot + 1));
}

bool ActionCatalog::isKnown(QStringView action)
{
    return knownActions().contains(action);
}

bool ActionCatalog::movesValue(QStringView action)
{
    return action == u"payments.initiate";
}

} // namespace mandate
