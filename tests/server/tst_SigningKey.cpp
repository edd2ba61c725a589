#include "server/identity/Base64Url.h"
#include "server/identity/SigningKey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <string_view>
#include <sys/stat.h>

using mandate::server::Base64Url;
using mandate::server::SigningKey;

namespace {

// RFC 8037 Appendix A: an Ed25519 key with its JWK, thumbprint and one signature.
constexpr char Rfc8037Seed[] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
constexpr char Rfc8037X[] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
constexpr char Rfc8037Thumbprint[] = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
constexpr char Rfc8037SigningInput[] = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
constexpr char Rfc8037Signature[] =
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

// The PKCS#8 PEM of an Ed25519 key with the given 32-byte seed (RFC 8410 §7 layout).
QByteArray ed25519Pem(const QByteArray &seed)
{
    const QByteArray der = QByteArray::fromHex("302e020100300506032b657004220420") + seed;
    return "-----BEGIN PRIVATE KEY-----\n" + der.toBase64() + "\n-----END PRIVATE KEY-----\n";
}

QByteArray pemOf(EVP_PKEY *key, const EVP_CIPHER *cipher = nullptr, const char *passphrase = nullptr)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PKCS8PrivateKey(bio.get(), key, cipher, nullptr, 0, nullptr,
                                  const_cast<char *>(passphrase));
    QByteArray pem(static_cast<qsizetype>(BIO_ctrl_pending(bio.get())), Qt::Uninitialized);
    BIO_read(bio.get(), pem.data(), static_cast<int>(pem.size()));
    return pem;
}

QByteArray generatedPem(const char *type, const EVP_CIPHER *cipher = nullptr,
                        const char *passphrase = nullptr)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        std::string_view(type) == "EC" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                       : EVP_PKEY_Q_keygen(nullptr, nullptr, type),
        EVP_PKEY_free);
    return pemOf(key.get(), cipher, passphrase);
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777U;
}

void writeFile(const QString &path, const QByteArray &contents, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(contents), contents.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

// Restores the process umask when a test that changed it ends, passed or failed.
class UmaskGuard
{
public:
    explicit UmaskGuard(mode_t mask)
        : m_previous(::umask(mask))
    {}
    ~UmaskGuard() { ::umask(m_previous); }
    UmaskGuard(const UmaskGuard &) = delete;
    UmaskGuard &operator=(const UmaskGuard &) = delete;

private:
    mode_t m_previous;
};

} // namespace

class TstSigningKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsTheKeyFileOwnerOnlyWhateverTheUmask_data()
    {
        QTest::addColumn<uint>("umask");
        QTest::newRow("0000") << 0000U;
        QTest::newRow("0022") << 0022U;
        QTest::newRow("0077") << 0077U;
        QTest::newRow("0277 (no owner write)") << 0277U;
        QTest::newRow("0777") << 0777U;
    }
    void createsTheKeyFileOwnerOnlyWhateverTheUmask()
    {
        QFETCH(uint, umask);
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(QStringLiteral("signing-key.pem"));
        QString error;
        std::optional<SigningKey> key;
        {
            const UmaskGuard guard(static_cast<mode_t>(umask));
            key = SigningKey::loadOrCreate(path, &error);
        }
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(modeOf(path), mode_t(0600));
        // Written under a temporary name and linked into place; nothing else is left behind.
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("signing-key.pem")});
        QVERIFY(QFile::exists(path));
    }

    void reloadingGivesTheSameKey()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("signing-key.pem"));
        QString error;
        const auto created = SigningKey::loadOrCreate(path, &error);
        QVERIFY2(created, qPrintable(error));
        const QByteArray firstFile = [&] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QVERIFY(firstFile.startsWith("-----BEGIN PRIVATE KEY-----"));

        const auto reloaded = SigningKey::loadOrCreate(path, &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reloaded->keyId(), created->keyId());
        QCOMPARE(reloaded->publicKey(), created->publicKey());
        // Ed25519 signatures are deterministic: the same key signs the same message identically.
        QCOMPARE(reloaded->sign("message"), created->sign("message"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), firstFile);
    }

    void refusesAKeyFileOthersMayAccess_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::newRow("0644") << 0644U;
        QTest::newRow("0640") << 0640U;
        QTest::newRow("0604") << 0604U;
        QTest::newRow("0620") << 0620U;
        QTest::newRow("0602") << 0602U;
        QTest::newRow("0610") << 0610U;
    }
    void refusesAKeyFileOthersMayAccess()
    {
        QFETCH(uint, mode);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("signing-key.pem"));
        const QByteArray pem = generatedPem("ED25519");
        writeFile(path, pem, static_cast<mode_t>(mode));

        QString error;
        QVERIFY(!SigningKey::loadOrCreate(path, &error));
        const QString modeText = QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
        QCOMPARE(error,
                 QStringLiteral("The signing key %1 has mode %2: group or others may read or change it. "
                                "Only its owner may (mode 0600). If anyone else could have copied it, "
                                "move it away so that a new key is made; otherwise run 'chmod 600 %1'.")
                     .arg(path, modeText));
        // Refused, not repaired or replaced: the file is exactly as it was.
        QCOMPARE(modeOf(path), static_cast<mode_t>(mode));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pem);
    }

    void refusesWhatIsNotAnEd25519Key_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("reason");
        QTest::newRow("garbage") << QByteArray("not a key\n")
                                 << QStringLiteral("it is not an unencrypted PKCS#8 PEM private key");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("it is not an unencrypted PKCS#8 PEM private key");
        QTest::newRow("P-256 key") << generatedPem("EC")
                                   << QStringLiteral("it holds a key of type EC, not Ed25519");
        QTest::newRow("X25519 key") << generatedPem("X25519")
                                    << QStringLiteral("it holds a key of type X25519, not Ed25519");
        // Without a passphrase callback OpenSSL would stop and ask on the terminal.
        QTest::newRow("encrypted key") << generatedPem("ED25519", EVP_aes_256_cbc(), "secret")
                                       << QStringLiteral("it is not an unencrypted PKCS#8 PEM private key");
    }
    void refusesWhatIsNotAnEd25519Key()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, reason);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("signing-key.pem"));
        writeFile(path, contents, 0600);
        QString error;
        QVERIFY(!SigningKey::loadOrCreate(path, &error));
        QCOMPARE(error, QStringLiteral("The signing key %1 is unusable: %2.").arg(path, reason));
    }

    void refusesADirectory()
    {
        QTemporaryDir directory;
        QString error;
        QVERIFY(!SigningKey::loadOrCreate(directory.path(), &error));
        QCOMPARE(error, QStringLiteral("The signing key %1 is not a regular file.").arg(directory.path()));
    }

    void reportsAMissingDirectory()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("missing/signing-key.pem"));
        QString error;
        QVERIFY(!SigningKey::loadOrCreate(path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot create the signing key %1: ").arg(path)),
                 qPrintable(error));
    }

    void loadsAKeyFromItsPemFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("signing-key.pem"));
        writeFile(path, ed25519Pem(*Base64Url::decode(Rfc8037Seed)), 0600);
        QString error;
        const auto key = SigningKey::loadOrCreate(path, &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(key->keyId(), QString::fromLatin1(Rfc8037Thumbprint));
    }

    void keyIdIsTheRfc7638Thumbprint()
    {
        QString error;
        const auto key = SigningKey::fromPem(ed25519Pem(*Base64Url::decode(Rfc8037Seed)), &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(Base64Url::encode(key->publicKey()), QByteArray(Rfc8037X));

        // RFC 7638 §3: SHA-256 over the required members in lexicographic order, no whitespace.
        const QByteArray canonical = QByteArray(R"({"crv":"Ed25519","kty":"OKP","x":")") + Rfc8037X + "\"}";
        const QByteArray expected =
            Base64Url::encode(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256));
        QCOMPARE(key->keyId(), QString::fromLatin1(expected));
        // …which is the thumbprint RFC 8037 §A.3 publishes for this key.
        QCOMPARE(key->keyId(), QString::fromLatin1(Rfc8037Thumbprint));
    }

    void signsAsRfc8037Does()
    {
        const auto key = SigningKey::fromPem(ed25519Pem(*Base64Url::decode(Rfc8037Seed)), nullptr);
        QVERIFY(key);
        QCOMPARE(Base64Url::encode(key->sign(Rfc8037SigningInput)), QByteArray(Rfc8037Signature));
    }

    void publishesOnlyThePublicJwk()
    {
        const auto key = SigningKey::fromPem(ed25519Pem(*Base64Url::decode(Rfc8037Seed)), nullptr);
        QVERIFY(key);
        const QJsonObject expected{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                   {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                   {QStringLiteral("x"), QString::fromLatin1(Rfc8037X)},
                                   {QStringLiteral("kid"), QString::fromLatin1(Rfc8037Thumbprint)},
                                   {QStringLiteral("alg"), QStringLiteral("EdDSA")},
                                   {QStringLiteral("use"), QStringLiteral("sig")}};
        QCOMPARE(key->publicJwk(), expected);
    }

    void generatedKeysDiffer()
    {
        const auto first = SigningKey::generate();
        const auto second = SigningKey::generate();
        QVERIFY(first && second);
        QVERIFY(first->keyId() != second->keyId());
        QCOMPARE(first->sign("message").size(), SigningKey::SignatureSize);
    }
};

QTEST_APPLESS_MAIN(TstSigningKey)
#include "tst_SigningKey.moc"
