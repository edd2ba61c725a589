#pragma once

#include <QString>

#include <cstdio>

namespace mandate::server {

struct ApiRequest;

// One JSON line per answered request and per notable server event, on stderr, for log shippers.
// What it writes is chosen field by field: never headers, bodies, query strings or tokens.
class AccessLog
{
public:
    explicit AccessLog(std::FILE *out = stderr, bool enabled = true)
        : m_out(out)
        , m_enabled(enabled)
    {}

    void request(const ApiRequest &request, int status, double seconds);
    void event(const QString &message, const QString &detail = QString());

private:
    std::FILE *m_out;
    bool m_enabled;
};

} // namespace mandate::server
