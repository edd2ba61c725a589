#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace mandate::client {

// Where the console keeps a session token between runs: the OS keyring (Secret Service, KWallet,
// Keychain) through QtKeychain when one answers, otherwise this process's memory only — never a
// plain file on disk (QtKeychain's insecure fallback stays off).
class TokenVault : public QObject
{
    Q_OBJECT

public:
    enum class Backend
    {
        Keyring,   // try the keyring, fall back to memory when it is not there
        MemoryOnly // tests, and machines where no keyring should be asked
    };

    explicit TokenVault(Backend backend, QObject *parent = nullptr);

    // Keys are "server|username". The callback runs once, with an empty string when nothing is kept.
    void load(const QString &key, std::function<void(const QString &token)> done);
    void store(const QString &key, const QString &token);
    void erase(const QString &key);

    // False once the keyring failed: tokens then last only as long as this process.
    bool isPersistent() const { return m_backend == Backend::Keyring && m_keyringWorks; }

    static QString keyFor(const QString &server, const QString &username);

private:
    Backend m_backend;
    bool m_keyringWorks = true;
    QHash<QString, QString> m_memory;
};

} // namespace mandate::client
