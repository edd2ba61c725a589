#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Decision.h"
#include "core/Expected.h"
#include "core/FieldError.h"

#include <QJsonObject>

namespace mandate {

class CanonicalJsonWriter;

// POST /v1/authorize: the agent's request and the server's decision.
class AuthorizeCodec
{
public:
    static QJsonObject requestToJson(const AuthorizeRequest &request);
    // The request as a decision's audit event records it: requestToJson() without delegation_id
    // (the event names its delegation itself), written straight into `out`.
    static void writeAudited(CanonicalJsonWriter &out, const AuthorizeRequest &request);
    static Expected<AuthorizeRequest, FieldErrors> requestFromJson(const QJsonObject &json);
    // The decision as authorize answers it, written without a QJsonObject in between: the store
    // thread writes one per decision. decisionToJson() is the same, parsed.
    static QByteArray decisionBytes(const Decision &decision);
    static QJsonObject decisionToJson(const Decision &decision);
    static Expected<Decision, FieldErrors> decisionFromJson(const QJsonObject &json);
};

} // namespace mandate
