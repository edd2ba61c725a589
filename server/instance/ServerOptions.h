#pragma once

#include "core/Expected.h"
#include "server/http/HttpLimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <chrono>

namespace mandate::server {

// The command line of mandate-server (API.md, "Running the server").
struct ServerOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8787;
    QString dataDir;
    // postgresql://USER[:PASSWORD]@HOST:PORT/DB; empty: SQLite in dataDir.
    QString database;
    // The embedded trust domain's signing key; empty: DIR/signing-key.pem. Instances on one
    // database need not share it: each publishes its public key there and trusts the others'.
    QString signingKey;
    // --retire-signing-key KID: marks the key retired in the database and exits.
    QString retireSigningKey;
    // The transparency log's own Ed25519 key; empty: DIR/log-key.pem. Every instance on one
    // database must be given the same file: the log has one identity, whoever sequences it.
    QString logKey;
    // The log's name in its checkpoints; empty: derived from its key.
    QString logOrigin;
    // How often a sequencing pass looks for recorded events (the merge delay stays below 1 s).
    std::chrono::milliseconds sequenceInterval{100};
    // A file holding the token Prometheus presents for /metrics; empty: /metrics answers loopback only.
    QString metricsTokenFile;
    bool demo = false;
    bool insecureListen = false;
    QString tlsCertificate;
    QString tlsKey;
    qint64 sessionSeconds = 12 * 60 * 60;
    qint64 approvalTtlSeconds = 15 * 60;
    bool accessLog = true;
    HttpLimits limits;
    // Agent identity: the trust domain whose SVIDs this server accepts (and mints, unless a
    // trust bundle names an external issuer), and the audience every agent token must carry.
    QString trustDomain;
    QString trustBundle;
    QString audience = QStringLiteral("mandate");
    std::chrono::milliseconds sweepInterval{5000};
    std::chrono::milliseconds eventHeartbeat{15000};
    // Shared Signals: the transmitter's issuer (its public base URL, as receivers reach it; empty:
    // the URL this instance listens on), its SET signing keys (empty: DIR/ssf-rsa-key.pem and
    // DIR/ssf-ed25519-key.pem; instances on one database share them), the longest wait between
    // push retries, how long a receiver may fail before its stream is paused, how long an
    // undelivered SET is kept, and how long a poll without returnImmediately waits.
    QString ssfIssuer;
    QString ssfKey;
    QString ssfEddsaKey;
    std::chrono::seconds ssfRetryMax{300};
    std::chrono::seconds ssfPauseAfter{24 * 60 * 60};
    std::chrono::seconds ssfRetention{7 * 24 * 60 * 60};
    std::chrono::seconds ssfLongPoll{25};

    // The organisation's own policy engine, an AuthZEN PDP (API.md, "Org policy"); empty: none.
    QString policyPdp;
    QString policyPdpTokenFile;
    std::chrono::milliseconds policyTimeout{250};
    bool policyFailOpen = false;

    // The text after "listening on": "http://127.0.0.1:8787", "https://[::1]:443".
    QString urlFor(quint16 boundPort) const;

    // Parses arguments (without the program name). The error is a message for standard error.
    static Expected<ServerOptions, QString> parse(const QStringList &arguments);
    static QString usage();
};

} // namespace mandate::server
