#include "server/http/Router.h"

namespace mandate::server {

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append(
        {method, pattern, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler), false});
}

void Router::acceptForm(const QString &pattern)
{
    for (Route &route : m_routes) {
        if (route.pattern == pattern)
            route.acceptsForm = true;
    }
}

void Router::letCheckOwnRequests(const QString &pattern)
{
    for (Route &route : m_routes) {
        if (route.pattern == pattern)
            route.checksOwnRequests = true;
    }
}

bool Router::matches(const Route &route, const QStringList &segments, QStringList *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QStringList values;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &expected = route.segments[i];
        if (expected.startsWith(u'{')) {
            if (segments[i].isEmpty())
                return false;
            values.append(segments[i]);
        } else if (expected != segments[i]) {
            return false;
        }
    }
    *params = values;
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    // Trailing or doubled slashes name a different resource; refuse them instead of guessing.
    if (path.contains(QStringLiteral("//")) || (path.size() > 1 && path.endsWith(u'/')))
        return {};
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    Match result;
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        QStringList params;
        if (!matches(route, segments, &params))
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = params;
            return result;
        }
        allowed.append(route.method);
    }
    result.allowedMethods = allowed.join(", ");
    return result;
}

} // namespace mandate::server
