#include "server/ssf/CaepEvents.h"

#include <QSet>

namespace mandate::server {

namespace {

QJsonObject common(const SignalCause &cause)
{
    // reason_admin must not be empty (CAEP interoperability profile, session revocation and
    // credential change use cases).
    QJsonObject event{
        {QStringLiteral("event_timestamp"), cause.at.toSecsSinceEpoch()},
        {QStringLiteral("initiating_entity"), cause.initiatingEntity},
        {QStringLiteral("reason_admin"), QJsonObject{{QStringLiteral("en"), cause.reasonAdmin}}},
    };
    if (!cause.reasonUser.isEmpty())
        event.insert(QStringLiteral("reason_user"), QJsonObject{{QStringLiteral("en"), cause.reasonUser}});
    return event;
}

} // namespace

QStringList CaepEvents::supported()
{
    // token-claims-change is built (tokenClaimsChange) but not offered: nothing in Mandate narrows
    // a delegation's limits after it was granted, so no stream would ever receive one.
    return {SessionRevoked.toString(), CredentialChange.toString()};
}

QJsonObject CaepEvents::sessionSubject(const QString &agentSpiffeId, const QString &delegationId)
{
    return {{QStringLiteral("format"), QStringLiteral("complex")},
            {QStringLiteral("agent"), QJsonObject{{QStringLiteral("format"), QStringLiteral("uri")},
                                                  {QStringLiteral("uri"), agentSpiffeId}}},
            {QStringLiteral("session"), QJsonObject{{QStringLiteral("format"), QStringLiteral("opaque")},
                                                    {QStringLiteral("id"), delegationId}}}};
}

QJsonObject CaepEvents::credentialSubject(const QString &agentSpiffeId, const QString &delegationId,
                                          const QString &credentialIssuer, const QString &jti)
{
    QJsonObject subject = sessionSubject(agentSpiffeId, delegationId);
    subject.insert(QStringLiteral("credential"),
                   QJsonObject{{QStringLiteral("format"), QStringLiteral("jwt_id")},
                               {QStringLiteral("iss"), credentialIssuer},
                               {QStringLiteral("jti"), jti}});
    return subject;
}

QJsonObject CaepEvents::streamSubject(const QString &streamId)
{
    return {{QStringLiteral("format"), QStringLiteral("opaque")}, {QStringLiteral("id"), streamId}};
}

QJsonObject CaepEvents::sessionRevoked(const SignalCause &cause)
{
    return common(cause);
}

QJsonObject CaepEvents::credentialRevoked(const SignalCause &cause)
{
    QJsonObject event = common(cause);
    // Not one of CAEP's listed types, which it allows "supported mutually": API.md names it.
    event.insert(QStringLiteral("credential_type"), QStringLiteral("jwt"));
    event.insert(QStringLiteral("change_type"), QStringLiteral("revoke"));
    return event;
}

QJsonObject CaepEvents::tokenClaimsChange(const SignalCause &cause, const QJsonObject &claims)
{
    QJsonObject event = common(cause);
    event.insert(QStringLiteral("claims"), claims);
    return event;
}

QJsonObject CaepEvents::verification(const std::optional<QString> &state)
{
    QJsonObject event;
    if (state)
        event.insert(QStringLiteral("state"), *state);
    return event;
}

QJsonObject CaepEvents::streamUpdated(const QString &status, const QString &reason)
{
    QJsonObject event{{QStringLiteral("status"), status}};
    if (!reason.isEmpty())
        event.insert(QStringLiteral("reason"), reason);
    return event;
}

QJsonObject CaepEvents::claims(const QString &jti, const QDateTime &issuedAt, const QString &txn,
                               const QJsonObject &subject, QStringView type, const QJsonObject &event)
{
    QJsonObject claims{
        {QStringLiteral("jti"), jti},
        {QStringLiteral("iat"), issuedAt.toSecsSinceEpoch()},
        {QStringLiteral("sub_id"), subject},
        {QStringLiteral("events"), QJsonObject{{type.toString(), event}}},
    };
    if (!txn.isEmpty())
        claims.insert(QStringLiteral("txn"), txn);
    return claims;
}

bool CaepEvents::subjectsMatch(const QJsonObject &a, const QJsonObject &b)
{
    const QString complex = QStringLiteral("complex");
    if (a.value(u"format").toString() != complex || b.value(u"format").toString() != complex)
        return a == b;
    QSet<QString> members;
    for (auto it = a.begin(); it != a.end(); ++it)
        members.insert(it.key());
    for (auto it = b.begin(); it != b.end(); ++it)
        members.insert(it.key());
    for (const QString &member : std::as_const(members)) {
        if (a.contains(member) && b.contains(member) && a.value(member) != b.value(member))
            return false;
    }
    return true;
}

} // namespace mandate::server
