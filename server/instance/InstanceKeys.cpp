#include "server/instance/InstanceKeys.h"

#include "server/identity/AgentCredentials.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace mandate::server {

Q_LOGGING_CATEGORY(lcKeys, "mandate.keys")

InstanceKeys::InstanceKeys(Store &store, AgentCredentials &credentials, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_clock(clock)
{
    m_timer.setInterval(RefreshInterval);
    connect(&m_timer, &QTimer::timeout, this, &InstanceKeys::refresh);
}

bool InstanceKeys::start(QString *error)
{
    const SigningKey &own = m_credentials.signingKey();
    switch (m_store.signingKeys().publish(own.keyId(), own.publicJwk(), m_clock.now())) {
    case SigningKeyRepository::Published::Known:
        break;
    case SigningKeyRepository::Published::Conflict:
        *error =
            QStringLiteral("the database already holds another signing key under the key id %1 of this "
                           "instance's signing key: the file or the database entry was altered. Start this "
                           "instance with its own, unaltered key (--signing-key)")
                .arg(own.keyId());
        return false;
    case SigningKeyRepository::Published::Retired:
        *error =
            QStringLiteral("the signing key %1 was retired on this database and signs nothing more: start "
                           "this instance with another key (move its key file away and a new key is made)")
                .arg(own.keyId());
        return false;
    case SigningKeyRepository::Published::Failed:
        *error = QStringLiteral("cannot publish the signing key: ") + m_store.db().lastError();
        return false;
    }
    if (!refresh()) {
        *error = QStringLiteral("cannot read the signing keys: ") + m_store.db().lastError();
        return false;
    }
    m_timer.start();
    return true;
}

bool InstanceKeys::refresh()
{
    m_sinceRefresh.start();
    // A retired key's tokens expire within the longest lifetime a token may have.
    const QDateTime retiredAfter = m_clock.now().addSecs(
        -(AgentCredentials::MaxSvidLifetimeSeconds + AgentCredentials::ClockLeewaySeconds));
    const auto keys = m_store.signingKeys().trusted(retiredAfter);
    if (!keys)
        return false;
    QJsonArray jwks;
    const QString own = m_credentials.signingKey().keyId();
    for (const SigningKeyRepository::Key &key : *keys) {
        if (key.kid == own && key.retiredAt && !std::exchange(m_warnedRetired, true))
            qCWarning(lcKeys).noquote()
                << "this instance's signing key" << own << "was retired: restart it with another key";
        jwks.append(key.jwk);
    }
    QString error;
    const auto trusted = VerificationKeys::fromJwks({{QStringLiteral("keys"), jwks}}, &error);
    if (!trusted) {
        // One damaged entry must not cost every other instance's tokens: trust none of them
        // until it is fixed, and say which.
        qCWarning(lcKeys).noquote() << "the signing keys in the database are not usable:" << error;
        m_credentials.trustInstanceKeys({});
        return true;
    }
    m_credentials.trustInstanceKeys(*trusted);
    return true;
}

bool InstanceKeys::refreshForUnknownKey()
{
    if (m_sinceRefresh.isValid() && m_sinceRefresh.elapsed() < UnknownKeyRefreshMs)
        return false;
    return refresh();
}

bool InstanceKeys::retire(Store &store, const QString &kid, const Clock &clock, QString *error)
{
    if (store.signingKeys().retire(kid, clock.now()))
        return true;
    *error = store.db().lastError().isEmpty()
                 ? QStringLiteral("no signing key %1 is published in this database").arg(kid)
                 : store.db().lastError();
    return false;
}

} // namespace mandate::server
