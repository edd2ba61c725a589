#pragma once

#include "tests/support/DelegationBuilder.h"
#include "tests/support/ScopeBuilder.h"

namespace mandate::test {

// Alice's grant to the travel booker with every optional part present, revoked after some use,
// with one sub-delegation below it.
inline Delegation fullyPopulatedDelegation()
{
    Delegation delegation =
        DelegationBuilder(QStringLiteral("dlg_1"))
            .scope(ScopeBuilder()
                       .perAction(50000)
                       .total(120000)
                       .uses(10)
                       .destinations({QStringLiteral("payee:lufthansa"), QStringLiteral("payee:db-*")})
                       .maxSensitivity(Sensitivity::Confidential))
            .scope(ScopeBuilder(QStringLiteral("data.read"), QStringLiteral("dataset:crm-*")))
            .stepUp(StepUpPolicy{money(20000), Sensitivity::Confidential, StepUpApprover::Approver})
            .dualControl(DualControlPolicy{money(100000), {QStringLiteral("records.delete")}})
            .revokeOn(RevokeOn{true, 3600, true})
            .used(0, 2, {money(42000)})
            .used(1, 1)
            .lastUsedAt(QDateTime(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC))
            .status(DelegationStatus::Revoked)
            .build();
    delegation.parentId = QStringLiteral("dlg_0");
    delegation.purpose = QString::fromUtf8("Book flights for the Berlin trip, 3\xE2\x80\x93"
                                           "6 Dec");
    delegation.revokedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 45), Qt::UTC);
    delegation.revokedBy = QStringLiteral("usr_sam");
    delegation.revokeReason = QStringLiteral("customer asked");
    delegation.usage.spent = {money(42000)};
    delegation.children = {QStringLiteral("dlg_2")};
    return delegation;
}

} // namespace mandate::test
