#include "server/identity/Base64Url.h"
#include "server/identity/JwtCodec.h"
#include "server/identity/SigningKey.h"
#include "server/identity/VerificationKeys.h"
#include "tests/support/Es256TestKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <functional>

using mandate::server::Base64Url;
using mandate::server::JwtCodec;
using mandate::server::JwtError;
using mandate::server::JwtExpectations;
using mandate::server::SigningKey;
using mandate::server::VerificationKeys;
using mandate::test::Es256TestKey;

Q_DECLARE_METATYPE(JwtError)

namespace {

const QDateTime Now(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
const qint64 NowSeconds = Now.toSecsSinceEpoch();
const QString Audience = QStringLiteral("mandate");

using Signer = std::function<QByteArray(const QByteArray &signingInput)>;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A token assembled by hand from raw header and claims JSON, the way an attacker would.
QString forge(const QByteArray &headerJson, const QByteArray &claimsJson, const Signer &signer)
{
    const QByteArray signingInput = Base64Url::encode(headerJson) + '.' + Base64Url::encode(claimsJson);
    return QString::fromLatin1(signingInput + '.' + Base64Url::encode(signer(signingInput)));
}

QJsonObject header(const QString &algorithm, const QString &keyId)
{
    return {{QStringLiteral("alg"), algorithm},
            {QStringLiteral("kid"), keyId},
            {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QJsonObject validClaims()
{
    return {{QStringLiteral("sub"), QStringLiteral("spiffe://demo.mandate.local/travel-booker")},
            {QStringLiteral("aud"), QJsonArray{Audience}},
            {QStringLiteral("iat"), NowSeconds},
            {QStringLiteral("exp"), NowSeconds + 300},
            {QStringLiteral("jti"), QStringLiteral("token-1")}};
}

QJsonObject with(QJsonObject object, const QString &member, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(member);
    else
        object.insert(member, value);
    return object;
}

JwtExpectations expectations()
{
    JwtExpectations expect;
    expect.audience = Audience;
    return expect;
}

} // namespace

class TstJwtCodec : public QObject
{
    Q_OBJECT

private:
    SigningKey m_key = *SigningKey::generate();
    SigningKey m_attackerKey = *SigningKey::generate();
    Es256TestKey m_ecKey;
    QString m_ecKeyId = QStringLiteral("spire-2026");
    VerificationKeys m_keys = [this] {
        auto keys = *VerificationKeys::fromJwks(
            {{QStringLiteral("keys"), QJsonArray{m_ecKey.publicJwk(m_ecKeyId)}}}, nullptr);
        keys.add(m_key);
        return keys;
    }();

    Signer signer() const
    {
        return [this](const QByteArray &input) {
            return m_key.sign(input);
        };
    }
    QString signedToken(const QJsonObject &claims) const { return JwtCodec::sign(claims, m_key); }
    QString forgeWithKey(const QJsonObject &tokenHeader, const QJsonObject &claims) const
    {
        return forge(json(tokenHeader), json(claims), signer());
    }

private Q_SLOTS:
    void roundTrips()
    {
        const QString token = signedToken(validClaims());
        QCOMPARE(token.count(u'.'), qsizetype(2));
        const auto claims = JwtCodec::verify(token, m_keys, expectations(), Now);
        QVERIFY(claims);
        QCOMPARE(*claims, validClaims());
    }

    void writesTheDocumentedHeader()
    {
        const QString token = signedToken(validClaims());
        const auto headerJson = Base64Url::decode(token.section(u'.', 0, 0).toLatin1());
        QVERIFY(headerJson);
        QCOMPARE(QJsonDocument::fromJson(*headerJson).object(),
                 header(QStringLiteral("EdDSA"), m_key.keyId()));
    }

    void acceptsEitherAudienceForm_data()
    {
        QTest::addColumn<QJsonValue>("audience");
        QTest::newRow("string") << QJsonValue(Audience);
        QTest::newRow("array of one") << QJsonValue(QJsonArray{Audience});
        QTest::newRow("array of several") << QJsonValue(QJsonArray{QStringLiteral("other"), Audience});
    }
    void acceptsEitherAudienceForm()
    {
        QFETCH(QJsonValue, audience);
        const QString token = signedToken(with(validClaims(), QStringLiteral("aud"), audience));
        QVERIFY(JwtCodec::verify(token, m_keys, expectations(), Now));
    }

    void verifiesEs256FromAnExternalIssuer()
    {
        const QByteArray headerJson = json(header(QStringLiteral("ES256"), m_ecKeyId));
        const QString token = forge(headerJson, json(validClaims()),
                                    [this](const QByteArray &input) { return m_ecKey.signRaw(input); });
        const auto claims = JwtCodec::verify(token, m_keys, expectations(), Now);
        QVERIFY(claims);
        QCOMPARE(*claims, validClaims());

        const QString derSigned = forge(headerJson, json(validClaims()),
                                        [this](const QByteArray &input) { return m_ecKey.signDer(input); });
        const auto refused = JwtCodec::verify(derSigned, m_keys, expectations(), Now);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), JwtError::BadSignature);
    }

    void refusesForgeries_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<JwtError>("error");
        const QJsonObject claims = validClaims();
        const QJsonObject edHeader = header(QStringLiteral("EdDSA"), m_key.keyId());
        const QString valid = signedToken(claims);
        const QString validSignature = valid.section(u'.', 2, 2);

        QTest::newRow("signed by another key under the trusted kid")
            << forge(json(edHeader), json(claims),
                     [this](const QByteArray &input) { return m_attackerKey.sign(input); })
            << JwtError::BadSignature;
        QTest::newRow("signed by an untrusted key under its own kid")
            << JwtCodec::sign(claims, m_attackerKey) << JwtError::UnknownKey;
        QTest::newRow("expired") << signedToken(with(claims, QStringLiteral("exp"), NowSeconds - 31))
                                 << JwtError::Expired;
        QTest::newRow("no expiry") << signedToken(with(claims, QStringLiteral("exp"), QJsonValue::Undefined))
                                   << JwtError::MissingExpiry;
        QTest::newRow("not before in the future")
            << signedToken(with(claims, QStringLiteral("nbf"), NowSeconds + 31)) << JwtError::NotYetValid;
        QTest::newRow("issued in the future")
            << signedToken(with(claims, QStringLiteral("iat"), NowSeconds + 31)) << JwtError::IssuedInFuture;
        QTest::newRow("wrong audience")
            << signedToken(with(claims, QStringLiteral("aud"), QStringLiteral("someone-else")))
            << JwtError::WrongAudience;
        QTest::newRow("audience array without ours")
            << signedToken(
                   with(claims, QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}))
            << JwtError::WrongAudience;
        QTest::newRow("no audience") << signedToken(
                                            with(claims, QStringLiteral("aud"), QJsonValue::Undefined))
                                     << JwtError::WrongAudience;
        QTest::newRow("audience not a string")
            << signedToken(with(claims, QStringLiteral("aud"), QJsonArray{Audience, 7}))
            << JwtError::MalformedClaims;
        QTest::newRow("expiry not an integer")
            << forge(json(edHeader),
                     R"({"aud":"mandate","exp":)" + QByteArray::number(NowSeconds + 300) + ".5}", signer())
            << JwtError::MalformedClaims;
        QTest::newRow("expiry a string")
            << signedToken(with(claims, QStringLiteral("exp"), QString::number(NowSeconds + 300)))
            << JwtError::MalformedClaims;
        QTest::newRow("subject not a string")
            << signedToken(with(claims, QStringLiteral("sub"), 42)) << JwtError::MalformedClaims;

        const QByteArray noneHeader =
            json({{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("kid"), m_key.keyId()}});
        QTest::newRow("alg none with a signature")
            << forge(noneHeader, json(claims), signer()) << JwtError::UnsupportedAlgorithm;
        QTest::newRow("alg none without a signature")
            << forge(noneHeader, json(claims), [](const QByteArray &) { return QByteArray(); })
            << JwtError::UnsupportedAlgorithm;
        QTest::newRow("alg none spelled None")
            << forge(json(header(QStringLiteral("None"), m_key.keyId())), json(claims), signer())
            << JwtError::UnsupportedAlgorithm;
        // The classic confusion: HMAC keyed with the public key, which anyone can fetch from /v1/jwks.
        const QByteArray publicKey = m_key.publicKey();
        QTest::newRow("HS256 keyed with the raw public key")
            << forge(json(header(QStringLiteral("HS256"), m_key.keyId())), json(claims),
                     [publicKey](const QByteArray &input) {
                         return QMessageAuthenticationCode::hash(input, publicKey,
                                                                 QCryptographicHash::Sha256);
                     })
            << JwtError::UnsupportedAlgorithm;
        const QByteArray publicJwk = json(m_key.publicJwk());
        QTest::newRow("HS256 keyed with the public JWK")
            << forge(json(header(QStringLiteral("HS256"), m_key.keyId())), json(claims),
                     [publicJwk](const QByteArray &input) {
                         return QMessageAuthenticationCode::hash(input, publicJwk,
                                                                 QCryptographicHash::Sha256);
                     })
            << JwtError::UnsupportedAlgorithm;
        QTest::newRow("RS256") << forgeWithKey(header(QStringLiteral("RS256"), m_key.keyId()), claims)
                               << JwtError::UnsupportedAlgorithm;
        QTest::newRow("no alg") << forgeWithKey({{QStringLiteral("kid"), m_key.keyId()}}, claims)
                                << JwtError::Malformed;
        QTest::newRow("ES256 claimed for the Ed25519 key")
            << forgeWithKey(header(QStringLiteral("ES256"), m_key.keyId()), claims)
            << JwtError::AlgorithmMismatch;
        QTest::newRow("EdDSA claimed for the P-256 key")
            << forge(json(header(QStringLiteral("EdDSA"), m_ecKeyId)), json(claims),
                     [this](const QByteArray &input) { return m_ecKey.signRaw(input); })
            << JwtError::AlgorithmMismatch;
        QTest::newRow("unknown kid") << forgeWithKey(
                                            header(QStringLiteral("EdDSA"), QStringLiteral("nobody")), claims)
                                     << JwtError::UnknownKey;
        QTest::newRow("no kid") << forgeWithKey({{QStringLiteral("alg"), QStringLiteral("EdDSA")}}, claims)
                                << JwtError::UnknownKey;
        QTest::newRow("embedded jwk instead of a trusted kid")
            << forge(json({{QStringLiteral("alg"), QStringLiteral("EdDSA")},
                           {QStringLiteral("jwk"), m_attackerKey.publicJwk()}}),
                     json(claims), [this](const QByteArray &input) { return m_attackerKey.sign(input); })
            << JwtError::UnknownKey;
        QTest::newRow("critical extension")
            << forgeWithKey(with(edHeader, QStringLiteral("crit"), QJsonArray{QStringLiteral("b64")}), claims)
            << JwtError::UnsupportedHeader;
        QTest::newRow("other token type")
            << forgeWithKey(with(edHeader, QStringLiteral("typ"), QStringLiteral("at+jwt")), claims)
            << JwtError::UnsupportedHeader;

        QTest::newRow("signature part missing") << valid.section(u'.', 0, 1) << JwtError::Malformed;
        QTest::newRow("signature truncated") << valid.chopped(2) << JwtError::BadSignature;
        QTest::newRow("signature empty")
            << QString(valid.section(u'.', 0, 1) + u'.') << JwtError::BadSignature;
        QTest::newRow("four parts") << QString(valid + QStringLiteral(".e30")) << JwtError::Malformed;
        QTest::newRow("empty") << QString() << JwtError::Malformed;
        QTest::newRow("signature padded") << QString(valid + u'=') << JwtError::Malformed;
        QTest::newRow("tampered claims")
            << QString::fromLatin1(
                   valid.section(u'.', 0, 0).toLatin1() + '.' +
                   Base64Url::encode(json(with(claims, QStringLiteral("sub"),
                                               QStringLiteral("spiffe://demo.mandate.local/admin")))) +
                   '.' + validSignature.toLatin1())
            << JwtError::BadSignature;
        QTest::newRow("signature from another token")
            << QString(signedToken(with(claims, QStringLiteral("jti"), QStringLiteral("token-2")))
                           .section(u'.', 0, 1) +
                       u'.' + validSignature)
            << JwtError::BadSignature;
        QTest::newRow("header not base64url")
            << QString(QStringLiteral("eyJ!.") + valid.section(u'.', 1, 2)) << JwtError::Malformed;
        QTest::newRow("header not an object")
            << QString(QString::fromLatin1(Base64Url::encode("[\"EdDSA\"]")) + u'.' +
                       valid.section(u'.', 1, 2))
            << JwtError::Malformed;
        QTest::newRow("header with a duplicate alg")
            << forge(R"({"alg":"EdDSA","kid":")" + m_key.keyId().toLatin1() + R"(","alg":"none"})",
                     json(claims), signer())
            << JwtError::Malformed;
        QTest::newRow("claims not an object")
            << forge(json(edHeader), "[1,2]", signer()) << JwtError::Malformed;
        // Two parsers that keep different duplicates would disagree on the expiry; refuse outright.
        QTest::newRow("duplicate claim")
            << forge(json(edHeader),
                     R"({"aud":"mandate","exp":)" + QByteArray::number(NowSeconds + 300) + R"(,"exp":)" +
                         QByteArray::number(NowSeconds + 86400 * 365) + "}",
                     signer())
            << JwtError::Malformed;
        QTest::newRow("non-ASCII character")
            << QString(valid.left(10) + QChar(0xe9) + valid.mid(11)) << JwtError::Malformed;
        QTest::newRow("over 8 KiB") << signedToken(with(claims, QStringLiteral("padding"),
                                                        QString(JwtCodec::MaxTokenSize, u'a')))
                                    << JwtError::TooLarge;
    }
    void refusesForgeries()
    {
        QFETCH(QString, token);
        QFETCH(JwtError, error);
        const auto claims = JwtCodec::verify(token, m_keys, expectations(), Now);
        QVERIFY(!claims);
        QCOMPARE(claims.error(), error);
    }

