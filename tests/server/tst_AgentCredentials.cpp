#include "server/identity/AgentCredentials.h"
#include "server/identity/Base64Url.h"
#include "server/identity/JwtCodec.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/MockClock.h"
#include "tests/support/ScopeBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using mandate::ChainLink;
using mandate::Delegation;
using mandate::DelegationStatus;
using mandate::SpiffeId;
using mandate::server::AgentCredentials;
using mandate::server::Base64Url;
using mandate::server::JwtCodec;
using mandate::server::JwtError;
using mandate::server::SigningKey;
using mandate::server::VerificationKeys;
using mandate::test::DelegationBuilder;
using mandate::test::MockClock;
using mandate::test::ScopeBuilder;

Q_DECLARE_METATYPE(JwtError)
Q_DECLARE_METATYPE(Delegation)
Q_DECLARE_METATYPE(QList<ChainLink>)

namespace {

const QString TrustDomain = QStringLiteral("demo.mandate.local");
const QString Issuer = QStringLiteral("https://mandate.example");
const QString Audience = QStringLiteral("mandate");
const QString TravelBooker = QStringLiteral("spiffe://demo.mandate.local/travel-booker");

SpiffeId spiffe(const QString &text)
{
    return SpiffeId::parse(text).value();
}

// The claims of a token, read without verifying it: what a test asserts the issuer wrote.
QJsonObject payloadOf(const QString &token)
{
    return QJsonDocument::fromJson(*Base64Url::decode(token.section(u'.', 1, 1).toLatin1())).object();
}

QJsonObject with(QJsonObject object, const QString &member, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(member);
    else
        object.insert(member, value);
    return object;
}

ChainLink agentLink(const QString &id, const QString &spiffeId)
{
    return ChainLink{ChainLink::Kind::Agent, id, id, spiffeId};
}

} // namespace

