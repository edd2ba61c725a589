#include "server/policy/OrgPolicyQuestion.h"

#include "core/Timestamp.h"

namespace mandate::server {

OrgPolicyQuestion OrgPolicyQuestion::about(const AuthorizeRequest &request, const Delegation &delegation,
                                           int depth, const QString &agentSpiffeId, const QString &agentName,
                                           const QDateTime &now)
{
    OrgPolicyQuestion question;
    question.agentSpiffeId = agentSpiffeId;
    question.agentName = agentName;
    question.depth = depth;
    question.request = request;
    question.customerId = delegation.customerId;
    question.purpose = delegation.purpose;
    question.now = now;
    if (request.amount) {
        question.spentMinor = 0;
        for (const Money &spent : delegation.usage.spent) {
            if (spent.currency() == request.amount->currency())
                question.spentMinor = spent.amountMinor();
        }
    }
    return question;
}

QJsonObject OrgPolicyQuestion::evaluation(const QString &approval) const
{
    // "account:acc_alice_main" → type "account", id "acc_alice_main"; a pattern without a kind is
    // its own id under the type "resource".
    const qsizetype colon = request.resource.indexOf(u':');
    const QString type = colon > 0 ? request.resource.left(colon) : QStringLiteral("resource");
    const QString id = colon > 0 ? request.resource.mid(colon + 1) : request.resource;

    QJsonObject resourceFacts{{QStringLiteral("approval"), approval}};
    if (request.amount) {
        resourceFacts.insert(QStringLiteral("amount_minor"), request.amount->amountMinor());
        resourceFacts.insert(QStringLiteral("currency"), request.amount->currency());
    }
    if (request.destination)
        resourceFacts.insert(QStringLiteral("destination"), *request.destination);
    if (request.sensitivity)
        resourceFacts.insert(QStringLiteral("sensitivity"), sensitivityToString(*request.sensitivity));

    QJsonObject context{{QStringLiteral("time"), formatTimestamp(now)},
                        {QStringLiteral("purpose"), purpose},
                        {QStringLiteral("approval"), approval}};
    if (spentMinor)
        context.insert(QStringLiteral("spent_minor"), *spentMinor);

    QJsonObject subjectFacts{{QStringLiteral("customer_id"), customerId},
                             {QStringLiteral("delegation_id"), request.delegationId},
                             {QStringLiteral("depth"), depth}};
    if (!agentName.isEmpty())
        subjectFacts.insert(QStringLiteral("name"), agentName);

    return {{QStringLiteral("subject"), QJsonObject{{QStringLiteral("type"), QStringLiteral("agent")},
                                                    {QStringLiteral("id"), agentSpiffeId},
                                                    {QStringLiteral("properties"), subjectFacts}}},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("name"), request.action}}},
            {QStringLiteral("resource"), QJsonObject{{QStringLiteral("type"), type},
                                                     {QStringLiteral("id"), id},
                                                     {QStringLiteral("properties"), resourceFacts}}},
            {QStringLiteral("context"), context}};
}

} // namespace mandate::server
