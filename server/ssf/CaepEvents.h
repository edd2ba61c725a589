#pragma once

#include "server/ssf/SignalCause.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::server {

// The Security Event Tokens Mandate transmits (RFC 8417 as profiled by SSF 1.0, events of CAEP 1.0):
// their event type URIs, subjects and claims. One event per SET (CAEP interoperability profile);
// no "sub" and no "exp" claim (SSF §4.1); "iss" and "aud" are added when the SET is signed for its
// stream, everything else is fixed when the event is queued, so a SET sent twice is the same SET.
class CaepEvents
{
public:
    static constexpr QStringView SessionRevoked =
        u"https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    static constexpr QStringView CredentialChange =
        u"https://schemas.openid.net/secevent/caep/event-type/credential-change";
    static constexpr QStringView TokenClaimsChange =
        u"https://schemas.openid.net/secevent/caep/event-type/token-claims-change";
    static constexpr QStringView Verification =
        u"https://schemas.openid.net/secevent/ssf/event-type/verification";
    static constexpr QStringView StreamUpdated =
        u"https://schemas.openid.net/secevent/ssf/event-type/stream-updated";

    // What a stream may ask for: the CAEP events Mandate sends today. Verification and stream
    // updates are sent on every stream whatever it asked for (SSF §8.1.4, §8.1.5).
    static QStringList supported();

    // The session of a delegation: {"format":"complex","agent":{uri: SPIFFE ID},"session":{opaque: id}}.
    static QJsonObject sessionSubject(const QString &agentSpiffeId, const QString &delegationId);
    // The same, naming one JIT credential as well ("credential": {"format":"jwt_id","iss","jti"}).
    static QJsonObject credentialSubject(const QString &agentSpiffeId, const QString &delegationId,
                                         const QString &credentialIssuer, const QString &jti);
    // A stream itself, for verification and stream updates: {"format":"opaque","id": stream id}.
    static QJsonObject streamSubject(const QString &streamId);

    static QJsonObject sessionRevoked(const SignalCause &cause);
    // change_type "revoke" of a JWT (the JIT credentials Mandate issues).
    static QJsonObject credentialRevoked(const SignalCause &cause);
    // `claims`: the changed claims with their new values (CAEP §3.2).
    static QJsonObject tokenClaimsChange(const SignalCause &cause, const QJsonObject &claims);
    static QJsonObject verification(const std::optional<QString> &state);
    static QJsonObject streamUpdated(const QString &status, const QString &reason);

    // The claims of one SET without "iss" and "aud": a fresh "jti", "iat" now, "txn", "sub_id" and
    // {"events": {type: event}}.
    static QJsonObject claims(const QString &jti, const QDateTime &issuedAt, const QString &txn,
                              const QJsonObject &subject, QStringView type, const QJsonObject &event);

    // SSF §8.1.3.1: simple subjects match when identical; complex ones when every member either
    // side defines is identical on the other, or undefined there.
    static bool subjectsMatch(const QJsonObject &a, const QJsonObject &b);
};

} // namespace mandate::server
