#pragma once

#include "core/Clock.h"
#include "server/http/Authenticator.h"

namespace mandate::server {

class Store;

// Authenticates people by session token ("mst_" + 256 random bits, base64url). Only the token's
// SHA-256 is stored; lookup is by that hash, so no stored secret is ever compared byte by byte.
class SessionAuthenticator final : public Authenticator
{
public:
    static constexpr QStringView TokenPrefix = u"mst_";

    SessionAuthenticator(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    std::optional<Principal> authenticate(const QByteArray &token) override;

    static QString newToken();
    static QByteArray hashToken(QByteArrayView token);
    // Whether the token starts with a kind's prefix ("mst_", "mep_", ...), compared in place.
    static bool hasPrefix(QByteArrayView token, QStringView prefix)
    {
        return QLatin1StringView(token).startsWith(prefix);
    }

private:
    Store &m_store;
    const Clock &m_clock;
};

} // namespace mandate::server
