#include "agent/EvaluateCommand.h"

#include "agent/ExitCode.h"
#include "agent/Session.h"

#include <QJsonArray>
#include <QTextStream>

namespace mandate::agent {

namespace {

int evaluationFailed(const QString &message)
{
    QTextStream(stderr) << "mandate-agent: evaluate: " << message << '\n';
    return UsageOrTransport;
}

QString contextString(const QJsonObject &context, const QString &key)
{
    return context.value(key).toString();
}

} // namespace

Expected<authzen::Evaluation, QString> EvaluateCommand::evaluation(const Options &options)
{
    if (options.subject.isEmpty() || options.action.isEmpty() || options.resource.isEmpty())
        return unexpected(QStringLiteral("evaluate needs --action and --resource, and the agent's SPIFFE ID "
                                         "(--agent) when an enforcement point asks."));
    if (!options.subject.startsWith(u"spiffe://"))
        return unexpected(QStringLiteral("The agent must be named by its SPIFFE ID (spiffe://…), not '%1'.")
                              .arg(options.subject));
    // The resource's type and id are AuthZEN's two members; Mandate joins them again as TYPE:ID.
    const qsizetype colon = options.resource.indexOf(u':');
    if (colon <= 0 || colon == options.resource.size() - 1)
        return unexpected(QStringLiteral("--resource takes TYPE:ID, such as account:acc_1, not '%1'.")
                              .arg(options.resource));
    authzen::Evaluation evaluation;
    evaluation.subject = {QStringLiteral("agent"), options.subject, {}};
    evaluation.action = {options.action, {}};
    evaluation.resource = {options.resource.left(colon), options.resource.mid(colon + 1), {}};
    evaluation.context = options.context;
    return evaluation;
}

int EvaluateCommand::run(Session &caller, const Options &options)
{
    const auto request = evaluation(options);
    if (!request)
        return evaluationFailed(request.error());
    const CallResult answer = caller.wait(caller.agent().evaluate(*request, options.requestId));
    if (!answer.ok) {
        if (answer.error.kind == client::ApiError::Kind::Unauthenticated)
            return evaluationFailed(QStringLiteral("the server did not accept %1 (HTTP 401): %2")
                                        .arg(options.asEnforcementPoint
                                                 ? QStringLiteral("the enforcement point's token")
                                                 : QStringLiteral("the agent's identity"),
                                             answer.problem()));
        const QString status = answer.status ? QStringLiteral(" (HTTP %1)").arg(answer.status) : QString();
        return evaluationFailed(QStringLiteral("refused%1: %2").arg(status, answer.problem()));
    }
    const auto decision = authzen::Decision::fromJson(answer.body);
    if (!decision)
        return evaluationFailed(
            QStringLiteral("the server's answer does not follow AuthZEN: %1").arg(decision.error()));

    const QJsonObject &context = decision->context;
    const QString reason = contextString(context, QStringLiteral("reason"));
    const QString sentence =
        context.value(QStringLiteral("reason_user")).toObject().value(QStringLiteral("en")).toString();
    QTextStream out(stdout);
    out << "decision: " << (decision->decision ? "permit" : "deny") << '\n';
    if (!reason.isEmpty() || !sentence.isEmpty())
        out << "reason: " << sentence << (reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason))
            << '\n';
    if (const QString id = contextString(context, QStringLiteral("decision_id")); !id.isEmpty())
        out << "decision_id: " << id << '\n';
    // Several delegations reach the request: the caller names one with --delegation.
    const QJsonArray candidates = context.value(QStringLiteral("delegation_ids")).toArray();
    if (!candidates.isEmpty()) {
        QStringList ids;
        for (const QJsonValue &id : candidates)
            ids.append(id.toString());
        out << "delegations: " << ids.join(QStringLiteral(", ")) << '\n';
    }
    const QJsonObject accessRequest = context.value(QStringLiteral("access_request")).toObject();
    if (decision->decision)
        return Allowed;
    if (accessRequest.isEmpty())
        return Denied;
    const QString approvalId = contextString(accessRequest, QStringLiteral("id"));
    out << "access_request: " << approvalId << " (" << contextString(accessRequest, QStringLiteral("status"))
        << ")\n"
        << "expires_at: " << contextString(accessRequest, QStringLiteral("expires_at")) << '\n'
        << "status_url: " << contextString(accessRequest, QStringLiteral("status_url")) << '\n'
        << "next: once a person approved it, ask again with --approval " << approvalId << '\n';
    return ApprovalNeeded;
}

} // namespace mandate::agent
