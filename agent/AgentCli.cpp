#include "agent/AgentCli.h"

#include "agent/AgentIdentity.h"
#include "agent/DecimalAmount.h"
#include "agent/EvaluateCommand.h"
#include "agent/ExitCode.h"
#include "agent/LoadRun.h"
#include "agent/LogWitnessCommand.h"
#include "agent/ReceiptCheckCommand.h"
#include "agent/Scenario.h"
#include "agent/Session.h"
#include "agent/SsfReceive.h"
#include "agent/SubDelegationDraft.h"
#include "core/AuthorizeCodec.h"
#include "core/Decision.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace mandate::agent {

namespace {

constexpr int ApprovalPollMs = 2000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int usage(const QString &message)
{
    QTextStream(stderr) << "mandate-agent: " << message << '\n';
    return UsageOrTransport;
}

int failed(const QString &what, const CallResult &result)
{
    if (result.error.kind == client::ApiError::Kind::Unauthenticated)
        return usage(what + QStringLiteral(": the server did not accept the agent's identity (HTTP 401): ") +
                     result.problem());
    const QString status = result.status ? QStringLiteral(" (HTTP %1)").arg(result.status) : QString();
    return usage(what + status + QStringLiteral(": ") + result.problem());
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

class Cli
{
public:
    explicit Cli(const QStringList &arguments);
    // Ends the minting admin's session: re-runs from a script must not pile up live tokens.
    ~Cli();
    int run();

private:
    bool connectAgent(QString *error);
    int authorize();
    int evaluate();
    int credential();
    int subdelegate();
    int complete();
    // What the options say about one request; authorizeRequest() also insists on what
    // /v1/authorize requires, evaluationContext() turns it into an AuthZEN context.
    Expected<AuthorizeRequest, QString> requestFacts() const;
    Expected<AuthorizeRequest, QString> authorizeRequest() const;
    Expected<QJsonObject, QString> evaluationContext() const;
    Expected<DelegationGrant, QString> subDelegationGrant();

    const QStringList m_arguments;
    QCommandLineParser m_parser;
    QUrl m_server;
    std::unique_ptr<Session> m_agent;
    // The admin who minted the SVID (demo only); also reads a parent delegation for --from-parent,
    // which an agent's own identity may not.
    std::unique_ptr<Session> m_admin;
};

Cli::Cli(const QStringList &arguments)
    : m_arguments(arguments)
{
    m_parser.setApplicationDescription(
        QStringLiteral("An agent that asks mandate-server for permission before it acts.\n"
                       "Subcommands: authorize, evaluate (OpenID AuthZEN, as the agent or as an\n"
                       "enforcement point), credential, subdelegate, complete, scenario, load,\n"
                       "witness (check the audit log's checkpoint), verify-receipt FILE (offline),\n"
                       "ssf-receive (a Shared Signals receiver that prints verified events)."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(QStringLiteral("subcommand"), QStringLiteral("What to do."));
    const auto option = [this](const char *name, const char *description, const char *value = nullptr) {
        m_parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(description),
                                              value ? QString::fromLatin1(value) : QString()));
    };
    option("server", "The mandate-server URL (default http://127.0.0.1:8787).", "URL");
    option("svid", "The agent's JWT-SVID from this file, or - for standard input.", "FILE");
    option("mint-as", "Demo: sign in as this admin and mint the agent's SVID.", "USER[:PASSWORD]");
    option("agent",
           "Demo: the agent (name or SPIFFE ID) whose SVID --mint-as mints; evaluate: the agent asked "
           "about (its SPIFFE ID; as the agent, its own by default).",
           "NAME");
    option("ep-token", "evaluate: ask as an enforcement point, with its token from FILE or - (stdin).",
           "FILE");
    option("delegation", "The delegation to act under (evaluate: optional when only one reaches).", "ID");
    option("action", "authorize, evaluate: the action, e.g. payments.initiate.", "ACTION");
    option("resource", "authorize, evaluate: the resource TYPE:ID, e.g. account:acc_1.", "RESOURCE");
    option("amount", "authorize, evaluate: a decimal amount, e.g. 12.50.", "AMOUNT");
    option("currency", "authorize, evaluate: the ISO 4217 currency of --amount (default EUR).", "CODE");
    option("destination", "authorize, evaluate: where the money or data goes.", "DESTINATION");
    option("sensitivity", "authorize, evaluate: public, internal, confidential or restricted.", "LEVEL");
    option("context", "authorize, evaluate: a context entry (repeatable).", "KEY=VALUE");
    option("approval", "authorize, evaluate: ask again with this approval.", "ID");
    option("request-id", "evaluate: the X-Request-ID; a retry with the same one reserves once.", "ID");
    option("wait-approval", "authorize: wait this long for a person to decide.", "SECONDS");
    option("ttl", "credential: lifetime in seconds (1..900).", "SECONDS");
    option("print-token", "credential: also print the token.");
    option("to", "subdelegate: the SPIFFE ID of the agent receiving the sub-delegation.", "SPIFFE_ID");
    option("purpose", "subdelegate: why.", "TEXT");
    option("scope-json", "subdelegate: the scopes as a JSON array, or an object with scopes and thresholds.",
           "FILE");
    option("from-parent", "subdelegate: copy the parent's scopes and thresholds (needs --mint-as).");
    option("expires-in", "subdelegate: lifetime in seconds (default 3600).", "SECONDS");
    option("connections", "load: parallel connections (1..64, default 8).", "N");
    option("seconds", "load: how long (1..60, default 10); ssf-receive: how long to listen.", "S");
    option("state", "witness: the file that keeps the last verified checkpoint.", "FILE");
    option("verifier-key", "witness, verify-receipt: the audit log's note verifier key.", "KEY");
    option("receiver-token", "ssf-receive: the file holding the receiver token an admin registered.", "FILE");
    option("port", "ssf-receive: the port on 127.0.0.1 to listen on (default: any free one).", "PORT");
    option("count", "ssf-receive: stop after printing this many events.", "N");
}

Cli::~Cli()
{
    if (m_admin)
        m_admin->signOut();
}

int Cli::run()
{
    if (!m_parser.parse(m_arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << m_parser.helpText();
        return Allowed;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Allowed;
    }
    m_server = QUrl(m_parser.isSet(QStringLiteral("server")) ? m_parser.value(QStringLiteral("server"))
                                                             : QStringLiteral("http://127.0.0.1:8787"));
    if (!m_server.isValid() || (m_server.scheme() != u"http" && m_server.scheme() != u"https"))
        return usage(QStringLiteral("--server needs an http or https URL."));
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() == 2 && positional.first() == u"verify-receipt")
        return ReceiptCheckCommand::run(positional.at(1),
                                        m_parser.isSet(QStringLiteral("verifier-key"))
                                            ? std::optional(m_parser.value(QStringLiteral("verifier-key")))
                                            : std::nullopt);
    if (positional.size() != 1)
        return usage(
            QStringLiteral("Name one subcommand (verify-receipt: and the receipt's file); see --help."));
    const QString command = positional.first();
    if (command == u"scenario")
        return Scenario(m_server).run();
    if (command == u"verify-receipt")
        return usage(QStringLiteral("verify-receipt needs the receipt's file."));
    if (command == u"witness") {
        // Public endpoints: a witness needs no identity, only the key it pins.
        if (!m_parser.isSet(QStringLiteral("state")) || !m_parser.isSet(QStringLiteral("verifier-key")))
            return usage(QStringLiteral("witness needs --state FILE and --verifier-key KEY."));
        return LogWitnessCommand::run({m_server, m_parser.value(QStringLiteral("state")),
                                       m_parser.value(QStringLiteral("verifier-key"))});
    }
    if (command == u"ssf-receive") {
        if (!m_parser.isSet(QStringLiteral("receiver-token")))
            return usage(QStringLiteral("ssf-receive needs --receiver-token FILE."));
        SsfReceive::Options options;
        options.server = m_server;
        options.tokenFile = m_parser.value(QStringLiteral("receiver-token"));
        options.port = static_cast<quint16>(m_parser.value(QStringLiteral("port")).toUInt());
        options.count = m_parser.value(QStringLiteral("count")).toInt();
        options.seconds = m_parser.value(QStringLiteral("seconds")).toInt();
        return SsfReceive(options).run();
    }

    if (command == u"evaluate")
        return evaluate();
    if (command == u"load" && !LoadRun::isLoopback(m_server))
        return usage(QStringLiteral("load only runs against a server on this machine (loopback)."));
    QString error;
    if (!connectAgent(&error))
        return usage(error);
    if (command == u"authorize")
        return authorize();
    if (command == u"credential")
        return credential();
    if (command == u"subdelegate")
        return subdelegate();
    if (command == u"complete")
        return complete();
    if (command == u"load") {
        auto request = authorizeRequest();
        if (!request)
            return usage(request.error());
        LoadRun::Options options;
        options.request = *request;
        options.svid = m_agent->client().token();
        if (m_parser.isSet(QStringLiteral("connections")))
            options.connections = m_parser.value(QStringLiteral("connections")).toInt();
        if (m_parser.isSet(QStringLiteral("seconds")))
            options.seconds = m_parser.value(QStringLiteral("seconds")).toInt();
        return LoadRun(m_server, options).run();
    }
    return usage(QStringLiteral("Unknown subcommand %1; see --help.").arg(command));
}

bool Cli::connectAgent(QString *error)
{
    m_agent = std::make_unique<Session>(m_server);
    if (m_parser.isSet(QStringLiteral("svid"))) {
        const auto svid = AgentIdentity::readSvid(m_parser.value(QStringLiteral("svid")));
        if (!svid) {
            *error = svid.error();
            return false;
        }
        m_agent->useSvid(*svid);
        return true;
    }
    if (!m_parser.isSet(QStringLiteral("mint-as")) || !m_parser.isSet(QStringLiteral("agent"))) {
        *error = QStringLiteral("Give the agent an identity: --svid FILE, or --mint-as USER --agent NAME.");
        return false;
    }
    m_admin = std::make_unique<Session>(m_server);
    if (!AgentIdentity::signIn(*m_admin, m_parser.value(QStringLiteral("mint-as")), error))
        return false;
    const auto svid = AgentIdentity::mint(*m_admin, m_parser.value(QStringLiteral("agent")));
    if (!svid) {
        *error = svid.error();
        return false;
    }
    m_agent->useSvid(*svid);
    return true;
}

Expected<AuthorizeRequest, QString> Cli::authorizeRequest() const
{
    auto request = requestFacts();
    if (request &&
        (request->delegationId.isEmpty() || request->action.isEmpty() || request->resource.isEmpty()))
        return unexpected(QStringLiteral("authorize and load need --delegation, --action and --resource."));
    return request;
}

Expected<QJsonObject, QString> Cli::evaluationContext() const
{
    const auto request = requestFacts();
    if (!request)
        return unexpected(request.error());
    // The same facts under the same names as /v1/authorize; action and resource are AuthZEN's own
    // members, and what was not given is left out rather than sent as null.
    QJsonObject context = AuthorizeCodec::requestToJson(*request);
    context.remove(QStringLiteral("action"));
    context.remove(QStringLiteral("resource"));
    for (const QString &key : context.keys()) {
        const QJsonValue value = context.value(key);
        if (value.isNull() || (value.isString() && value.toString().isEmpty()) ||
            (value.isObject() && value.toObject().isEmpty()))
            context.remove(key);
    }
    return context;
}

Expected<AuthorizeRequest, QString> Cli::requestFacts() const
{
    AuthorizeRequest request;
    request.delegationId = m_parser.value(QStringLiteral("delegation"));
    request.action = m_parser.value(QStringLiteral("action"));
    request.resource = m_parser.value(QStringLiteral("resource"));
    if (m_parser.isSet(QStringLiteral("amount"))) {
        const QString currency = m_parser.isSet(QStringLiteral("currency"))
                                     ? m_parser.value(QStringLiteral("currency"))
                                     : QStringLiteral("EUR");
        const auto amount = DecimalAmount::parse(m_parser.value(QStringLiteral("amount")), currency);
        if (!amount)
            return unexpected(amount.error());
        request.amount = *amount;
    }
    if (m_parser.isSet(QStringLiteral("destination")))
        request.destination = m_parser.value(QStringLiteral("destination"));
    if (m_parser.isSet(QStringLiteral("sensitivity"))) {
        request.sensitivity = sensitivityFromString(m_parser.value(QStringLiteral("sensitivity")));
        if (!request.sensitivity)
            return unexpected(
                QStringLiteral("--sensitivity is one of public, internal, confidential, restricted."));
    }
    for (const QString &entry : m_parser.values(QStringLiteral("context"))) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals <= 0)
            return unexpected(QStringLiteral("--context takes KEY=VALUE, not '%1'.").arg(entry));
        request.context.insert(entry.left(equals), entry.mid(equals + 1));
    }
    if (m_parser.isSet(QStringLiteral("approval")))
        request.approvalId = m_parser.value(QStringLiteral("approval"));
    return request;
}

