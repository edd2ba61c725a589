#include "server/identity/KeyFile.h"

#include "server/auth/SecureRandom.h"
#include "server/identity/OpenSslHandles.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mandate::server {

namespace {

// A PEM Ed25519 key is about 120 bytes, an RSA-2048 one about 1,700; a file many times that size
// is not a key.
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

} // namespace

KeyFile::Wipe::~Wipe()
{
    if (!m_secret.isEmpty())
        OPENSSL_cleanse(m_secret.data(), static_cast<size_t>(m_secret.size()));
}

KeyFile::ReadOutcome KeyFile::read(const QString &path, QByteArray *pem, QString *error)
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
        reportError(error, QStringLiteral("The signing key %1 is too large to be a key file.").arg(path));
        return ReadOutcome::Failed;
    }
    pem->truncate(filled);
    return ReadOutcome::Read;
}

KeyFile::CreateOutcome KeyFile::create(const QString &path, const QByteArray &pem, QString *error)
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

std::shared_ptr<evp_pkey_st> KeyFile::parsePem(QByteArrayView pem, QString *error)
{
    if (pem.size() > MaxKeyFileSize) {
        reportError(error, QStringLiteral("it is too large to be a key"));
        return nullptr;
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
    }
    return key;
}

QByteArray KeyFile::toPem(evp_pkey_st *key)
{
    // Secure-heap memory, cleared when freed, for the copy OpenSSL makes of the private key.
    openssl::Bio bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
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

} // namespace mandate::server
