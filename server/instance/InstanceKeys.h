#pragma once

#include "core/Clock.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>

namespace mandate::server {

class AgentCredentials;
class Store;

// The agent-token keys of the instances on one database, without a key file they share: each
// instance publishes the public half of its own signing key in the store, and trusts every key
// published there that is not retired, or was retired so recently that tokens it signed may still
// be unexpired. So an SVID or JIT credential minted by any instance verifies on every other one,
// and GET /v1/jwks on each lists them all.
class InstanceKeys : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds RefreshInterval{30};
    // A token naming an unknown key reads the store again at most this often: short, because a
    // token minted by an instance that started a moment after the last read must not be refused,
    // and still a bound on what tokens with made-up key ids can cost (20 reads of a table of a few
    // rows per second).
    static constexpr qint64 UnknownKeyRefreshMs = 50;

    InstanceKeys(Store &store, AgentCredentials &credentials, const Clock &clock, QObject *parent = nullptr);

    // Publishes this instance's key and reads the others'. Refuses (false, with a message for the
    // operator) a key another key's entry contradicts, or one an operator retired.
    bool start(QString *error);
    // Reads the trusted keys again; false when the store did not answer.
    bool refresh();
    // For a token signed by a key not trusted here: an instance started since may have published
    // it. Whether the keys were read again.
    bool refreshForUnknownKey();
    // --retire-signing-key: its tokens verify until they have expired, then the key is dropped.
    static bool retire(Store &store, const QString &kid, const Clock &clock, QString *error);

private:
    Store &m_store;
    AgentCredentials &m_credentials;
    const Clock &m_clock;
    QTimer m_timer;
    QElapsedTimer m_sinceRefresh;
    bool m_warnedRetired = false;
};

} // namespace mandate::server
