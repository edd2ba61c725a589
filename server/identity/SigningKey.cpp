#include "server/identity/SigningKey.h"

#include "server/auth/SecureRandom.h"
#include "server/identity/Base64Url.h"
#include "server/identity/OpenSslHandles.h"
#include "server/identity/ReportError.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mandate::server {

namespace {

constexpr qsizetype Ed25519PublicKeySize = 32;
// A PEM Ed25519 key is about 120 bytes; a file many times that size is not one.
constexpr qsizetype MaxKeyFileSize = 16 * 1024;
constexpr mode_t OwnerReadWrite = S_IRUSR | S_IWUSR;

QString systemError(int code)
{
    return qt_error_string(code);
}

// Closes a POSIX file descriptor on every way out of a function.
class FileDescriptor
{
public:
    explicit FileDescriptor(int descriptor)
        : m_descriptor(descriptor)
    {}
    ~FileDescriptor()
    {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    bool isOpen() const { return m_descriptor >= 0; }
    int get() const { return m_descriptor; }
    // Closes now; false when the kernel reports that buffered data did not reach the file.
    bool close()
    {
        const int descriptor = m_descriptor;
        m_descriptor = -1;
        return ::close(descriptor) == 0;
    }

private:
    int m_descriptor;
};

// Overwrites private key material before its buffer is released.
class WipeOnExit
{
public:
    explicit WipeOnExit(QByteArray &secret)
        : m_secret(secret)
    {}
    ~WipeOnExit()
    {
        if (!m_secret.isEmpty())
            OPENSSL_cleanse(m_secret.data(), static_cast<size_t>(m_secret.size()));
    }
    WipeOnExit(const WipeOnExit &) = delete;
    WipeOnExit &operator=(const WipeOnExit &) = delete;

private:
    QByteArray &m_secret;
};

enum class ReadOutcome
{
    Read,
    Missing,
    Failed
};

ReadOutcome readKeyFile(const QString &path, QByteArray *pem, QString *error)
{
    FileDescriptor file(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (!file.isOpen()) {
        const int code = errno;
        if (code == ENOENT)
            return ReadOutcome::Missing;
        reportError(error,
                    QStringLiteral("Cannot open the signing key %1: %2.").arg(path, systemError(code)));
        return ReadOutcome::Failed;
    }
    struct stat info = {};
    if (::fstat(file.get(), &info) != 0) {
        reportError(error,
                    QStringLiteral("Cannot inspect the signing key %1: %2.").arg(path, systemError(errno)));
        return ReadOutcome::Failed;
    }
    if (!S_ISREG(info.st_mode)) {
        reportError(error, QStringLiteral("The signing key %1 is not a regular file.").arg(path));
        return ReadOutcome::Failed;
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        const QString mode = QStringLiteral("%1").arg(info.st_mode & 07777U, 4, 8, QLatin1Char('0'));
        reportError(error,
                    QStringLiteral("The signing key %1 has mode %2: group or others may read or change it. "
                                   "Only its owner may (mode 0600). If anyone else could have copied "
                                   "it, move it away so that a new key is made; otherwise run "
                                   "'chmod 600 %1'.")
                        .arg(path, mode));
        return ReadOutcome::Failed;
    }
    pem->resize(MaxKeyFileSize + 1);
    qsizetype filled = 0;
    while (filled < pem->size()) {
        const ssize_t count =
            ::read(file.get(), pem->data() + filled, static_cast<size_t>(pem->size() - filled));
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            reportError(error,
                        QStringLiteral("Cannot read the signing key %1: %2.").arg(path, systemError(errno)));
            return ReadOutcome::Failed;
        }
        if (count == 0)
            break;
        filled += count;
    }
    if (filled > MaxKeyFileSize) {
        reportError(error, QStringLiteral("The signing key %1 is too large to be an Ed25519 key.").arg(path));
        return ReadOutcome::Failed;
    }
    pem->truncate(filled);
    return ReadOutcome::Read;
}

bool writeAll(int descriptor, const QByteArray &data)
{
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t count =
            ::write(descriptor, data.constData() + written, static_cast<size_t>(data.size() - written));
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            return false;
        written += count;
    }
    return true;
}

// A new directory entry survives power loss only once the directory itself is flushed.
bool syncDirectoryOf(const QString &path)
{
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    FileDescriptor handle(::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return handle.isOpen() && ::fsync(handle.get()) == 0;
}

enum class CreateOutcome
{
    Created,
    AlreadyExists,
    Failed
};

CreateOutcome createKeyFile(const QString &path, const QByteArray &pem, QString *error)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = QFile::encodeName(path + QStringLiteral(".new-") + SecureRandom::id(u""));
    FileDescriptor file(
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, OwnerReadWrite));
    if (!file.isOpen()) {
        reportError(error,
                    QStringLiteral("Cannot create the signing key %1: %2.").arg(path, systemError(errno)));
        return CreateOutcome::Failed;
    }
    // The umask can only remove permission bits, but one that removes the owner's would leave a
    // key the server cannot read back; set the mode outright.
    bool written =
        ::fchmod(file.get(), OwnerReadWrite) == 0 && writeAll(file.get(), pem) && ::fsync(file.get()) == 0;
    int code = errno;
    if (!file.close() && written) {
        written = false;
        code = errno;
    }
    if (!written) {
        ::unlink(temporary.constData());
        reportError(error,
                    QStringLiteral("Cannot write the signing key %1: %2.").arg(path, systemError(code)));
        return CreateOutcome::Failed;
    }
    // link() rather than rename(): it never replaces a key that another process created meanwhile.
    const bool linked = ::link(temporary.constData(), target.constData()) == 0;
    code = errno;
    ::unlink(temporary.constData());
    if (!linked) {
        if (code == EEXIST)
            return CreateOutcome::AlreadyExists;
        reportError(error,
                    QStringLiteral("Cannot create the signing key %1: %2.").arg(path, systemError(code)));
        return CreateOutcome::Failed;
    }
    if (!syncDirectoryOf(path)) {
        reportError(error, QStringLiteral("Cannot flush the directory of the signing key %1: %2.")
                               .arg(path, systemError(errno)));
        return CreateOutcome::Failed;
    }
    return CreateOutcome::Created;
}

} // namespace

