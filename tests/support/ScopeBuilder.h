#pragma once

#include "core/Scope.h"
#include "tests/support/TestValues.h"

#include <QStringList>

namespace mandate::test {

// A scope with no limits unless a test adds them: `ScopeBuilder().perAction(20000).uses(3)`.
class ScopeBuilder
{
public:
    explicit ScopeBuilder(const QString &action = QStringLiteral("payments.initiate"),
                          const QString &resource = QStringLiteral("account:acc_1"))
    {
        m_scope.action = action;
        m_scope.resource = pattern(resource);
    }

    ScopeBuilder &perAction(qint64 amountMinor, const QString &currency = QStringLiteral("EUR"))
    {
        m_scope.maxPerAction = money(amountMinor, currency);
        return *this;
    }
    ScopeBuilder &total(qint64 amountMinor, const QString &currency = QStringLiteral("EUR"))
    {
        m_scope.maxTotal = money(amountMinor, currency);
        return *this;
    }
    ScopeBuilder &uses(qint64 maxUses)
    {
        m_scope.maxUses = maxUses;
        return *this;
    }
    ScopeBuilder &destinations(const QStringList &patterns)
    {
        QList<ResourcePattern> parsed;
        for (const QString &text : patterns) {
            parsed.append(pattern(text));
        }
        m_scope.destinations = parsed;
        return *this;
    }
    ScopeBuilder &maxSensitivity(Sensitivity level)
    {
        m_scope.maxSensitivity = level;
        return *this;
    }

    Scope build() const { return m_scope; }
    operator Scope() const { return m_scope; }

private:
    Scope m_scope;
};

} // namespace mandate::test
