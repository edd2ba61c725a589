#pragma once

#include "core/Delegation.h"
#include "tests/support/MockClock.h"
#include "tests/support/TestValues.h"

namespace mandate::test {

// An active customer grant from Alice to the travel booker, created an hour before MockClock's
// start and expiring a week after it; tests change only what they are about.
class DelegationBuilder
{
public:
    explicit DelegationBuilder(const QString &id = QStringLiteral("dlg_1"),
                               const QDateTime &now = MockClock().now())
    {
        m_delegation.id = id;
        m_delegation.customerId = QStringLiteral("usr_alice");
        m_delegation.agentId = QStringLiteral("agt_travel");
        m_delegation.purpose = QStringLiteral("Book flights for the Berlin trip");
        m_delegation.createdAt = now.addSecs(-3600);
        m_delegation.expiresAt = now.addDays(7);
        m_delegation.chain = {
            ChainLink{ChainLink::Kind::Customer, QStringLiteral("usr_alice"), QStringLiteral("Alice"),
                      QString()},
            ChainLink{ChainLink::Kind::Agent, QStringLiteral("agt_travel"), QStringLiteral("Travel booker"),
                      QStringLiteral("spiffe://demo.mandate.local/travel-booker")},
        };
    }

    DelegationBuilder &scope(const Scope &scope)
    {
        m_delegation.scopes.append(scope);
        return *this;
    }
    DelegationBuilder &status(DelegationStatus status)
    {
        m_delegation.status = status;
        return *this;
    }
    DelegationBuilder &expiresAt(const QDateTime &at)
    {
        m_delegation.expiresAt = at;
        return *this;
    }
    DelegationBuilder &stepUp(const StepUpPolicy &policy)
    {
        m_delegation.stepUp = policy;
        return *this;
    }
    DelegationBuilder &dualControl(const DualControlPolicy &policy)
    {
        m_delegation.dualControl = policy;
        return *this;
    }
    DelegationBuilder &revokeOn(const RevokeOn &revokeOn)
    {
        m_delegation.revokeOn = revokeOn;
        return *this;
    }
    // What scope `index` has used so far; the delegation's totals follow from all scopes.
    DelegationBuilder &used(qsizetype index, qint64 uses, const QList<Money> &spent = {})
    {
        if (m_delegation.scopeUsage.size() <= index) {
            m_delegation.scopeUsage.resize(index + 1);
        }
        m_delegation.scopeUsage[index] = ScopeUsage{uses, spent};
        return *this;
    }
    DelegationBuilder &lastUsedAt(const QDateTime &at)
    {
        m_delegation.usage.lastUsedAt = at;
        return *this;
    }
    Delegation build() const
    {
        Delegation delegation = m_delegation;
        if (delegation.scopeUsage.size() < delegation.scopes.size()) {
            delegation.scopeUsage.resize(delegation.scopes.size());
        }
        delegation.usage.uses = 0;
        for (const ScopeUsage &usage : std::as_const(delegation.scopeUsage)) {
            delegation.usage.uses += usage.uses;
        }
        return delegation;
    }

    // The same delegation as the grant a customer would submit for it.
    DelegationGrant grant() const
    {
        DelegationGrant grant;
        grant.agentId = m_delegation.agentId;
        grant.agentSpiffeId =
            m_delegation.chain.isEmpty() ? QString() : m_delegation.chain.constLast().spiffeId;
        grant.purpose = m_delegation.purpose;
        grant.expiresAt = m_delegation.expiresAt;
        grant.scopes = m_delegation.scopes;
        grant.stepUp = m_delegation.stepUp;
        grant.dualControl = m_delegation.dualControl;
        grant.revokeOn = m_delegation.revokeOn;
        return grant;
    }

private:
    Delegation m_delegation;
};

// What an agent would submit to hand `delegation`'s terms on to another agent unchanged.
inline DelegationGrant subDelegationGrantOf(const Delegation &delegation)
{
    DelegationGrant grant;
    grant.agentSpiffeId = QStringLiteral("spiffe://demo.mandate.local/flight-booker");
    grant.purpose = delegation.purpose;
    grant.expiresAt = delegation.expiresAt;
    grant.scopes = delegation.scopes;
    grant.stepUp = delegation.stepUp;
    grant.dualControl = delegation.dualControl;
    grant.revokeOn = delegation.revokeOn;
    return grant;
}

} // namespace mandate::test
