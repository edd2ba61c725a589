#pragma once

#include "core/Clock.h"
#include "core/Expected.h"
#include "core/SpiffeId.h"
#include "server/identity/JwtError.h"
#include "server/identity/SigningKey.h"
#include "server/identity/VerificationKeys.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mandate {
struct Delegation;
}

namespace mandate::server {

// A freshly signed token and what the response and the audit log say about it.
struct IssuedCredential
{
    QString token;
    QDateTime expiresAt;
    QString tokenId; // "jti"
};

// What a verified JWT-SVID says.
struct SvidClaims
{
    SpiffeId agent;
    QDateTime expiresAt;
    QString tokenId; // empty when the issuer set no "jti"
};

// What a verified JIT credential says.
struct JitClaims
{
    SpiffeId agent;
    QString delegationId;
    QStringList actions;
    // Who delegated to the agent, from the customer ("usr_…") down to the agent's immediate
    // delegator (a parent agent's SPIFFE ID); the same order as a delegation's chain.
    QStringList delegators;
    QDateTime expiresAt;
    QString tokenId;
};

// Mints and checks the two tokens an agent can present (API.md, "Conventions" and
// "JIT credentials"):
//
// JWT-SVID (SPIFFE): {"sub": "<SPIFFE ID>", "aud": ["<audience>"], "iat", "exp", "jti"}, living
// at most one hour. The server serves one trust domain: either it mints the SVIDs itself (the
// embedded default) or an external SPIFFE issuer does and its JWKS is passed in as the trust
// bundle. As SPIFFE requires, a bundle's keys vouch only for their own trust domain, so every
// SVID's subject must lie in Settings::trustDomain.
//
// JIT credential, bound to one delegation: {"iss": "<issuer>", "sub": "<agent SPIFFE ID>",
// "aud": ["<audience>"], "act": {…}, "dlg": "dlg_…", "scope": "payments.initiate data.read",
// "iat", "exp", "jti", "mandate_kind": "jit"}, living at most 15 minutes and never past the
// delegation's expiry. "act" is the RFC 8693 actor chain: its outermost level is whoever
// delegated to "sub" directly, each nested "act" goes one step further up, and the innermost is
// always the customer, by user id. For customer usr_1 → agent A → agent B (the subject):
//     "sub": "spiffe://td/b", "act": {"sub": "spiffe://td/a", "act": {"sub": "usr_1"}}
// and for a delegation straight from usr_1 to A: "sub": "spiffe://td/a", "act": {"sub": "usr_1"}.
//
// Neither kind passes for the other: a JIT credential carries "mandate_kind":"jit" and an SVID
// must carry no "mandate_kind" at all (SVIDs from SPIFFE issuers never do). JIT credentials are
// verified against the server's own signing key only, so no trust-bundle key can mint them.
class AgentCredentials
{
public:
    struct Settings
    {
        QString trustDomain; // "demo.mandate.local"
        QString issuer;      // the JIT credentials' "iss", e.g. the server's base URL
        QString audience;    // what every token's "aud" must contain
    };

    static constexpr qint64 MaxSvidLifetimeSeconds = 60 * 60;
    static constexpr qint64 MaxJitLifetimeSeconds = 15 * 60;
    static constexpr qint64 ClockLeewaySeconds = 30;
    static constexpr QStringView KindClaim = u"mandate_kind";
    static constexpr QStringView JitKind = u"jit";

    AgentCredentials(SigningKey signingKey, VerificationKeys trustBundle, Settings settings,
                     const Clock &clock);

    // The error is a sentence for the caller: an agent of another trust domain, a lifetime
    // outside 1..MaxSvidLifetimeSeconds.
    Expected<IssuedCredential, QString> issueSvid(const SpiffeId &agent,
                                                  qint64 lifetimeSeconds = MaxSvidLifetimeSeconds) const;
    // A credential for the agent at the end of `delegation.chain`, which must be active and
    // unexpired; "exp" = min(now + ttlSeconds, the delegation's expiry), ttlSeconds in
    // 1..MaxJitLifetimeSeconds. The caller has checked that the requesting agent holds the
    // delegation and that no ancestor is revoked.
    Expected<IssuedCredential, QString> issueJit(const Delegation &delegation, qint64 ttlSeconds) const;

    Expected<SvidClaims, JwtError> verifySvid(QStringView token) const;
    Expected<JitClaims, JwtError> verifyJit(QStringView token) const;

    // The keys this server signs with (GET /v1/jwks): its own and those of the other instances on
    // its database; trust-bundle keys are not republished.
    QJsonObject jwks() const;
    // The other instances' public keys (InstanceKeys reads them from the store): SVIDs and JIT
    // credentials they signed verify here as if signed by this instance. Replaces the last set.
    void trustInstanceKeys(const VerificationKeys &instanceKeys);
    const SigningKey &signingKey() const { return m_signingKey; }
    // The "iss" of the JIT credentials this server issues.
    const QString &issuer() const { return m_settings.issuer; }

    // The "act" claim for `delegators` (customer first, as in JitClaims::delegators).
    static QJsonObject actorClaim(const QStringList &delegators);

private:
    std::optional<SpiffeId> agentOfTrustDomain(QStringView subject) const;
    IssuedCredential sign(QJsonObject claims, qint64 issuedAt, qint64 expiresAt) const;

    SigningKey m_signingKey;
    VerificationKeys m_trustBundle;
    VerificationKeys m_ownKeys; // this instance's key and the other instances'

    VerificationKeys m_svidKeys;
    Settings m_settings;
    const Clock &m_clock;
};

} // namespace mandate::server
