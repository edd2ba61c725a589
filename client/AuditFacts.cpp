#include "client/AuditFacts.h"

#include "core/AuthorizeCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mandate::client {

AuditFacts AuditFacts::of(const AuditEvent &event)
{
    const QJsonObject &data = event.data;
    AuditFacts facts;
    facts.decision = data.value(QStringLiteral("decision")).toString();
    facts.reason = data.value(QStringLiteral("reason")).toString();
    facts.decisionId = data.value(QStringLiteral("decision_id")).toString();
    facts.approvalId = data.value(QStringLiteral("approval_id")).toString();
    facts.requestedDelegationId = data.value(QStringLiteral("requested_delegation_id")).toString();
    if (const QJsonValue request = data.value(QStringLiteral("request")); request.isObject()) {
        // The server records the authorize request without its delegation_id (the event names it).
        QJsonObject json = request.toObject();
        json.insert(QStringLiteral("delegation_id"),
                    event.delegationId.value_or(facts.requestedDelegationId.isEmpty()
                                                    ? QStringLiteral("-")
                                                    : facts.requestedDelegationId));
        if (auto read = AuthorizeCodec::requestFromJson(json))
            facts.request = std::move(read.value());
    }
    facts.grantPurpose =
        data.value(QStringLiteral("grant")).toObject().value(QStringLiteral("purpose")).toString();
    if (facts.grantPurpose.isEmpty()) // the demo's seeded grants record their purpose directly
        facts.grantPurpose = data.value(QStringLiteral("purpose")).toString();
    facts.routedTo = data.value(QStringLiteral("routed_to")).toString();
    facts.approvalSummary =
        data.value(QStringLiteral("approval")).toObject().value(QStringLiteral("summary")).toString();
    facts.cause = data.value(QStringLiteral("cause")).toString();
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it->isString() || it->isDouble() || it->isBool())
            facts.plainFields.append({it.key(), it->toVariant().toString()});
    }
    facts.dataText = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Indented)).trimmed();
    return facts;
}

} // namespace mandate::client