int Cli::authorize()
{
    auto request = authorizeRequest();
    if (!request)
        return usage(request.error());
    bool ok = true;
    const int waitSeconds = m_parser.isSet(QStringLiteral("wait-approval"))
                                ? m_parser.value(QStringLiteral("wait-approval")).toInt(&ok)
                                : 0;
    if (!ok || waitSeconds < 0)
        return usage(QStringLiteral("--wait-approval takes a number of seconds."));
    const QDateTime deadline = QDateTime::currentDateTimeUtc().addSecs(waitSeconds);
    while (true) {
        const CallResult answer = m_agent->wait(m_agent->agent().authorize(*request));
        if (!answer.ok)
            return failed(QStringLiteral("authorize failed"), answer);
        const auto decision = AuthorizeCodec::decisionFromJson(answer.body);
        if (!decision)
            return usage(QStringLiteral("The server's decision does not follow the contract."));
        out() << decisionOutcomeToString(decision->outcome) << ' ' << reasonCodeToString(decision->reason)
              << ' ' << decision->message;
        if (decision->approvalId)
            out() << " [" << *decision->approvalId << ']';
        out() << Qt::endl;
        const bool waiting = decision->outcome == DecisionOutcome::StepUpRequired ||
                             decision->outcome == DecisionOutcome::DualControlRequired;
        if (decision->outcome == DecisionOutcome::Allow)
            return Allowed;
        if (!waiting)
            return Denied;
        if (!decision->approvalId || QDateTime::currentDateTimeUtc() >= deadline)
            return ApprovalNeeded;
        // Approvals are for people to read; the agent learns the outcome by asking again with the
        // approval, which answers approval_pending until someone decided and allows (once) after.
        request->approvalId = decision->approvalId;
        pause(ApprovalPollMs);
    }
}

