#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"

#include <QDateTime>
#include <QJsonObject>

namespace mandate::server {

// What Mandate asks the organisation's policy engine about one request: an AuthZEN 1.0
// evaluation in the shape API.md ("Org policy") promises to policy authors, so a rule can read
// the amount, destination, sensitivity and whether a person will confirm.
struct OrgPolicyQuestion
{
    QString decisionId; // sent as X-Request-ID
    QString agentSpiffeId;
    QString agentName;
    int depth = 1;
    AuthorizeRequest request;
    QString customerId;
    QString purpose;
    std::optional<qint64> spentMinor; // on this delegation, in the request's currency
    QDateTime now;

    static OrgPolicyQuestion about(const AuthorizeRequest &request, const Delegation &delegation, int depth,
                                   const QString &agentSpiffeId, const QString &agentName,
                                   const QDateTime &now);

    // `approval` is "none" (may the agent do this with nobody confirming?) or "person".
    QJsonObject evaluation(const QString &approval) const;
};

} // namespace mandate::server