    void toleratesClockSkewWithinTheLeeway_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("expired 29 s ago") << QStringLiteral("exp") << qint64(-29) << true;
        QTest::newRow("expired 30 s ago") << QStringLiteral("exp") << qint64(-30) << false;
        QTest::newRow("valid from 30 s ahead") << QStringLiteral("nbf") << qint64(30) << true;
        QTest::newRow("valid from 31 s ahead") << QStringLiteral("nbf") << qint64(31) << false;
        QTest::newRow("issued 30 s ahead") << QStringLiteral("iat") << qint64(30) << true;
        QTest::newRow("issued 31 s ahead") << QStringLiteral("iat") << qint64(31) << false;
    }
    void toleratesClockSkewWithinTheLeeway()
    {
        QFETCH(QString, claim);
        QFETCH(qint64, offset);
        QFETCH(bool, accepted);
        const QString token = signedToken(with(validClaims(), claim, NowSeconds + offset));
        QCOMPARE(bool(JwtCodec::verify(token, m_keys, expectations(), Now)), accepted);
    }

    void boundsTheLifetime_data()
    {
        QTest::addColumn<QJsonObject>("claims");
        QTest::addColumn<bool>("accepted");
        const QJsonObject claims = validClaims();
        QTest::newRow("exactly the maximum")
            << with(claims, QStringLiteral("exp"), NowSeconds + 3600) << true;
        QTest::newRow("a second longer") << with(claims, QStringLiteral("exp"), NowSeconds + 3601) << false;
        QTest::newRow("backdated issue") << with(with(claims, QStringLiteral("iat"), NowSeconds - 600),
                                                 QStringLiteral("exp"), NowSeconds + 3100)
                                         << false;
        QTest::newRow("no iat, measured from now")
            << with(with(claims, QStringLiteral("iat"), QJsonValue::Undefined), QStringLiteral("exp"),
                    NowSeconds + 3601)
            << false;
    }
    void boundsTheLifetime()
    {
        QFETCH(QJsonObject, claims);
        QFETCH(bool, accepted);
        JwtExpectations expect = expectations();
        expect.maxLifetimeSeconds = 3600;
        const auto result = JwtCodec::verify(signedToken(claims), m_keys, expect, Now);
        QCOMPARE(bool(result), accepted);
        if (!accepted)
            QCOMPARE(result.error(), JwtError::LifetimeTooLong);
    }

    void expiryCanBeOptionalUnlessALifetimeIsBounded()
    {
        const QString token = signedToken(with(validClaims(), QStringLiteral("exp"), QJsonValue::Undefined));
        JwtExpectations expect = expectations();
        expect.requireExpiry = false;
        QVERIFY(JwtCodec::verify(token, m_keys, expect, Now));
        expect.maxLifetimeSeconds = 3600;
        const auto refused = JwtCodec::verify(token, m_keys, expect, Now);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), JwtError::MissingExpiry);
    }

    void anEmptyExpectedAudienceMatchesNothing()
    {
        const QString token = signedToken(with(validClaims(), QStringLiteral("aud"), QString()));
        JwtExpectations expect = expectations();
        expect.audience.clear();
        const auto refused = JwtCodec::verify(token, m_keys, expect, Now);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), JwtError::WrongAudience);
    }

    void acceptsATokenOfExactlyTheLimit()
    {
        // Each padding byte adds 4/3 base64url characters, so lengths near the limit are a few
        // fills apart; base64url can reach every length but 4n + 1, so one of two "jti" lengths
        // lands on the limit exactly.
        for (const QString &tokenId : {QStringLiteral("t"), QStringLiteral("tt")}) {
            const QJsonObject claims = with(validClaims(), QStringLiteral("jti"), tokenId);
            auto padded = [&](qsizetype fill) {
                return signedToken(with(claims, QStringLiteral("padding"), QString(fill, u'a')));
            };
            const qsizetype estimate = (JwtCodec::MaxTokenSize - padded(0).size()) * 3 / 4;
            for (qsizetype fill = estimate - 3; fill <= estimate + 3; ++fill) {
                const QString token = padded(fill);
                if (token.size() == JwtCodec::MaxTokenSize) {
                    QVERIFY(JwtCodec::verify(token, m_keys, expectations(), Now));
                    return;
                }
            }
        }
        QFAIL("no token of exactly the limit could be built");
    }

    void errorMessagesAreDistinctSentences()
    {
        QSet<QString> messages;
        for (int value = int(JwtError::TooLarge); value <= int(JwtError::InvalidSubject); ++value) {
            const QString message = mandate::server::jwtErrorMessage(JwtError(value));
            QVERIFY(message.startsWith(QStringLiteral("The token")));
            QVERIFY(message.endsWith(u'.'));
            messages.insert(message);
        }
        QCOMPARE(messages.size(), qsizetype(JwtError::InvalidSubject) + 1);
        QCOMPARE(mandate::server::jwtErrorMessage(JwtError::Expired),
                 QStringLiteral("The token has expired."));
    }
};

QTEST_APPLESS_MAIN(TstJwtCodec)
#include "tst_JwtCodec.moc"