int Cli::evaluate()
{
    EvaluateCommand::Options options;
    options.action = m_parser.value(QStringLiteral("action"));
    options.resource = m_parser.value(QStringLiteral("resource"));
    options.requestId = m_parser.value(QStringLiteral("request-id")).toUtf8();
    const auto context = evaluationContext();
    if (!context)
        return usage(context.error());
    options.context = *context;
    const QString named = m_parser.value(QStringLiteral("agent"));
    if (m_parser.isSet(QStringLiteral("ep-token"))) {
        if (m_parser.isSet(QStringLiteral("svid")) || m_parser.isSet(QStringLiteral("mint-as")))
            return usage(QStringLiteral("evaluate asks as an enforcement point (--ep-token) or as the agent "
                                        "(--svid, --mint-as), not as both."));
        const auto token = AgentIdentity::readEnforcementToken(m_parser.value(QStringLiteral("ep-token")));
        if (!token)
            return usage(token.error());
        m_agent = std::make_unique<Session>(m_server);
        m_agent->client().setToken(*token);
        options.subject = named;
        options.asEnforcementPoint = true;
        return EvaluateCommand::run(*m_agent, options);
    }
    QString error;
    if (!connectAgent(&error))
        return usage(error);
    if (named.startsWith(u"spiffe://")) {
        options.subject = named;
    } else {
        // --agent named it for --mint-as, or not at all: the agent asks about itself.
        const auto own = AgentIdentity::spiffeIdOf(m_agent->client().token());
        if (!own)
            return usage(own.error());
        options.subject = *own;
    }
    return EvaluateCommand::run(*m_agent, options);
}

