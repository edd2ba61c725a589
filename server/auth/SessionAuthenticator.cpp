#include "server/auth/SessionAuthenticator.h"

#include "core/Sha256.h"
#include "server/auth/SecureRandom.h"
#include "server/store/Store.h"

namespace mandate::server {

QString SessionAuthenticator::newToken()
{
    return TokenPrefix.toString() + QString::fromLatin1(SecureRandom::bytes(32).toBase64(
                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray SessionAuthenticator::hashToken(QByteArrayView token)
{
    return Sha256::of({token});
}

std::optional<Principal> SessionAuthenticator::authenticate(const QByteArray &token)
{
    if (!hasPrefix(token, TokenPrefix) || token.size() > 128)
        return std::nullopt;
    const QByteArray hash = hashToken(token);
    const auto session = m_store.sessions().find(hash);
    if (!session || session->expiresAt <= m_clock.now())
        return std::nullopt;
    const auto user = m_store.users().findById(session->userId);
    if (!user)
        return std::nullopt;
    Principal principal;
    principal.kind = Principal::Kind::User;
    principal.id = user->id;
    principal.name = user->displayName;
    principal.roles = user->roles;
    principal.sessionHash = hash;
    principal.sessionExpiresAt = session->expiresAt;
    return principal;
}

} // namespace mandate::server
