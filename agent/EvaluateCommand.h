#pragma once

#include "core/AuthZen.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace mandate::agent {

class Session;

// `mandate-agent evaluate`: one OpenID AuthZEN evaluation (POST /access/v1/evaluation), asked as
// the agent about itself or as an enforcement point (a gateway, an MCP server) about an agent —
// the question a gateway asks before it lets the agent's call through. Prints the decision, its
// reason, the decision id and, for a step-up or dual control, the access request.
class EvaluateCommand
{
public:
    struct Options
    {
        QString subject;      // the agent's SPIFFE ID
        QString action;       // payments.initiate
        QString resource;     // TYPE:ID, as /v1/authorize names resources (account:acc_1)
        QJsonObject context;  // the facts /v1/authorize takes: delegation_id, amount, destination, …
        QByteArray requestId; // X-Request-ID, the evaluation's idempotency key when set
        bool asEnforcementPoint = false; // whose credential a 401 refused
    };

    // The AuthZEN request for `options`, or one sentence on what is missing or malformed.
    static Expected<authzen::Evaluation, QString> evaluation(const Options &options);

    // Asks as `caller` and prints the answer. Returns an ExitCode: Allowed for a permit,
    // ApprovalNeeded for an access request (a person must approve first), Denied for any other deny.
    static int run(Session &caller, const Options &options);
};

} // namespace mandate::agent
