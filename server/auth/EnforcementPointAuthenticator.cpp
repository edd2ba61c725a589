#include "server/auth/EnforcementPointAuthenticator.h"

#include "server/auth/SecureRandom.h"
#include "server/auth/SessionAuthenticator.h"
#include "server/store/Store.h"

namespace mandate::server {

QString EnforcementPointAuthenticator::newToken()
{
    return TokenPrefix.toString() + QString::fromLatin1(SecureRandom::bytes(32).toBase64(
                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Principal> EnforcementPointAuthenticator::authenticate(const QByteArray &token)
{
    if (!SessionAuthenticator::hasPrefix(token, TokenPrefix) || token.size() > 128)
        return std::nullopt;
    const auto point =
        m_store.enforcementPoints().findActiveByTokenHash(SessionAuthenticator::hashToken(token));
    if (!point)
        return std::nullopt;
    Principal principal;
    principal.kind = Principal::Kind::EnforcementPoint;
    principal.id = point->id;
    principal.name = point->name;
    return principal;
}

} // namespace mandate::server