SigningKey::SigningKey(std::shared_ptr<evp_pkey_st> key, QByteArray publicKey)
    : m_key(std::move(key))
    , m_publicKey(std::move(publicKey))
    , m_keyId(thumbprint(m_publicKey))
{}

std::optional<SigningKey> SigningKey::fromKey(std::shared_ptr<evp_pkey_st> key, QString *error)
{
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
        reportError(error, QStringLiteral("it holds a key of type %1, not Ed25519")
                               .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
        return std::nullopt;
    }
    QByteArray publicKey(Ed25519PublicKeySize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(publicKey.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), openssl::bytesOf(publicKey.data()), &size) != 1 ||
        size != static_cast<size_t>(Ed25519PublicKeySize)) {
        ERR_clear_error();
        reportError(error, QStringLiteral("OpenSSL cannot read its public key"));
        return std::nullopt;
    }
    return SigningKey(std::move(key), std::move(publicKey));
}

std::optional<SigningKey> SigningKey::generate()
{
    auto key = openssl::shareKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key) {
        ERR_clear_error();
        return std::nullopt;
    }
    return fromKey(std::move(key), nullptr);
}

std::optional<SigningKey> SigningKey::fromPem(QByteArrayView pem, QString *error)
{
    if (pem.size() > MaxKeyFileSize) {
        reportError(error, QStringLiteral("it is too large to be an Ed25519 key"));
        return std::nullopt;
    }
    openssl::Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    // Without a callback OpenSSL would ask for the passphrase of an encrypted key on the terminal.
    pem_password_cb *refusePassphrase = [](char *, int, int, void *) {
        return -1;
    };
    auto key = openssl::shareKey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr)
                                     : nullptr);
    if (!key) {
        ERR_clear_error();
        reportError(error, QStringLiteral("it is not an unencrypted PKCS#8 PEM private key"));
        return std::nullopt;
    }
    return fromKey(std::move(key), error);
}

