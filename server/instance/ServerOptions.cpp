#include "server/instance/ServerOptions.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace mandate::server {

QString ServerOptions::urlFor(quint16 boundPort) const
{
    const QString scheme = tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    const QString hostText =
        host.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host.toString() + u']' : host.toString();
    return scheme + QStringLiteral("://") + hostText + u':' + QString::number(boundPort);
}

QString ServerOptions::usage()
{
    return QStringLiteral(
        "Usage: mandate-server [--listen HOST:PORT] [--data-dir DIR] [--database URL] [--demo]\n"
        "                      [--tls-cert FILE --tls-key FILE] [--insecure-listen]\n"
        "                      [--session-ttl SECONDS] [--approval-ttl SECONDS] [--no-access-log]\n"
        "                      [--max-connections N] [--max-connections-per-address N]\n"
        "                      [--header-timeout S] [--idle-timeout S]\n"
        "                      [--trust-domain TD] [--trust-bundle FILE] [--audience AUD]\n"
        "                      [--log-key FILE] [--log-origin NAME]\n"
        "                      [--ssf-issuer URL] [--ssf-key FILE] [--ssf-eddsa-key FILE]\n"
        "                      [--ssf-retry-max S] [--ssf-pause-after S] [--ssf-retention S] "
        "[--ssf-long-poll S]\n"
        "                      [--policy-pdp URL [--policy-pdp-token FILE] [--policy-timeout-ms MS]\n"
        "                       [--policy-failure closed|open]]\n"
        "\n"
        "  --listen HOST:PORT   address to serve on (default 127.0.0.1:8787; port 0 picks a free one)\n"
        "  --data-dir DIR       where the SQLite store lives (default: the user's data location)\n"
        "  --database URL       use PostgreSQL: postgresql://USER[:PASSWORD]@HOST:PORT/DB\n"
        "                       (several instances may share one database)\n"
        "  --signing-key FILE   the agent-token signing key (default DIR/signing-key.pem); its\n"
        "                       public key is published in the database for the other instances\n"
        "  --retire-signing-key KID  retire a published signing key (its tokens verify until\n"
        "                       they expire, at most an hour) and exit\n"
        "  --log-key FILE       the audit log's checkpoint signing key (default DIR/log-key.pem);\n"
        "                       every instance on one database needs the same file\n"
        "  --log-origin NAME    the audit log's name in its checkpoints (default: from its key)\n"
        "  --metrics-token FILE /metrics needs this file's token as a bearer token (without it,\n"
        "                       /metrics answers only callers on this machine)\n"
        "  --demo               seed a demo organisation into an empty data dir\n"
        "  --tls-cert, --tls-key  serve HTTPS with this PEM certificate and key\n"
        "  --insecure-listen    allow plain HTTP on a non-loopback address (use a TLS proxy instead)\n"
        "  --max-connections N  at most N client connections; idle ones make room (default 1024)\n"
        "  --max-connections-per-address N\n"
        "                       at most N connections from one client address (default 256; behind a\n"
        "                       reverse proxy set it to --max-connections)\n"
        "  --header-timeout S   close a client whose request headers take longer than S seconds (default "
        "10)\n"
        "  --idle-timeout S     close keep-alive connections idle for S seconds (default 60)\n"
        "  --trust-domain TD    the SPIFFE trust domain of the agents (default mandate.local;\n"
        "                       demo.mandate.local with --demo)\n"
        "  --trust-bundle FILE  accept JWT-SVIDs signed by this JWKS (an external SPIFFE issuer)\n"
        "  --audience AUD       the audience agent tokens must name (default mandate)\n"
        "  --approval-ttl S     how long a step-up or dual-control request waits (default 900)\n"
        "  --sweep-interval S   how often expiry and idle timeouts are applied (default 5)\n"
        "  --event-heartbeat S  keep-alive comment interval on idle event streams (default 15)\n"
        "  --ssf-issuer URL     the Shared Signals issuer: this server's base URL as receivers reach it\n"
        "                       (default: the address it listens on); the same on every instance\n"
        "  --ssf-key FILE       the RSA key that signs Security Event Tokens (default DIR/ssf-rsa-key.pem)\n"
        "  --ssf-eddsa-key FILE the Ed25519 key for streams that ask for EdDSA (default\n"
        "                       DIR/ssf-ed25519-key.pem); instances on one database share both keys\n"
        "  --ssf-retry-max S    longest wait between push retries to a receiver that is down (default 300)\n"
        "  --ssf-pause-after S  pause a stream whose receiver failed for S seconds (default 86400)\n"
        "  --ssf-retention S    give up an undelivered event after S seconds (default 604800)\n"
        "  --ssf-long-poll S    how long a poll waits for events (default 25)\n"
        "  --policy-pdp URL     ask this AuthZEN 1.0 PDP (Cerbos, OPA, Topaz...) about every decision the\n"
        "                       delegation would allow: the organisation's own rules, as code\n"
        "  --policy-pdp-token FILE  send this file's token to the PDP as a bearer token\n"
        "  --policy-timeout-ms MS   how long a decision waits for the PDP (default 250)\n"
        "  --policy-failure closed|open  when the PDP gives no answer: deny (default) or allow\n");
}