int Cli::credential()
{
    const QString delegationId = m_parser.value(QStringLiteral("delegation"));
    bool ok = false;
    const int ttl = m_parser.value(QStringLiteral("ttl")).toInt(&ok);
    if (delegationId.isEmpty() || !ok || ttl < 1 || ttl > 900)
        return usage(QStringLiteral("credential needs --delegation and --ttl between 1 and 900 seconds."));
    const CallResult issued = m_agent->wait(m_agent->agent().credential(delegationId, ttl));
    if (!issued.ok)
        return failed(QStringLiteral("credential failed"), issued);
    out() << "expires_at " << issued.body.value(QStringLiteral("expires_at")).toString() << Qt::endl;
    // A bearer token on a terminal ends up in scrollback and logs; it is printed only on request.
    if (m_parser.isSet(QStringLiteral("print-token")))
        out() << issued.body.value(QStringLiteral("token")).toString() << Qt::endl;
    return Allowed;
}

Expected<DelegationGrant, QString> Cli::subDelegationGrant()
{
    const QString parentId = m_parser.value(QStringLiteral("delegation"));
    const QString to = m_parser.value(QStringLiteral("to"));
    const QString purpose = m_parser.value(QStringLiteral("purpose"));
    const int lifetime = m_parser.isSet(QStringLiteral("expires-in"))
                             ? m_parser.value(QStringLiteral("expires-in")).toInt()
                             : 3600;
    const QDateTime expiresAt = QDateTime::currentDateTimeUtc().addSecs(lifetime);
    if (m_parser.isSet(QStringLiteral("scope-json")))
        return SubDelegationDraft::fromFile(m_parser.value(QStringLiteral("scope-json")), to, purpose,
                                            expiresAt);
    if (!m_parser.isSet(QStringLiteral("from-parent")))
        return unexpected(QStringLiteral("subdelegate needs --scope-json FILE or --from-parent."));
    if (!m_admin)
        return unexpected(
            QStringLiteral("--from-parent reads the parent delegation, which only a person may; "
                           "use --mint-as or --scope-json."));
    const auto parent = m_admin->wait(m_admin->people().delegation(parentId));
    if (!parent.ok())
        return unexpected(QStringLiteral("Cannot read %1: %2").arg(parentId, parent.problem()));
    return SubDelegationDraft::fromParent(*parent.value, to, purpose, expiresAt);
}

