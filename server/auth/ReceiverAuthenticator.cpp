#include "server/auth/ReceiverAuthenticator.h"

#include "server/auth/SecureRandom.h"
#include "server/auth/SessionAuthenticator.h"
#include "server/store/Store.h"

namespace mandate::server {

QString ReceiverAuthenticator::newToken()
{
    return TokenPrefix.toString() + QString::fromLatin1(SecureRandom::bytes(32).toBase64(
                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Principal> ReceiverAuthenticator::authenticate(const QByteArray &token)
{
    if (!SessionAuthenticator::hasPrefix(token, TokenPrefix) || token.size() > 128)
        return std::nullopt;
    const auto receiver = m_store.ssfStreams().receiverByToken(SessionAuthenticator::hashToken(token));
    if (!receiver)
        return std::nullopt;
    Principal principal;
    principal.kind = Principal::Kind::Receiver;
    principal.id = receiver->id;
    principal.name = receiver->name;
    return principal;
}

} // namespace mandate::server