std::optional<SigningKey> SigningKey::loadOrCreate(const QString &path, QString *error)
{
    // A second round covers another process creating the key between our look and our link.
    for (int round = 0; round < 2; ++round) {
        QByteArray existing;
        const WipeOnExit wipeExisting(existing);
        switch (readKeyFile(path, &existing, error)) {
        case ReadOutcome::Failed:
            return std::nullopt;
        case ReadOutcome::Read: {
            QString reason;
            auto key = fromPem(existing, &reason);
            if (!key)
                reportError(error, QStringLiteral("The signing key %1 is unusable: %2.").arg(path, reason));
            return key;
        }
        case ReadOutcome::Missing:
            break;
        }
        auto created = generate();
        if (!created) {
            reportError(error,
                        QStringLiteral("Cannot generate an Ed25519 key: OpenSSL does not support it."));
            return std::nullopt;
        }
        QByteArray pem = created->toPem();
        const WipeOnExit wipePem(pem);
        if (pem.isEmpty()) {
            reportError(error, QStringLiteral("Cannot encode the new signing key %1.").arg(path));
            return std::nullopt;
        }
        switch (createKeyFile(path, pem, error)) {
        case CreateOutcome::Failed:
            return std::nullopt;
        case CreateOutcome::Created:
            return created;
        case CreateOutcome::AlreadyExists:
            break;
        }
    }
    reportError(
        error,
        QStringLiteral("The signing key %1 keeps disappearing; is another process removing it?").arg(path));
    return std::nullopt;
}

QByteArray SigningKey::toPem() const
{
    // Secure-heap memory, cleared when freed, for the copy OpenSSL makes of the private key.
    openssl::Bio bio(BIO_new(BIO_s_secmem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return QByteArray();
    }
    QByteArray pem(static_cast<qsizetype>(BIO_ctrl_pending(bio.get())), Qt::Uninitialized);
    if (BIO_read(bio.get(), pem.data(), static_cast<int>(pem.size())) != pem.size()) {
        OPENSSL_cleanse(pem.data(), static_cast<size_t>(pem.size()));
        return QByteArray();
    }
    return pem;
}

QByteArray SigningKey::sign(QByteArrayView message) const
{
    openssl::DigestContext context(EVP_MD_CTX_new());
    QByteArray signature(SignatureSize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(signature.size());
    // Ed25519 hashes the message itself (PureEdDSA), hence no digest.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(context.get(), openssl::bytesOf(signature.data()), &size,
                       openssl::bytesOf(message.data()), static_cast<size_t>(message.size())) != 1 ||
        size != static_cast<size_t>(SignatureSize)) {
        ERR_clear_error();
        return QByteArray();
    }
    return signature;
}

QJsonObject SigningKey::publicJwk() const
{
    return {{QStringLiteral("kty"), QStringLiteral("OKP")},
            {QStringLiteral("crv"), QStringLiteral("Ed25519")},
            {QStringLiteral("x"), QString::fromLatin1(Base64Url::encode(m_publicKey))},
            {QStringLiteral("kid"), m_keyId},
            {QStringLiteral("alg"), Algorithm.toString()},
            {QStringLiteral("use"), QStringLiteral("sig")}};
}

QString SigningKey::thumbprint(QByteArrayView ed25519PublicKey)
{
    // RFC 7638 §3: the required members only, in lexicographic order, without whitespace.
    const QByteArray canonical =
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url::encode(ed25519PublicKey) + "\"}";
    return QString::fromLatin1(
        Base64Url::encode(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

} // namespace mandate::server
