#include "core/SpiffeId.h"

namespace mandate {

namespace {

constexpr QStringView Scheme = u"spiffe://";
// SPIFFE-ID.md 2.3: implementations must accept 2048 bytes, and RFC 3986 caps a host at 255.
// Only ASCII gets past the character checks, so UTF-16 code units and bytes count the same.
constexpr qsizetype MaxIdLength = 2048;
constexpr qsizetype MaxTrustDomainLength = 255;

bool isLowerAlphaOrDigit(char16_t unit)
{
    return (unit >= u'a' && unit <= u'z') || (unit >= u'0' && unit <= u'9');
}

bool isUpperAlpha(char16_t unit)
{
    return unit >= u'A' && unit <= u'Z';
}

bool isTrustDomainChar(char16_t unit)
{
    return isLowerAlphaOrDigit(unit) || unit == u'.' || unit == u'-' || unit == u'_';
}

bool isPathChar(char16_t unit)
{
    return isTrustDomainChar(unit) || isUpperAlpha(unit);
}

// Characters that mean the text is a URI the standard forbids, not merely a typo: saying which
// rule was broken helps the person who pasted a URL with a port or a query.
QString uriFeatureProblem(char16_t unit)
{
    switch (unit) {
    case u'%':
        return QStringLiteral("a SPIFFE ID may not contain percent-encoded characters");
    case u'?':
        return QStringLiteral("a SPIFFE ID may not have a query ('?')");
    case u'#':
        return QStringLiteral("a SPIFFE ID may not have a fragment ('#')");
    default:
        return {};
    }
}

QString trustDomainProblem(QStringView trustDomain)
{
    if (trustDomain.isEmpty())
        return QStringLiteral("the trust domain is missing");
    // Looked for first: in "user:secret@host" the ':' belongs to the user info, not to a port.
    if (trustDomain.contains(u'@'))
        return QStringLiteral("the trust domain may not have user info ('@')");
    for (const QChar c : trustDomain) {
        const char16_t unit = c.unicode();
        if (isTrustDomainChar(unit))
            continue;
        if (QString problem = uriFeatureProblem(unit); !problem.isEmpty())
            return problem;
        if (unit == u':')
            return QStringLiteral("the trust domain may not have a port (':')");
        if (isUpperAlpha(unit))
            return QStringLiteral("the trust domain must be lowercase");
        return QStringLiteral(
            "the trust domain may only contain lowercase letters, digits, '.', '-' and '_'");
    }
    if (trustDomain.size() > MaxTrustDomainLength)
        return QStringLiteral("the trust domain is longer than 255 bytes");
    return {};
}

// `path` is empty or starts with '/'.
QString pathProblem(QStringView path)
{
    qsizetype segmentStart = 1;
    while (segmentStart <= path.size()) {
        qsizetype segmentEnd = path.indexOf(u'/', segmentStart);
        if (segmentEnd < 0)
            segmentEnd = path.size();
        const QStringView segment = path.sliced(segmentStart, segmentEnd - segmentStart);
        if (segment.isEmpty()) {
            return segmentEnd == path.size()
                       ? QStringLiteral("the path may not end with '/'")
                       : QStringLiteral("the path may not contain empty segments ('//')");
        }
        if (segment == u"." || segment == u"..")
            return QStringLiteral("the path may not contain '.' or '..' segments");
        for (const QChar c : segment) {
            if (isPathChar(c.unicode()))
                continue;
            if (QString problem = uriFeatureProblem(c.unicode()); !problem.isEmpty())
                return problem;
            return QStringLiteral("path segments may only contain letters, digits, '.', '-' and '_'");
        }
        segmentStart = segmentEnd + 1;
    }
    return {};
}

} // namespace

Expected<SpiffeId, QString> SpiffeId::parse(QStringView text)
{
    if (text.isEmpty())
        return unexpected(QStringLiteral("the SPIFFE ID is empty"));
    if (text.size() > MaxIdLength)
        return unexpected(QStringLiteral("the SPIFFE ID is longer than 2048 bytes"));
    if (!text.startsWith(Scheme))
        return unexpected(QStringLiteral("a SPIFFE ID must start with 'spiffe://'"));

    // RFC 3986: the authority ends at the first '/', '?' or '#'.
    const QStringView rest = text.sliced(Scheme.size());
    qsizetype authorityEnd = 0;
    while (authorityEnd < rest.size() && !QStringView(u"/?#").contains(rest[authorityEnd]))
        ++authorityEnd;
    const QStringView trustDomain = rest.first(authorityEnd);
    const QStringView path = rest.sliced(authorityEnd);
    if (QString problem = trustDomainProblem(trustDomain); !problem.isEmpty())
        return unexpected(std::move(problem));
    if (!path.isEmpty() && path.front() != u'/')
        return unexpected(uriFeatureProblem(path.front().unicode()));
    if (QString problem = pathProblem(path); !problem.isEmpty())
        return unexpected(std::move(problem));

    SpiffeId id;
    id.m_trustDomain = trustDomain.toString();
    id.m_path = path.toString();
    return id;
}

QString SpiffeId::toString() const
{
    if (!isValid())
        return {};
    return Scheme + m_trustDomain + m_path;
}

} // namespace mandate