int Cli::subdelegate()
{
    if (m_parser.value(QStringLiteral("delegation")).isEmpty() ||
        m_parser.value(QStringLiteral("to")).isEmpty() || m_parser.value(QStringLiteral("purpose")).isEmpty())
        return usage(QStringLiteral("subdelegate needs --delegation, --to and --purpose."));
    const auto grant = subDelegationGrant();
    if (!grant)
        return usage(grant.error());
    const CallResult created =
        m_agent->wait(m_agent->agent().subdelegate(m_parser.value(QStringLiteral("delegation")), *grant));
    if (!created.ok) {
        QStringList widenings;
        for (const FieldError &e : created.error.fieldErrors)
            widenings.append(e.field);
        return failed(
            QStringLiteral("subdelegate refused") +
                (widenings.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(widenings.join(u", "))),
            created);
    }
    out() << created.body.value(QStringLiteral("id")).toString() << Qt::endl;
    return Allowed;
}

int Cli::complete()
{
    const QString delegationId = m_parser.value(QStringLiteral("delegation"));
    if (delegationId.isEmpty())
        return usage(QStringLiteral("complete needs --delegation."));
    const CallResult done = m_agent->wait(m_agent->agent().complete(delegationId));
    if (!done.ok)
        return failed(QStringLiteral("complete failed"), done);
    out() << delegationId << ' ' << done.body.value(QStringLiteral("status")).toString() << Qt::endl;
    return Allowed;
}

} // namespace

int AgentCli::run(const QStringList &arguments)
{
    Cli cli(arguments);
    return cli.run();
}

} // namespace mandate::agent
