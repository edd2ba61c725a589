#pragma once

#include "server/http/Authenticator.h"

namespace mandate::server {

class Store;

// Authenticates enforcement points by their token ("mep_" + 256 random bits, base64url). Only the
// token's SHA-256 is stored and looked up; a revoked point's token fails at once.
class EnforcementPointAuthenticator final : public Authenticator
{
public:
    static constexpr QStringView TokenPrefix = u"mep_";

    explicit EnforcementPointAuthenticator(Store &store)
        : m_store(store)
    {}

    std::optional<Principal> authenticate(const QByteArray &token) override;
    static QString newToken();

private:
    Store &m_store;
};

} // namespace mandate::server
