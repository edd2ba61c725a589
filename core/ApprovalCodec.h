#pragma once

#include "core/Approval.h"
#include "core/Expected.h"
#include "core/FieldError.h"

#include <QJsonObject>

namespace mandate {

// JSON codec for approvals (API.md "Approvals"), as strict as every other reader. A decision's
// "reason" is written as null when there is none.
class ApprovalCodec
{
public:
    static constexpr qsizetype MaxReasonLength = 1000;
    static constexpr qsizetype MaxDecisions = 16;

    static QJsonObject toJson(const Approval &approval);
    static Expected<Approval, FieldErrors> fromJson(const QJsonObject &json);

    // The body of POST /v1/approvals/{id}/decisions: {"decision", "reason"}.
    struct DecisionBody
    {
        ApprovalVerdict verdict = ApprovalVerdict::Approve;
        QString reason;
        std::optional<Money> narrowed = std::nullopt; // "narrowed": {"amount"}: approve at most this much
    };
    // "reason" is optional (≤ 1000 characters); whether a deny has a good enough one is the
    // ApprovalStateMachine's call.
    static Expected<DecisionBody, FieldErrors> decisionBodyFromJson(const QJsonObject &json);
    static QJsonObject decisionBodyToJson(const DecisionBody &body);
};

} // namespace mandate