class TstAgentCredentials : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    SigningKey m_key = *SigningKey::generate();
    // The key of an external SPIFFE issuer of the same trust domain, trusted for SVIDs only.
    SigningKey m_bundleKey = *SigningKey::generate();
    AgentCredentials m_credentials{m_key, bundle(), AgentCredentials::Settings{TrustDomain, Issuer, Audience},
                                   m_clock};

    VerificationKeys bundle() const
    {
        return *VerificationKeys::fromJwks({{QStringLiteral("keys"), QJsonArray{m_bundleKey.publicJwk()}}},
                                           nullptr);
    }

    qint64 now() const { return m_clock.now().toSecsSinceEpoch(); }

    Delegation delegation() const
    {
        return DelegationBuilder(QStringLiteral("dlg_1"), m_clock.now())
            .scope(ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_1")))
            .scope(ScopeBuilder(QStringLiteral("data.read"), QStringLiteral("dataset:trips/*")))
            .scope(ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_2")))
            .build();
    }

    QJsonObject jitShapedClaims() const
    {
        return {{QStringLiteral("iss"), Issuer},
                {QStringLiteral("sub"), TravelBooker},
                {QStringLiteral("aud"), QJsonArray{Audience}},
                {QStringLiteral("act"), QJsonObject{{QStringLiteral("sub"), QStringLiteral("usr_alice")}}},
                {QStringLiteral("dlg"), QStringLiteral("dlg_1")},
                {QStringLiteral("scope"), QStringLiteral("data.read")},
                {QStringLiteral("iat"), now()},
                {QStringLiteral("exp"), now() + 300},
                {QStringLiteral("jti"), QStringLiteral("jti-1")},
                {QStringLiteral("mandate_kind"), QStringLiteral("jit")}};
    }

    QJsonObject svidShapedClaims() const
    {
        return {{QStringLiteral("sub"), TravelBooker},
                {QStringLiteral("aud"), QJsonArray{Audience}},
                {QStringLiteral("iat"), now()},
                {QStringLiteral("exp"), now() + 300}};
    }

private Q_SLOTS:
    void init() { m_clock.set(MockClock().now()); }

    void svidCarriesTheSpiffeClaims()
    {
        const auto issued = m_credentials.issueSvid(spiffe(TravelBooker));
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error()));
        const QJsonObject claims = payloadOf(issued->token);
        QCOMPARE(claims.keys(),
                 (QStringList{QStringLiteral("aud"), QStringLiteral("exp"), QStringLiteral("iat"),
                              QStringLiteral("jti"), QStringLiteral("sub")}));
        QCOMPARE(claims.value(u"sub").toString(), TravelBooker);
        QCOMPARE(claims.value(u"aud").toArray(), QJsonArray{Audience});
        QCOMPARE(claims.value(u"iat").toInteger(), now());
        QCOMPARE(claims.value(u"exp").toInteger(), now() + 3600);
        QCOMPARE(claims.value(u"jti").toString(), issued->tokenId);
        QCOMPARE(issued->tokenId.size(), qsizetype(22)); // 128 random bits
        QCOMPARE(issued->expiresAt, m_clock.now().addSecs(3600));

        const auto verified = m_credentials.verifySvid(issued->token);
        QVERIFY(verified);
        QCOMPARE(verified->agent, spiffe(TravelBooker));
        QCOMPARE(verified->expiresAt, issued->expiresAt);
        QCOMPARE(verified->tokenId, issued->tokenId);
    }

    void svidTokenIdsAreFresh()
    {
        const auto first = m_credentials.issueSvid(spiffe(TravelBooker));
        const auto second = m_credentials.issueSvid(spiffe(TravelBooker));
        QVERIFY(first && second);
        QVERIFY(first->tokenId != second->tokenId);
    }

    void svidLifetimeIsBounded_data()
    {
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<bool>("issued");
        QTest::newRow("one second") << qint64(1) << true;
        QTest::newRow("one hour") << qint64(3600) << true;
        QTest::newRow("zero") << qint64(0) << false;
        QTest::newRow("negative") << qint64(-5) << false;
        QTest::newRow("over an hour") << qint64(3601) << false;
    }
    void svidLifetimeIsBounded()
    {
        QFETCH(qint64, lifetime);
        QFETCH(bool, issued);
        const auto result = m_credentials.issueSvid(spiffe(TravelBooker), lifetime);
        QCOMPARE(bool(result), issued);
        if (issued)
            QCOMPARE(payloadOf(result->token).value(u"exp").toInteger(), now() + lifetime);
        else
            QCOMPARE(result.error(), QStringLiteral("An SVID lives between 1 and 3600 seconds."));
    }

    void svidIsOnlyForTheTrustDomain()
    {
        const auto result = m_credentials.issueSvid(spiffe(QStringLiteral("spiffe://example.org/agent")));
        QVERIFY(!result);
        QCOMPARE(result.error(), QStringLiteral("spiffe://example.org/agent is not in the trust domain "
                                                "demo.mandate.local, so this server cannot vouch for it."));
    }

    void svidExpires()
    {
        const auto issued = m_credentials.issueSvid(spiffe(TravelBooker), 60);
        QVERIFY(issued);
        m_clock.advanceSeconds(60 + AgentCredentials::ClockLeewaySeconds);
        const auto verified = m_credentials.verifySvid(issued->token);
        QVERIFY(!verified);
        QCOMPARE(verified.error(), JwtError::Expired);
    }

    void svidFromTheTrustBundleIsAccepted()
    {
        const auto verified = m_credentials.verifySvid(JwtCodec::sign(svidShapedClaims(), m_bundleKey));
        QVERIFY(verified);
        QCOMPARE(verified->agent, spiffe(TravelBooker));
        QCOMPARE(verified->tokenId, QString());
    }

    void svidIsRefused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<JwtError>("error");
        const QJsonObject claims = svidShapedClaims();
        QTest::newRow("subject of another trust domain")
            << JwtCodec::sign(with(claims, QStringLiteral("sub"), QStringLiteral("spiffe://example.org/a")),
                              m_bundleKey)
            << JwtError::InvalidSubject;
        QTest::newRow("subject not a SPIFFE ID")
            << JwtCodec::sign(with(claims, QStringLiteral("sub"), QStringLiteral("usr_alice")), m_key)
            << JwtError::InvalidSubject;
        QTest::newRow("no subject") << JwtCodec::sign(
                                           with(claims, QStringLiteral("sub"), QJsonValue::Undefined), m_key)
                                    << JwtError::InvalidSubject;
        QTest::newRow("lives over an hour")
            << JwtCodec::sign(with(claims, QStringLiteral("exp"), now() + 3601), m_key)
            << JwtError::LifetimeTooLong;
        QTest::newRow("another audience")
            << JwtCodec::sign(with(claims, QStringLiteral("aud"), QStringLiteral("other")), m_key)
            << JwtError::WrongAudience;
        QTest::newRow("signed by an unknown key")
            << JwtCodec::sign(claims, *SigningKey::generate()) << JwtError::UnknownKey;
    }
    void svidIsRefused()
    {
        QFETCH(QString, token);
        QFETCH(JwtError, error);
        const auto verified = m_credentials.verifySvid(token);
        QVERIFY(!verified);
        QCOMPARE(verified.error(), error);
    }

    void jitCarriesTheDocumentedClaims()
    {
        const auto issued = m_credentials.issueJit(delegation(), 300);
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error()));
        const QJsonObject expected{
            {QStringLiteral("iss"), Issuer},
            {QStringLiteral("sub"), TravelBooker},
            {QStringLiteral("aud"), QJsonArray{Audience}},
            {QStringLiteral("act"), QJsonObject{{QStringLiteral("sub"), QStringLiteral("usr_alice")}}},
            {QStringLiteral("dlg"), QStringLiteral("dlg_1")},
            // Each action once, in the order of the delegation's scopes.
            {QStringLiteral("scope"), QStringLiteral("payments.initiate data.read")},
            {QStringLiteral("iat"), now()},
            {QStringLiteral("exp"), now() + 300},
            {QStringLiteral("jti"), issued->tokenId},
            {QStringLiteral("mandate_kind"), QStringLiteral("jit")}};
        QCOMPARE(payloadOf(issued->token), expected);
        QCOMPARE(issued->expiresAt, m_clock.now().addSecs(300));

        const auto verified = m_credentials.verifyJit(issued->token);
        QVERIFY(verified);
        QCOMPARE(verified->agent, spiffe(TravelBooker));
        QCOMPARE(verified->delegationId, QStringLiteral("dlg_1"));
        QCOMPARE(verified->actions,
                 (QStringList{QStringLiteral("payments.initiate"), QStringLiteral("data.read")}));
        QCOMPARE(verified->delegators, QStringList{QStringLiteral("usr_alice")});
        QCOMPARE(verified->expiresAt, issued->expiresAt);
        QCOMPARE(verified->tokenId, issued->tokenId);
    }

    void jitActorChainNestsTheCustomerInnermost_data()
    {
        const QString bookerA = QStringLiteral("spiffe://demo.mandate.local/a");
        const QString bookerB = QStringLiteral("spiffe://demo.mandate.local/b");
        const QString bookerC = QStringLiteral("spiffe://demo.mandate.local/c");
        const ChainLink customer{ChainLink::Kind::Customer, QStringLiteral("usr_alice"),
                                 QStringLiteral("Alice"), QString()};
        QTest::addColumn<QList<ChainLink>>("chain");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QJsonObject>("actor");
        QTest::addColumn<QStringList>("delegators");
        QTest::newRow("customer to agent")
            << QList<ChainLink>{customer, agentLink(QStringLiteral("agt_a"), bookerA)} << bookerA
            << QJsonObject{{QStringLiteral("sub"), QStringLiteral("usr_alice")}}
            << QStringList{QStringLiteral("usr_alice")};
        QTest::newRow("through one parent agent")
            << QList<ChainLink>{customer, agentLink(QStringLiteral("agt_a"), bookerA),
                                agentLink(QStringLiteral("agt_b"), bookerB)}
            << bookerB
            << QJsonObject{{QStringLiteral("sub"), bookerA},
                           {QStringLiteral("act"),
                            QJsonObject{{QStringLiteral("sub"), QStringLiteral("usr_alice")}}}}
            << QStringList{QStringLiteral("usr_alice"), bookerA};
        QTest::newRow("through two parent agents")
            << QList<ChainLink>{customer, agentLink(QStringLiteral("agt_a"), bookerA),
                                agentLink(QStringLiteral("agt_b"), bookerB),
                                agentLink(QStringLiteral("agt_c"), bookerC)}
            << bookerC
            << QJsonObject{{QStringLiteral("sub"), bookerB},
                           {QStringLiteral("act"),
                            QJsonObject{{QStringLiteral("sub"), bookerA},
                                        {QStringLiteral("act"),
                                         QJsonObject{{QStringLiteral("sub"), QStringLiteral("usr_alice")}}}}}}
            << QStringList{QStringLiteral("usr_alice"), bookerA, bookerB};
    }
    void jitActorChainNestsTheCustomerInnermost()
    {
        QFETCH(QList<ChainLink>, chain);
        QFETCH(QString, subject);
        QFETCH(QJsonObject, actor);
        QFETCH(QStringList, delegators);
        Delegation subDelegation = delegation();
        subDelegation.chain = chain;
        const auto issued = m_credentials.issueJit(subDelegation, 300);
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error()));
        const QJsonObject claims = payloadOf(issued->token);
        QCOMPARE(claims.value(u"sub").toString(), subject);
        QCOMPARE(claims.value(u"act").toObject(), actor);
        QCOMPARE(AgentCredentials::actorClaim(delegators), actor);
        const auto verified = m_credentials.verifyJit(issued->token);
        QVERIFY(verified);
        QCOMPARE(verified->agent, spiffe(subject));
        QCOMPARE(verified->delegators, delegators);
    }

    void jitExpiryIsCappedByTheDelegation_data()
    {
        QTest::addColumn<qint64>("delegationExpiresInMs");
        QTest::addColumn<qint64>("ttl");
        QTest::addColumn<qint64>("expiresIn");
        QTest::newRow("ttl first") << qint64(7 * 86400 * 1000) << qint64(60) << qint64(60);
        QTest::newRow("delegation first") << qint64(120'000) << qint64(900) << qint64(120);
        QTest::newRow("same instant") << qint64(300'000) << qint64(300) << qint64(300);
        // NumericDates are whole seconds: rounding up would outlive the delegation.
        QTest::newRow("delegation expiry rounded down") << qint64(120'750) << qint64(900) << qint64(120);
        QTest::newRow("one second left") << qint64(1'999) << qint64(900) << qint64(1);
    }
    void jitExpiryIsCappedByTheDelegation()
    {
        QFETCH(qint64, delegationExpiresInMs);
        QFETCH(qint64, ttl);
        QFETCH(qint64, expiresIn);
        Delegation capped = delegation();
        capped.expiresAt = m_clock.now().addMSecs(delegationExpiresInMs);
        const auto issued = m_credentials.issueJit(capped, ttl);
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error()));
        QCOMPARE(payloadOf(issued->token).value(u"exp").toInteger(), now() + expiresIn);
        QCOMPARE(issued->expiresAt, m_clock.now().addSecs(expiresIn));
        QVERIFY(issued->expiresAt <= capped.expiresAt);
    }

    void jitIsNotIssued_data()
    {
        QTest::addColumn<Delegation>("delegation");
        QTest::addColumn<qint64>("ttl");
        QTest::addColumn<QString>("error");
        const Delegation active = delegation();
        QTest::newRow("ttl zero") << active << qint64(0)
                                  << QStringLiteral("ttl_seconds must be between 1 and 900.");
        QTest::newRow("ttl over 15 minutes")
            << active << qint64(901) << QStringLiteral("ttl_seconds must be between 1 and 900.");
        for (const DelegationStatus status :
             {DelegationStatus::Revoked, DelegationStatus::Expired, DelegationStatus::Completed}) {
            Delegation inactive = active;
            inactive.status = status;
            QTest::addRow("%s", qPrintable(mandate::delegationStatusToString(status)))
                << inactive << qint64(300) << QStringLiteral("The delegation dlg_1 is not active.");
        }
        Delegation lapsed = active;
        lapsed.expiresAt = m_clock.now().addSecs(-1);
        QTest::newRow("expired, not yet swept")
            << lapsed << qint64(300) << QStringLiteral("The delegation dlg_1 has expired.");
        Delegation lastSecond = active;
        lastSecond.expiresAt = m_clock.now().addMSecs(999);
        QTest::newRow("under a second left")
            << lastSecond << qint64(300) << QStringLiteral("The delegation dlg_1 has expired.");
        const QString chainError = QStringLiteral("The delegation dlg_1 does not lead from a customer to an "
                                                  "agent of the trust domain demo.mandate.local.");
        Delegation noChain = active;
        noChain.chain.clear();
        QTest::newRow("no chain") << noChain << qint64(300) << chainError;
        Delegation customerOnly = active;
        customerOnly.chain.removeLast();
        QTest::newRow("customer only") << customerOnly << qint64(300) << chainError;
        Delegation agentFirst = active;
        agentFirst.chain.swapItemsAt(0, 1);
        QTest::newRow("agent first") << agentFirst << qint64(300) << chainError;
        Delegation tooDeep = active;
        for (const QString &name : {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")})
            tooDeep.chain.append(agentLink(QStringLiteral("agt_") + name,
                                           QStringLiteral("spiffe://demo.mandate.local/") + name));
        QTest::newRow("deeper than delegations go") << tooDeep << qint64(300) << chainError;
        Delegation foreignAgent = active;
        foreignAgent.chain.last().spiffeId = QStringLiteral("spiffe://example.org/travel-booker");
        QTest::newRow("agent of another trust domain") << foreignAgent << qint64(300) << chainError;
    }
    void jitIsNotIssued()
    {
        QFETCH(Delegation, delegation);
        QFETCH(qint64, ttl);
        QFETCH(QString, error);
        const auto issued = m_credentials.issueJit(delegation, ttl);
        QVERIFY(!issued);
        QCOMPARE(issued.error(), error);
    }

    void kindsAreNotInterchangeable()
    {
        const auto svid = m_credentials.issueSvid(spiffe(TravelBooker));
        const auto jit = m_credentials.issueJit(delegation(), 300);
        QVERIFY(svid && jit);
        QVERIFY(m_credentials.verifySvid(svid->token));
        QVERIFY(m_credentials.verifyJit(jit->token));

        const auto svidAsJit = m_credentials.verifyJit(svid->token);
        QVERIFY(!svidAsJit);
        QCOMPARE(svidAsJit.error(), JwtError::WrongKind);
        const auto jitAsSvid = m_credentials.verifySvid(jit->token);
        QVERIFY(!jitAsSvid);
        QCOMPARE(jitAsSvid.error(), JwtError::WrongKind);

        // Any "mandate_kind" at all disqualifies an SVID, and only "jit" qualifies a JIT credential.
        const auto markedSvid = m_credentials.verifySvid(JwtCodec::sign(
            with(svidShapedClaims(), QStringLiteral("mandate_kind"), QStringLiteral("svid")), m_key));
        QVERIFY(!markedSvid);
        QCOMPARE(markedSvid.error(), JwtError::WrongKind);
        const auto otherKind = m_credentials.verifyJit(JwtCodec::sign(
            with(jitShapedClaims(), QStringLiteral("mandate_kind"), QStringLiteral("JIT")), m_key));
        QVERIFY(!otherKind);
        QCOMPARE(otherKind.error(), JwtError::WrongKind);
    }

    void jitIsRefused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<JwtError>("error");
        const QJsonObject claims = jitShapedClaims();
        const QString bookerA = QStringLiteral("spiffe://demo.mandate.local/a");
        auto sign = [this](const QJsonObject &tokenClaims) {
            return JwtCodec::sign(tokenClaims, m_key);
        };

        // A trust-bundle key vouches for SVIDs; it can never mint credentials bound to delegations.
        QTest::newRow("signed by the trust bundle's key")
            << JwtCodec::sign(claims, m_bundleKey) << JwtError::UnknownKey;
        QTest::newRow("another issuer")
            << sign(with(claims, QStringLiteral("iss"), QStringLiteral("https://evil.example")))
            << JwtError::WrongIssuer;
        QTest::newRow("no issuer") << sign(with(claims, QStringLiteral("iss"), QJsonValue::Undefined))
                                   << JwtError::WrongIssuer;
        QTest::newRow("subject of another trust domain")
            << sign(with(claims, QStringLiteral("sub"), QStringLiteral("spiffe://example.org/a")))
            << JwtError::InvalidSubject;
        QTest::newRow("another audience")
            << sign(with(claims, QStringLiteral("aud"), QStringLiteral("other"))) << JwtError::WrongAudience;
        QTest::newRow("lives over 15 minutes")
            << sign(with(claims, QStringLiteral("exp"), now() + 901)) << JwtError::LifetimeTooLong;
        QTest::newRow("expired") << sign(with(claims, QStringLiteral("exp"), now() - 31))
                                 << JwtError::Expired;
        QTest::newRow("no delegation")
            << sign(with(claims, QStringLiteral("dlg"), QJsonValue::Undefined)) << JwtError::MalformedClaims;
        QTest::newRow("delegation id of another type")
            << sign(with(claims, QStringLiteral("dlg"), QStringLiteral("apr_1")))
            << JwtError::MalformedClaims;
        QTest::newRow("no scope") << sign(with(claims, QStringLiteral("scope"), QJsonValue::Undefined))
                                  << JwtError::MalformedClaims;
        QTest::newRow("scope with an empty action")
            << sign(with(claims, QStringLiteral("scope"), QStringLiteral("data.read  data.export")))
            << JwtError::MalformedClaims;
        QTest::newRow("scope as an array")
            << sign(with(claims, QStringLiteral("scope"), QJsonArray{QStringLiteral("data.read")}))
            << JwtError::MalformedClaims;
        QTest::newRow("no issue time")
            << sign(with(claims, QStringLiteral("iat"), QJsonValue::Undefined)) << JwtError::MalformedClaims;
        QTest::newRow("no token id") << sign(with(claims, QStringLiteral("jti"), QJsonValue::Undefined))
                                     << JwtError::MalformedClaims;
        QTest::newRow("no actor") << sign(with(claims, QStringLiteral("act"), QJsonValue::Undefined))
                                  << JwtError::MalformedClaims;
        QTest::newRow("actor without a customer innermost")
            << sign(with(claims, QStringLiteral("act"), QJsonObject{{QStringLiteral("sub"), bookerA}}))
            << JwtError::MalformedClaims;
        QTest::newRow("actor with a member of its own")
            << sign(with(claims, QStringLiteral("act"),
                         QJsonObject{{QStringLiteral("sub"), QStringLiteral("usr_alice")},
                                     {QStringLiteral("may_act"), QStringLiteral("anything")}}))
            << JwtError::MalformedClaims;
        QTest::newRow("parent agent not a SPIFFE ID")
            << sign(
                   with(claims, QStringLiteral("act"),
                        AgentCredentials::actorClaim({QStringLiteral("usr_alice"), QStringLiteral("agt_a")})))
            << JwtError::MalformedClaims;
        QTest::newRow("actor chain deeper than delegations go")
            << sign(with(
                   claims, QStringLiteral("act"),
                   AgentCredentials::actorClaim({QStringLiteral("usr_alice"), bookerA, bookerA, bookerA})))
            << JwtError::MalformedClaims;
    }
    void jitIsRefused()
    {
        QFETCH(QString, token);
        QFETCH(JwtError, error);
        const auto verified = m_credentials.verifyJit(token);
        QVERIFY(!verified);
        QCOMPARE(verified.error(), error);
    }

    void jitAcceptsAnActorChainAsDeepAsDelegationsGo()
    {
        const QString agent = QStringLiteral("spiffe://demo.mandate.local/a");
        const QJsonObject actor = AgentCredentials::actorClaim({QStringLiteral("usr_alice"), agent, agent});
        const auto verified = m_credentials.verifyJit(
            JwtCodec::sign(with(jitShapedClaims(), QStringLiteral("act"), actor), m_key));
        QVERIFY(verified);
        QCOMPARE(verified->delegators.size(), qsizetype(3));
    }

    void jitExpiresWithTheClock()
    {
        const auto issued = m_credentials.issueJit(delegation(), 60);
        QVERIFY(issued);
        m_clock.advanceSeconds(60 + AgentCredentials::ClockLeewaySeconds - 1);
        QVERIFY(m_credentials.verifyJit(issued->token));
        m_clock.advanceSeconds(1);
        const auto verified = m_credentials.verifyJit(issued->token);
        QVERIFY(!verified);
        QCOMPARE(verified.error(), JwtError::Expired);
    }

    void jwksPublishesTheSigningKeyOnly()
    {
        QCOMPARE(m_credentials.jwks(),
                 (QJsonObject{{QStringLiteral("keys"), QJsonArray{m_key.publicJwk()}}}));
    }
};

QTEST_APPLESS_MAIN(TstAgentCredentials)
#include "tst_AgentCredentials.moc"