Expected<ServerOptions, QString> ServerOptions::parse(const QStringList &arguments)
{
    ServerOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        const auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= arguments.size())
                return std::nullopt;
            return arguments[++i];
        };
        const auto seconds = [&](qint64 *out) -> bool {
            const auto text = value();
            bool ok = false;
            const qint64 n = text ? text->toLongLong(&ok) : 0;
            if (!ok || n <= 0)
                return false;
            *out = n;
            return true;
        };
        if (arg == QStringLiteral("--listen")) {
            const auto text = value();
            if (!text)
                return unexpected(QStringLiteral("--listen needs HOST:PORT"));
            const qsizetype colon = text->lastIndexOf(u':');
            QString hostText = text->left(colon);
            if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
                hostText = hostText.mid(1, hostText.size() - 2);
            bool ok = false;
            const uint port = text->mid(colon + 1).toUInt(&ok);
            if (colon <= 0 || !ok || port > 65535)
                return unexpected(QStringLiteral("--listen needs HOST:PORT, got %1").arg(*text));
            if (hostText == QStringLiteral("localhost"))
                hostText = QStringLiteral("127.0.0.1");
            if (!options.host.setAddress(hostText))
                return unexpected(QStringLiteral("--listen: %1 is not an IP address").arg(hostText));
            options.port = static_cast<quint16>(port);
        } else if (arg == QStringLiteral("--data-dir")) {
            const auto text = value();
            if (!text || text->isEmpty())
                return unexpected(QStringLiteral("--data-dir needs a directory"));
            options.dataDir = *text;
        } else if (arg == QStringLiteral("--database")) {
            const auto text = value();
            if (!text || !(text->startsWith(QStringLiteral("postgresql://")) ||
                           text->startsWith(QStringLiteral("postgres://"))))
                return unexpected(
                    QStringLiteral("--database needs postgresql://USER[:PASSWORD]@HOST:PORT/DB"));
            options.database = *text;
        } else if (arg == QStringLiteral("--metrics-token")) {
            options.metricsTokenFile = value().value_or(QString());
            if (options.metricsTokenFile.isEmpty())
                return unexpected(QStringLiteral("--metrics-token needs a file holding the scrape token"));
        } else if (arg == QStringLiteral("--signing-key")) {
            options.signingKey = value().value_or(QString());
            if (options.signingKey.isEmpty())
                return unexpected(QStringLiteral("--signing-key needs a file"));
        } else if (arg == QStringLiteral("--retire-signing-key")) {
            options.retireSigningKey = value().value_or(QString());
            if (options.retireSigningKey.isEmpty())
                return unexpected(
                    QStringLiteral("--retire-signing-key needs a key id (\"kid\" in /v1/jwks)"));
        } else if (arg == QStringLiteral("--log-key")) {
            options.logKey = value().value_or(QString());
            if (options.logKey.isEmpty())
                return unexpected(QStringLiteral("--log-key needs a file"));
        } else if (arg == QStringLiteral("--log-origin")) {
            options.logOrigin = value().value_or(QString());
            if (options.logOrigin.isEmpty())
                return unexpected(
                    QStringLiteral("--log-origin needs a name, e.g. example.com/mandate-audit"));
        } else if (arg == QStringLiteral("--demo")) {
            options.demo = true;
        } else if (arg == QStringLiteral("--insecure-listen")) {
            options.insecureListen = true;
        } else if (arg == QStringLiteral("--no-access-log")) {
            options.accessLog = false;
        } else if (arg == QStringLiteral("--tls-cert")) {
            options.tlsCertificate = value().value_or(QString());
        } else if (arg == QStringLiteral("--tls-key")) {
            options.tlsKey = value().value_or(QString());
        } else if (arg == QStringLiteral("--session-ttl")) {
            if (!seconds(&options.sessionSeconds))
                return unexpected(QStringLiteral("--session-ttl needs a positive number of seconds"));
        } else if (arg == QStringLiteral("--max-connections")) {
            qint64 n = 0;
            if (!seconds(&n) || n > 100'000)
                return unexpected(QStringLiteral("--max-connections needs a number from 1 to 100000"));
            options.limits.maxConnections = static_cast<int>(n);
        } else if (arg == QStringLiteral("--max-connections-per-address")) {
            qint64 n = 0;
            if (!seconds(&n) || n > 100'000)
                return unexpected(
                    QStringLiteral("--max-connections-per-address needs a number from 1 to 100000"));
            options.limits.maxConnectionsPerAddress = static_cast<int>(n);
        } else if (arg == QStringLiteral("--header-timeout")) {
            qint64 n = 0;
            if (!seconds(&n))
                return unexpected(QStringLiteral("--header-timeout needs a positive number of seconds"));
            options.limits.headerTimeout = std::chrono::seconds(n);
            options.limits.bodyTimeout = std::chrono::seconds(n * 3);
        } else if (arg == QStringLiteral("--idle-timeout")) {
            qint64 n = 0;
            if (!seconds(&n))
                return unexpected(QStringLiteral("--idle-timeout needs a positive number of seconds"));
            options.limits.idleTimeout = std::chrono::seconds(n);
        } else if (arg == QStringLiteral("--trust-domain")) {
            options.trustDomain = value().value_or(QString());
            if (options.trustDomain.isEmpty())
                return unexpected(QStringLiteral("--trust-domain needs a SPIFFE trust domain"));
        } else if (arg == QStringLiteral("--trust-bundle")) {
            options.trustBundle = value().value_or(QString());
            if (options.trustBundle.isEmpty())
                return unexpected(QStringLiteral("--trust-bundle needs a JWKS file"));
        } else if (arg == QStringLiteral("--audience")) {
            options.audience = value().value_or(QString());
            if (options.audience.isEmpty())
                return unexpected(QStringLiteral("--audience needs a value"));
        } else if (arg == QStringLiteral("--sweep-interval")) {
            qint64 n = 0;
            if (!seconds(&n))
                return unexpected(QStringLiteral("--sweep-interval needs a positive number of seconds"));
            options.sweepInterval = std::chrono::seconds(n);
        } else if (arg == QStringLiteral("--event-heartbeat")) {
            qint64 n = 0;
            if (!seconds(&n))
                return unexpected(QStringLiteral("--event-heartbeat needs a positive number of seconds"));
            options.eventHeartbeat = std::chrono::seconds(n);
        } else if (arg == QStringLiteral("--ssf-issuer")) {
            options.ssfIssuer = value().value_or(QString());
            const QUrl issuer(options.ssfIssuer, QUrl::StrictMode);
            // SSF §7.1: a URL with no query or fragment; the endpoints are issuer + path.
            if (!issuer.isValid() || issuer.host().isEmpty() || issuer.hasQuery() || issuer.hasFragment() ||
                (issuer.scheme() != u"https" && issuer.scheme() != u"http"))
                return unexpected(
                    QStringLiteral("--ssf-issuer needs an http(s) URL without query or fragment"));
            while (options.ssfIssuer.endsWith(u'/'))
                options.ssfIssuer.chop(1);
        } else if (arg == QStringLiteral("--ssf-key")) {
            options.ssfKey = value().value_or(QString());
            if (options.ssfKey.isEmpty())
                return unexpected(QStringLiteral("--ssf-key needs a file"));
        } else if (arg == QStringLiteral("--ssf-eddsa-key")) {
            options.ssfEddsaKey = value().value_or(QString());
            if (options.ssfEddsaKey.isEmpty())
                return unexpected(QStringLiteral("--ssf-eddsa-key needs a file"));
        } else if (arg == QStringLiteral("--ssf-retry-max") || arg == QStringLiteral("--ssf-pause-after") ||
                   arg == QStringLiteral("--ssf-retention") || arg == QStringLiteral("--ssf-long-poll")) {
            qint64 n = 0;
            if (!seconds(&n))
                return unexpected(QStringLiteral("%1 needs a positive number of seconds").arg(arg));
            (arg == u"--ssf-retry-max"     ? options.ssfRetryMax
             : arg == u"--ssf-pause-after" ? options.ssfPauseAfter
             : arg == u"--ssf-retention"   ? options.ssfRetention
                                           : options.ssfLongPoll) = std::chrono::seconds(n);
        } else if (arg == QStringLiteral("--policy-pdp")) {
            options.policyPdp = value().value_or(QString());
            const QUrl pdp(options.policyPdp, QUrl::StrictMode);
            if (!pdp.isValid() || pdp.host().isEmpty() || pdp.hasQuery() || pdp.hasFragment() ||
                (pdp.scheme() != u"https" && pdp.scheme() != u"http"))
                return unexpected(QStringLiteral("--policy-pdp needs the PDP's http(s) base URL, e.g. "
                                                 "http://127.0.0.1:3592"));
        } else if (arg == QStringLiteral("--policy-pdp-token")) {
            options.policyPdpTokenFile = value().value_or(QString());
            if (options.policyPdpTokenFile.isEmpty())
                return unexpected(QStringLiteral("--policy-pdp-token needs a file holding the token"));
        } else if (arg == QStringLiteral("--policy-timeout-ms")) {
            qint64 n = 0;
            if (!seconds(&n) || n > 60'000)
                return unexpected(QStringLiteral("--policy-timeout-ms needs milliseconds from 1 to 60000"));
            options.policyTimeout = std::chrono::milliseconds(n);
        } else if (arg == QStringLiteral("--policy-failure")) {
            const QString mode = value().value_or(QString());
            if (mode != u"closed" && mode != u"open")
                return unexpected(QStringLiteral("--policy-failure is closed or open"));
            options.policyFailOpen = mode == u"open";
        } else if (arg == QStringLiteral("--approval-ttl")) {
            if (!seconds(&options.approvalTtlSeconds))
                return unexpected(QStringLiteral("--approval-ttl needs a positive number of seconds"));
        } else {
            return unexpected(QStringLiteral("unknown option %1\n\n%2").arg(arg, usage()));
        }
    }
    if (options.policyPdp.isEmpty() && !options.policyPdpTokenFile.isEmpty())
        return unexpected(QStringLiteral("--policy-pdp-token needs --policy-pdp"));
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return unexpected(QStringLiteral("--tls-cert and --tls-key go together"));
    if (!options.host.isLoopback() && options.tlsCertificate.isEmpty() && !options.insecureListen) {
        return unexpected(QStringLiteral("refusing to serve plain HTTP on %1: give --tls-cert/--tls-key, or "
                                         "--insecure-listen when a TLS proxy sits in front")
                              .arg(options.host.toString()));
    }
    if (options.trustDomain.isEmpty())
        options.trustDomain =
            options.demo ? QStringLiteral("demo.mandate.local") : QStringLiteral("mandate.local");
    if (options.dataDir.isEmpty()) {
        options.dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                              .filePath(QStringLiteral("mandate-server"));
    }
    return options;
}

} // namespace mandate::server
