#include "core/ResourcePattern.h"

namespace mandate {

namespace {

constexpr qsizetype MaxPatternLength = 1024;

bool isKindStart(char16_t unit)
{
    return unit >= u'a' && unit <= u'z';
}

bool isKindChar(char16_t unit)
{
    return isKindStart(unit) || (unit >= u'0' && unit <= u'9') || unit == u'_' || unit == u'-';
}

bool isIdChar(char16_t unit)
{
    if ((unit >= u'a' && unit <= u'z') || (unit >= u'A' && unit <= u'Z') || (unit >= u'0' && unit <= u'9'))
        return true;
    switch (unit) {
    case u'.':
    case u'_':
    case u'~':
    case u'/':
    case u'@':
    case u'+':
    case u'=':
    case u'-':
        return true;
    default:
        return false;
    }
}

// Empty when `text` is a valid pattern. Returning the reason, not a bool, lets parse() explain
// itself while matches() stays allocation-free on the accepted path.
QString problemWith(QStringView text)
{
    if (text.isEmpty())
        return QStringLiteral("the resource pattern is empty");
    if (text.size() > MaxPatternLength)
        return QStringLiteral("the resource pattern is longer than 1024 characters");
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return QStringLiteral("a resource pattern has the form kind:id, such as account:acc_1");

    const QStringView kind = text.first(colon);
    bool kindValid = !kind.isEmpty() && isKindStart(kind.front().unicode());
    for (const QChar c : kind)
        kindValid = kindValid && isKindChar(c.unicode());
    if (!kindValid) {
        return QStringLiteral("the kind before ':' must start with a lowercase letter and contain only "
                              "lowercase letters, digits, '_' and '-'");
    }

    const QStringView id = text.sliced(colon + 1);
    if (id.isEmpty())
        return QStringLiteral("the id after ':' is empty");
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t unit = id[i].unicode();
        if (unit == u'*') {
            if (i != id.size() - 1)
                return QStringLiteral("'*' may only appear once, at the end of the pattern");
            continue;
        }
        if (!isIdChar(unit))
            return QStringLiteral(
                "the id may only contain letters, digits and the characters . _ ~ / @ + = -");
    }
    return {};
}

bool isWildcardText(QStringView text)
{
    return text.endsWith(u'*');
}

QStringView withoutWildcard(QStringView text)
{
    return isWildcardText(text) ? text.chopped(1) : text;
}

// Both sides are valid pattern texts.
bool textCovers(QStringView pattern, QStringView other)
{
    if (!isWildcardText(pattern))
        return pattern == other;
    return withoutWildcard(other).startsWith(withoutWildcard(pattern));
}

} // namespace

Expected<ResourcePattern, QString> ResourcePattern::parse(QStringView text)
{
    if (QString problem = problemWith(text); !problem.isEmpty())
        return unexpected(std::move(problem));
    return ResourcePattern(text.toString());
}

bool ResourcePattern::matches(QStringView resource) const
{
    if (m_text.isEmpty() || !problemWith(resource).isEmpty())
        return false;
    return textCovers(m_text, resource);
}

bool ResourcePattern::covers(const ResourcePattern &other) const
{
    if (m_text.isEmpty() || other.m_text.isEmpty())
        return false;
    return textCovers(m_text, other.m_text);
}

} // namespace mandate
