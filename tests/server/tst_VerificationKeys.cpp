#include "server/identity/Base64Url.h"
#include "server/identity/SigningKey.h"
#include "server/identity/VerificationKeys.h"
#include "tests/support/Es256TestKey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using mandate::server::Base64Url;
using mandate::server::SigningKey;
using mandate::server::VerificationKeys;
using mandate::test::Es256TestKey;

namespace {

QJsonObject jwks(const QJsonArray &keys)
{
    return {{QStringLiteral("keys"), keys}};
}

QJsonObject with(QJsonObject jwk, const QString &member, const QJsonValue &value)
{
    if (value.isUndefined())
        jwk.remove(member);
    else
        jwk.insert(member, value);
    return jwk;
}

QString encoded(const QByteArray &bytes)
{
    return QString::fromLatin1(Base64Url::encode(bytes));
}

} // namespace

class TstVerificationKeys : public QObject
{
    Q_OBJECT

private:
    SigningKey m_edKey = *SigningKey::generate();
    Es256TestKey m_ecKey;

    QJsonObject edJwk() const
    {
        return with(m_edKey.publicJwk(), QStringLiteral("kid"), QStringLiteral("ed-1"));
    }
    QJsonObject ecJwk() const { return m_ecKey.publicJwk(QStringLiteral("ec-1")); }

private Q_SLOTS:
    void readsBothKeyTypesAndRepublishesThemPublicOnly()
    {
        QString error;
        const auto keys = VerificationKeys::fromJwks(jwks({edJwk(), ecJwk()}), &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->size(), 2);
        QCOMPARE(keys->algorithmOf(u"ed-1"), QStringLiteral("EdDSA"));
        QCOMPARE(keys->algorithmOf(u"ec-1"), QStringLiteral("ES256"));
        QVERIFY(!keys->algorithmOf(u"other"));

        const QJsonObject ec = ecJwk();
        const QJsonArray expected{QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                                              {QStringLiteral("crv"), QStringLiteral("P-256")},
                                              {QStringLiteral("x"), ec.value(u"x")},
                                              {QStringLiteral("y"), ec.value(u"y")},
                                              {QStringLiteral("kid"), QStringLiteral("ec-1")},
                                              {QStringLiteral("alg"), QStringLiteral("ES256")},
                                              {QStringLiteral("use"), QStringLiteral("sig")}},
                                  QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                              {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                              {QStringLiteral("x"), encoded(m_edKey.publicKey())},
                                              {QStringLiteral("kid"), QStringLiteral("ed-1")},
                                              {QStringLiteral("alg"), QStringLiteral("EdDSA")},
                                              {QStringLiteral("use"), QStringLiteral("sig")}}};
        QCOMPARE(keys->toJwks(), jwks(expected));
    }

    void readsASpiffeTrustBundle()
    {
        // SPIFFE bundles add top-level members and carry X.509 roots next to JWT keys.
        QJsonObject bundle =
            jwks({with(ecJwk(), QStringLiteral("use"), QStringLiteral("jwt-svid")),
                  QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                              {QStringLiteral("use"), QStringLiteral("x509-svid")},
                              {QStringLiteral("x5c"), QJsonArray{QStringLiteral("MIIB…")}}}});
        bundle.insert(QStringLiteral("spiffe_sequence"), 7);
        bundle.insert(QStringLiteral("spiffe_refresh_hint"), 300);
        QString error;
        const auto keys = VerificationKeys::fromJwks(bundle, &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->size(), 1);
        QCOMPARE(keys->algorithmOf(u"ec-1"), QStringLiteral("ES256"));
    }

    void refusesUnusableKeys_data()
    {
        QTest::addColumn<QJsonObject>("jwks");
        QTest::addColumn<QString>("error");
        const QJsonObject ed = edJwk();
        const QJsonObject ec = ecJwk();
        QTest::newRow("no keys") << QJsonObject() << QStringLiteral("\"keys\" must be an array of JWKs");
        QTest::newRow("key not an object") << jwks({ed, 5}) << QStringLiteral("keys[1]: must be an object");
        QTest::newRow("no kid") << jwks({with(ed, QStringLiteral("kid"), QJsonValue::Undefined)})
                                << QStringLiteral("keys[0]: \"kid\" is required (at most 256 characters)");
        QTest::newRow("kid not a string") << jwks({with(ed, QStringLiteral("kid"), 1)})
                                          << QStringLiteral("keys[0]: \"kid\" must be a string");
        QTest::newRow("kid twice") << jwks({ed, with(ec, QStringLiteral("kid"), QStringLiteral("ed-1"))})
                                   << QStringLiteral("keys[1]: key id \"ed-1\" is used by an earlier key");
        QTest::newRow("RSA") << jwks({QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                                  {QStringLiteral("kid"), QStringLiteral("r")},
                                                  {QStringLiteral("n"), QStringLiteral("AQAB")},
                                                  {QStringLiteral("e"), QStringLiteral("AQAB")}}})
                             << QStringLiteral(
                                    "keys[0]: key type \"RSA\" is not supported (only OKP/Ed25519 and "
                                    "EC/P-256 are)");
        QTest::newRow("symmetric") << jwks({QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")},
                                                        {QStringLiteral("kid"), QStringLiteral("h")},
                                                        {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}}})
                                   << QStringLiteral("keys[0]: key type \"oct\" is not supported (only "
                                                     "OKP/Ed25519 and EC/P-256 are)");
        QTest::newRow("X25519") << jwks({with(ed, QStringLiteral("crv"), QStringLiteral("X25519"))})
                                << QStringLiteral("keys[0]: OKP keys must be on curve Ed25519");
        QTest::newRow("P-384") << jwks({with(ec, QStringLiteral("crv"), QStringLiteral("P-384"))})
                               << QStringLiteral("keys[0]: EC keys must be on curve P-256");
        QTest::newRow("short x") << jwks({with(ed, QStringLiteral("x"), encoded(QByteArray(31, 'a')))})
                                 << QStringLiteral("keys[0]: \"x\" must be 32 bytes in base64url");
        QTest::newRow("padded x") << jwks({with(ed, QStringLiteral("x"),
                                                QString(ed.value(u"x").toString() + u'='))})
                                  << QStringLiteral("keys[0]: \"x\" must be 32 bytes in base64url");
        QTest::newRow("missing y") << jwks({with(ec, QStringLiteral("y"), QJsonValue::Undefined)})
                                   << QStringLiteral("keys[0]: \"y\" must be 32 bytes in base64url");
        QTest::newRow("point off the curve")
            << jwks({with(ec, QStringLiteral("y"), encoded(QByteArray(32, '\x01')))})
            << QStringLiteral("keys[0]: \"x\" and \"y\" are not a point on curve P-256");
        QTest::newRow("private key") << jwks({with(ed, QStringLiteral("d"), encoded(QByteArray(32, 'd')))})
                                     << QStringLiteral(
                                            "keys[0]: holds a private key (\"d\"); a trust bundle must "
                                            "hold public keys only");
        QTest::newRow("alg of the other curve")
            << jwks({with(ed, QStringLiteral("alg"), QStringLiteral("ES256"))})
            << QStringLiteral("keys[0]: \"alg\" must be \"EdDSA\" for this key");
        QTest::newRow("HMAC alg on an EC key")
            << jwks({with(ec, QStringLiteral("alg"), QStringLiteral("HS256"))})
            << QStringLiteral("keys[0]: \"alg\" must be \"ES256\" for this key");
        QTest::newRow("encryption key") << jwks({with(ec, QStringLiteral("use"), QStringLiteral("enc"))})
                                        << QStringLiteral("keys[0]: \"use\" must be \"sig\" or \"jwt-svid\"");
    }
    void refusesUnusableKeys()
    {
        QFETCH(QJsonObject, jwks);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!VerificationKeys::fromJwks(jwks, &actual));
        QCOMPARE(actual, error);
    }

    void verifiesEachKeyWithItsPinnedAlgorithmOnly()
    {
        const auto keys = VerificationKeys::fromJwks(jwks({edJwk(), ecJwk()}), nullptr);
        QVERIFY(keys);
        const QByteArray input("header.payload");
        const QByteArray edSignature = m_edKey.sign(input);
        const QByteArray ecSignature = m_ecKey.signRaw(input);

        QVERIFY(keys->verify(u"ed-1", u"EdDSA", input, edSignature));
        QVERIFY(keys->verify(u"ec-1", u"ES256", input, ecSignature));

        QVERIFY(!keys->verify(u"ed-1", u"ES256", input, edSignature));
        QVERIFY(!keys->verify(u"ec-1", u"EdDSA", input, ecSignature));
        QVERIFY(!keys->verify(u"ed-1", u"HS256", input, edSignature));
        QVERIFY(!keys->verify(u"nobody", u"EdDSA", input, edSignature));
        QVERIFY(!keys->verify(u"ed-1", u"EdDSA", "header.payloaD", edSignature));
        QVERIFY(!keys->verify(u"ec-1", u"ES256", "header.payloaD", ecSignature));
        QVERIFY(!keys->verify(u"ed-1", u"EdDSA", input, edSignature.chopped(1)));
        QVERIFY(!keys->verify(u"ed-1", u"EdDSA", input, QByteArray()));
        // OpenSSL's own DER form of an ECDSA signature is not what JOSE signs with.
        QVERIFY(!keys->verify(u"ec-1", u"ES256", input, m_ecKey.signDer(input)));
        QVERIFY(!keys->verify(u"ec-1", u"ES256", input, QByteArray(64, '\0')));
    }

    void addTrustsTheSigningKeysPublicHalf()
    {
        const auto other = SigningKey::generate();
        QVERIFY(other);
        // A forged entry claiming the signing key's id holds another key.
        const QJsonObject forged = with(other->publicJwk(), QStringLiteral("kid"), m_edKey.keyId());
        auto keys = VerificationKeys::fromJwks(jwks({forged}), nullptr);
        QVERIFY(keys);
        QVERIFY(!keys->verify(m_edKey.keyId(), u"EdDSA", "input", m_edKey.sign("input")));

        keys->add(m_edKey);
        QCOMPARE(keys->size(), 1);
        QVERIFY(keys->verify(m_edKey.keyId(), u"EdDSA", "input", m_edKey.sign("input")));
        QVERIFY(!keys->verify(m_edKey.keyId(), u"EdDSA", "input", other->sign("input")));
        QCOMPARE(keys->toJwks(), jwks({m_edKey.publicJwk()}));
    }

    void loadsATrustBundleFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("bundle.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(jwks({ecJwk()})).toJson());
        file.close();
        QString error;
        const auto keys = VerificationKeys::loadFile(path, &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->algorithmOf(u"ec-1"), QStringLiteral("ES256"));
    }

    void refusesUnusableTrustBundleFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("keys") << QStringLiteral("is not a JSON object: ");
        QTest::newRow("duplicate member") << QByteArray(R"({"keys": [], "keys": [{"kty": "oct"}]})")
                                          << QStringLiteral("is not a JSON object: ");
        QTest::newRow("no JWT keys") << QByteArray(R"({"keys": []})")
                                     << QStringLiteral("holds no key for verifying JWTs.");
        QTest::newRow("bad key") << QByteArray(R"({"keys": [{"kty": "oct", "kid": "h"}]})")
                                 << QStringLiteral(
                                        "is not a usable JWKS: keys[0]: key type \"oct\" is not supported "
                                        "(only OKP/Ed25519 and EC/P-256 are).");
        QTest::newRow("too large") << QByteArray(VerificationKeys::MaxTrustBundleSize + 1, ' ')
                                   << QStringLiteral("is larger than 1 MiB.");
    }
    void refusesUnusableTrustBundleFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, error);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("bundle.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();
        QString actual;
        QVERIFY(!VerificationKeys::loadFile(path, &actual));
        const QString expectedStart = QStringLiteral("The trust bundle %1 ").arg(path) + error;
        QVERIFY2(actual.startsWith(expectedStart), qPrintable(actual));
    }

    void reportsAMissingTrustBundle()
    {
        QString error;
        QVERIFY(!VerificationKeys::loadFile(QStringLiteral("/nonexistent/bundle.json"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot open the trust bundle /nonexistent/bundle.json: ")),
                 qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TstVerificationKeys)
#include "tst_VerificationKeys.moc"
