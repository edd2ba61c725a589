#pragma once

#include "server/http/Authenticator.h"

namespace mandate::server {

class Store;

// Authenticates Shared Signals receivers by the token an admin registered them with ("msr_" + 256
// random bits, base64url). Like session tokens, only the SHA-256 is stored and the lookup is by
// that hash, so no stored secret is compared byte by byte; a revoked receiver's token is unknown.
class ReceiverAuthenticator final : public Authenticator
{
public:
    static constexpr QStringView TokenPrefix = u"msr_";

    explicit ReceiverAuthenticator(Store &store)
        : m_store(store)
    {}

    std::optional<Principal> authenticate(const QByteArray &token) override;

    static QString newToken();

private:
    Store &m_store;
};

} // namespace mandate::server
