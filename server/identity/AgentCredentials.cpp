#include "server/identity/AgentCredentials.h"

#include "core/Attenuation.h"
#include "core/Delegation.h"
#include "server/auth/SecureRandom.h"
#include "server/identity/Base64Url.h"
#include "server/identity/JwtCodec.h"

#include <QJsonArray>

#include <algorithm>

namespace mandate::server {

namespace {

// The customer and the parent agents above the subject: one per delegation of the chain.
constexpr qsizetype MaxDelegators = Attenuation::MaxDepth;
constexpr QStringView CustomerIdPrefix = u"usr_";
constexpr QStringView DelegationIdPrefix = u"dlg_";

QString newTokenId()
{
    return QString::fromLatin1(Base64Url::encode(SecureRandom::bytes(16)));
}

bool isCustomerId(QStringView id)
{
    return id.startsWith(CustomerIdPrefix) && id.size() > CustomerIdPrefix.size();
}

// The delegators named by an "act" claim, customer first; nothing unless the claim has exactly
// the shape actorClaim() writes.
std::optional<QStringList> delegatorsOf(const QJsonValue &actor)
{
    QStringList delegators;
    QJsonValue level = actor;
    while (!level.isUndefined()) {
        if (!level.isObject() || delegators.size() == MaxDelegators)
            return std::nullopt;
        const QJsonObject object = level.toObject();
        const QJsonValue subject = object.value(u"sub");
        if (!subject.isString() || object.size() != (object.contains(u"act") ? 2 : 1))
            return std::nullopt;
        delegators.prepend(subject.toString());
        level = object.value(u"act");
    }
    if (delegators.isEmpty() || !isCustomerId(delegators.first()))
        return std::nullopt;
    for (qsizetype index = 1; index < delegators.size(); ++index) {
        if (!SpiffeId::parse(delegators.at(index)))
            return std::nullopt;
    }
    return delegators;
}

std::optional<QStringList> actionsOf(const QJsonValue &scope)
{
    if (!scope.isString())
        return std::nullopt;
    const QStringList actions = scope.toString().split(QLatin1Char(' '));
    for (const QString &action : actions) {
        if (action.isEmpty())
            return std::nullopt;
    }
    return actions;
}

} // namespace

AgentCredentials::AgentCredentials(SigningKey signingKey, VerificationKeys trustBundle, Settings settings,
                                   const Clock &clock)
    : m_signingKey(std::move(signingKey))
    , m_trustBundle(std::move(trustBundle))
    , m_settings(std::move(settings))
    , m_clock(clock)
{
    trustInstanceKeys({});
}

void AgentCredentials::trustInstanceKeys(const VerificationKeys &instanceKeys)
{
    VerificationKeys own = instanceKeys;
    // Last: this instance's own key is the one it is sure of.
    own.add(m_signingKey);
    VerificationKeys svid = m_trustBundle;
    svid.addAll(own);
    m_ownKeys = std::move(own);
    m_svidKeys = std::move(svid);
}

QJsonObject AgentCredentials::actorClaim(const QStringList &delegators)
{
    QJsonObject actor;
    for (const QString &delegator : delegators) {
        QJsonObject outer{{QStringLiteral("sub"), delegator}};
        if (!actor.isEmpty())
            outer.insert(QStringLiteral("act"), actor);
        actor = outer;
    }
    return actor;
}

IssuedCredential AgentCredentials::sign(QJsonObject claims, qint64 issuedAt, qint64 expiresAt) const
{
    IssuedCredential issued;
    issued.tokenId = newTokenId();
    issued.expiresAt = QDateTime::fromSecsSinceEpoch(expiresAt, Qt::UTC);
    claims.insert(QStringLiteral("aud"), QJsonArray{m_settings.audience});
    claims.insert(QStringLiteral("iat"), issuedAt);
    claims.insert(QStringLiteral("exp"), expiresAt);
    claims.insert(QStringLiteral("jti"), issued.tokenId);
    issued.token = JwtCodec::sign(claims, m_signingKey);
    return issued;
}

Expected<IssuedCredential, QString> AgentCredentials::issueSvid(const SpiffeId &agent,
                                                                qint64 lifetimeSeconds) const
{
    if (agent.trustDomain() != m_settings.trustDomain)
        return unexpected(
            QStringLiteral("%1 is not in the trust domain %2, so this server cannot vouch for it.")
                .arg(agent.toString(), m_settings.trustDomain));
    if (lifetimeSeconds < 1 || lifetimeSeconds > MaxSvidLifetimeSeconds)
        return unexpected(
            QStringLiteral("An SVID lives between 1 and %1 seconds.").arg(MaxSvidLifetimeSeconds));
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    IssuedCredential issued = sign({{QStringLiteral("sub"), agent.toString()}}, now, now + lifetimeSeconds);
    if (issued.token.isEmpty())
        return unexpected(QStringLiteral("The SVID could not be signed."));
    return issued;
}

Expected<IssuedCredential, QString> AgentCredentials::issueJit(const Delegation &delegation,
                                                               qint64 ttlSeconds) const
{
    if (ttlSeconds < 1 || ttlSeconds > MaxJitLifetimeSeconds)
        return unexpected(QStringLiteral("ttl_seconds must be between 1 and %1.").arg(MaxJitLifetimeSeconds));
    const QDateTime now = m_clock.now();
    if (delegation.status != DelegationStatus::Active)
        return unexpected(QStringLiteral("The delegation %1 is not active.").arg(delegation.id));
    // NumericDates are whole seconds; rounding the expiry down keeps "exp" within the delegation.
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const qint64 expiresAt = qMin(issuedAt + ttlSeconds, delegation.expiresAt.toSecsSinceEpoch());
    if (expiresAt <= issuedAt)
        return unexpected(QStringLiteral("The delegation %1 has expired.").arg(delegation.id));

    const QList<ChainLink> &chain = delegation.chain;
    const bool chainComplete =
        chain.size() >= 2 && chain.size() <= MaxDelegators + 1 &&
        chain.first().kind == ChainLink::Kind::Customer && isCustomerId(chain.first().id) &&
        std::all_of(chain.begin() + 1, chain.end(),
                    [](const ChainLink &link) { return link.kind == ChainLink::Kind::Agent; });
    const auto agent = chainComplete ? agentOfTrustDomain(chain.last().spiffeId) : std::nullopt;
    if (!agent)
        return unexpected(
            QStringLiteral(
                "The delegation %1 does not lead from a customer to an agent of the trust domain %2.")
                .arg(delegation.id, m_settings.trustDomain));
    QStringList delegators{chain.first().id};
    for (qsizetype index = 1; index + 1 < chain.size(); ++index)
        delegators.append(chain.at(index).spiffeId);
    QStringList actions;
    for (const Scope &scope : delegation.scopes) {
        if (!actions.contains(scope.action))
            actions.append(scope.action);
    }

    IssuedCredential issued = sign({{QStringLiteral("iss"), m_settings.issuer},
                                    {QStringLiteral("sub"), agent->toString()},
                                    {QStringLiteral("act"), actorClaim(delegators)},
                                    {QStringLiteral("dlg"), delegation.id},
                                    {QStringLiteral("scope"), actions.join(QLatin1Char(' '))},
                                    {KindClaim.toString(), JitKind.toString()}},
                                   issuedAt, expiresAt);
    if (issued.token.isEmpty())
        return unexpected(QStringLiteral("The credential could not be signed."));
    return issued;
}

std::optional<SpiffeId> AgentCredentials::agentOfTrustDomain(QStringView subject) const
{
    auto agent = SpiffeId::parse(subject);
    if (!agent || agent->trustDomain() != m_settings.trustDomain)
        return std::nullopt;
    return std::move(agent).value();
}

Expected<SvidClaims, JwtError> AgentCredentials::verifySvid(QStringView token) const
{
    const JwtExpectations expect{m_settings.audience, ClockLeewaySeconds, true, MaxSvidLifetimeSeconds};
    const auto claims = JwtCodec::verify(token, m_svidKeys, expect, m_clock.now());
    if (!claims)
        return unexpected(claims.error());
    if (claims->contains(KindClaim))
        return unexpected(JwtError::WrongKind);
    const auto agent = agentOfTrustDomain(claims->value(u"sub").toString());
    if (!agent)
        return unexpected(JwtError::InvalidSubject);
    return SvidClaims{*agent, QDateTime::fromSecsSinceEpoch(claims->value(u"exp").toInteger(), Qt::UTC),
                      claims->value(u"jti").toString()};
}

Expected<JitClaims, JwtError> AgentCredentials::verifyJit(QStringView token) const
{
    // The lifetime is checked here rather than by JwtCodec, after the kind: an SVID presented
    // where a JIT credential is due lives longer than one, and should be told it is the wrong kind.
    const JwtExpectations expect{m_settings.audience, ClockLeewaySeconds, true, std::nullopt};
    const auto claims = JwtCodec::verify(token, m_ownKeys, expect, m_clock.now());
    if (!claims)
        return unexpected(claims.error());
    if (claims->value(KindClaim) != JitKind.toString())
        return unexpected(JwtError::WrongKind);
    if (claims->value(u"iss") != m_settings.issuer)
        return unexpected(JwtError::WrongIssuer);
    const qint64 expiresAt = claims->value(u"exp").toInteger();
    const QJsonValue issuedAt = claims->value(u"iat");
    if (issuedAt.isDouble() && expiresAt - issuedAt.toInteger() > MaxJitLifetimeSeconds)
        return unexpected(JwtError::LifetimeTooLong);
    const auto agent = agentOfTrustDomain(claims->value(u"sub").toString());
    if (!agent)
        return unexpected(JwtError::InvalidSubject);
    const QJsonValue delegationId = claims->value(u"dlg");
    const QJsonValue tokenId = claims->value(u"jti");
    const auto actions = actionsOf(claims->value(u"scope"));
    const auto delegators = delegatorsOf(claims->value(u"act"));
    if (!issuedAt.isDouble() || !delegationId.isString() ||
        !delegationId.toString().startsWith(DelegationIdPrefix) || !tokenId.isString() || !actions ||
        !delegators)
        return unexpected(JwtError::MalformedClaims);
    return JitClaims{*agent,
                     delegationId.toString(),
                     *actions,
                     *delegators,
                     QDateTime::fromSecsSinceEpoch(expiresAt, Qt::UTC),
                     tokenId.toString()};
}

QJsonObject AgentCredentials::jwks() const
{
    return m_ownKeys.toJwks();
}

} // namespace mandate::server
