#include "core/Attenuation.h"
#include "core/DecisionEngine.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/MockClock.h"
#include "tests/support/ScopeBuilder.h"
#include "tests/support/TestValues.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mandate;
using namespace mandate::test;

// A decision through a chain of delegations never lets through what a link of the chain would
// refuse on its own, however the scopes overlap and whatever a sub-delegation claims: the engine
// checks every limit of every ancestor, and attenuation accepts only children the engine would
// confine to their parent anyway.
namespace {

const QDateTime kNow = MockClock().now();
const QStringList kAgents{QStringLiteral("agt_root"), QStringLiteral("agt_child"),
                          QStringLiteral("agt_grandchild")};

quint32 randomSeed()
{
    // Fixed so a failure reproduces; MANDATE_TEST_SEED explores other runs.
    bool ok = false;
    const int seed = qEnvironmentVariableIntValue("MANDATE_TEST_SEED", &ok);
    return ok ? quint32(seed) : 20261204u;
}

Delegation link(const QString &id, int depth, const QList<Scope> &scopes)
{
    DelegationBuilder builder(id, kNow);
    for (const Scope &scope : scopes) {
        builder.scope(scope);
    }
    Delegation delegation = builder.build();
    delegation.agentId = kAgents.at(depth);
    return delegation;
}

// Decides `request` under chain.first(), with the rest of `chain` as its ancestors, as its own agent.
EngineResult decideUnder(const QList<Delegation> &chain, const AuthorizeRequest &request)
{
    DecisionInput input;
    input.delegation = &chain.first();
    for (qsizetype i = 1; i < chain.size(); ++i) {
        input.ancestors.append(&chain.at(i));
    }
    input.callerAgentId = chain.first().agentId;
    input.request = &request;
    input.now = kNow;
    return DecisionEngine::decide(input);
}

QString describe(const QList<Delegation> &chain, const AuthorizeRequest &request)
{
    QStringList lines;
    for (const Delegation &delegation : chain) {
        QStringList scopes;
        for (const Scope &scope : delegation.scopes) {
            scopes.append(
                QStringLiteral("%1 per %2 total %3 uses %4 dest %5 sens %6")
                    .arg(scope.resource.text(),
                         scope.maxPerAction ? scope.maxPerAction->toDisplayString() : QStringLiteral("-"),
                         scope.maxTotal ? scope.maxTotal->toDisplayString() : QStringLiteral("-"),
                         scope.maxUses ? QString::number(*scope.maxUses) : QStringLiteral("-"),
                         scope.destinations ? QString::number(scope.destinations->size())
                                            : QStringLiteral("any"),
                         scope.maxSensitivity ? sensitivityToString(*scope.maxSensitivity)
                                              : QStringLiteral("-")));
        }
        lines.append(delegation.id + QStringLiteral(": ") + scopes.join(QStringLiteral("; ")));
    }
    lines.append(QStringLiteral("request %1 %2 to %3 (%4)")
                     .arg(request.resource,
                          request.amount ? request.amount->toDisplayString() : QStringLiteral("no amount"),
                          request.destination.value_or(QStringLiteral("nowhere")),
                          request.sensitivity ? sensitivityToString(*request.sensitivity)
                                              : QStringLiteral("unstated")));
    return lines.join(u'\n');
}

// Overlapping payment scopes on a handful of accounts, payees and levels, so that chains often
// share resources with different limits.
class ChainGenerator
{
public:
    explicit ChainGenerator(quint32 seed)
        : m_rng(seed)
    {}

    Scope scope()
    {
        ScopeBuilder builder(QStringLiteral("payments.initiate"), pick(kResources));
        if (coin()) {
            builder.perAction(pick(kAmounts));
        }
        if (coin()) {
            builder.total(pick(kAmounts) * 4);
        }
        if (coin()) {
            builder.uses(between(1, 5));
        }
        if (coin()) {
            builder.destinations(coin() ? QStringList{QStringLiteral("payee:a")}
                                        : QStringList{QStringLiteral("payee:a"), QStringLiteral("payee:b")});
        }
        if (coin()) {
            builder.maxSensitivity(Sensitivity(between(0, 3)));
        }
        return builder;
    }

    QList<Scope> scopes()
    {
        QList<Scope> result;
        for (qint64 n = between(1, 3); n > 0; --n) {
            result.append(scope());
        }
        return result;
    }

    // What a sub-delegation might ask for: mostly its parent's scopes, each perhaps loosened or
    // tightened on one limit, sometimes a fresh scope.
    QList<Scope> childScopes(const Delegation &parent)
    {
        QList<Scope> result;
        for (const Scope &from : parent.scopes) {
            if (coin()) {
                continue;
            }
            Scope child = from;
            switch (between(0, 5)) {
            case 0:
                child.resource = pattern(pick(kResources));
                break;
            case 1:
                child.maxPerAction = money(pick(kAmounts));
                break;
            case 2:
                child.maxTotal = money(pick(kAmounts) * 4);
                break;
            case 3:
                child.destinations.reset();
                break;
            case 4:
                child.maxSensitivity = Sensitivity(between(0, 3));
                break;
            default:
                break;
            }
            result.append(child);
        }
        if (result.isEmpty() || coin()) {
            result.append(scope());
        }
        return result;
    }

    // Partial spending on every scope, within its own caps.
    void spend(Delegation &delegation)
    {
        for (qsizetype i = 0; i < delegation.scopes.size(); ++i) {
            const Scope &scope = delegation.scopes.at(i);
            const qint64 uses = between(0, scope.maxUses.value_or(3));
            const qint64 cap = scope.maxTotal ? scope.maxTotal->amountMinor() : 200000;
            const Money spent = money(between(0, cap));
            delegation.scopeUsage[i] = ScopeUsage{uses, {spent}};
            delegation.usage.uses += uses;
        }
        qint64 total = 0;
        for (const ScopeUsage &usage : std::as_const(delegation.scopeUsage)) {
            total += usage.spent.constFirst().amountMinor();
        }
        delegation.usage.spent = {money(total)};
    }

    AuthorizeRequest request()
    {
        AuthorizeRequest request;
        request.action = QStringLiteral("payments.initiate");
        request.resource = pick(kAccounts);
        if (between(0, 9) > 0) {
            request.amount = money(pick(kAmounts) + between(-50, 50));
        }
        const int destination = int(between(0, 3));
        if (destination < 3) {
            request.destination =
                QStringList{QStringLiteral("payee:a"), QStringLiteral("payee:b"), QStringLiteral("payee:c")}
                    .at(destination);
        }
        if (coin()) {
            request.sensitivity = Sensitivity(between(0, 3));
        }
        return request;
    }

    bool coin() { return m_rng.bounded(2) == 0; }
    qint64 between(qint64 low, qint64 high) { return low + qint64(m_rng.bounded(quint64(high - low + 1))); }

private:
    template <typename T>
    T pick(const QList<T> &values)
    {
        return values.at(qsizetype(m_rng.bounded(quint32(values.size()))));
    }

    const QStringList kResources{QStringLiteral("account:acc_savings"), QStringLiteral("account:acc_main"),
                                 QStringLiteral("account:acc_*"), QStringLiteral("account:*")};
    const QStringList kAccounts{QStringLiteral("account:acc_savings"), QStringLiteral("account:acc_main"),
                                QStringLiteral("account:other")};
    const QList<qint64> kAmounts{100, 5000, 20000, 100000, 500000, 1000000};
    QRandomGenerator m_rng;
};

} // namespace

class TstChainLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subDelegationCannotLiftTheParentsPerPaymentLimit();
    void everyParentScopeReachingTheChildBindsIt();
    void everyLinkOfARandomChainAllowsWhatTheChainAllows();
    void acceptedSubDelegationsAllowNothingTheirRootRefuses();
};

// The travel booker holds acc_savings at EUR 1.00 a payment and account:* at EUR 10,000. It may not
// pay EUR 5,000 from savings itself, so neither may anyone it hands that account to.
void TstChainLimits::subDelegationCannotLiftTheParentsPerPaymentLimit()
{
    const Delegation booker = link(
        QStringLiteral("dlg_booker"), 0,
        {ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_savings"))
             .perAction(100),
         ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:*")).perAction(1000000)});
    AuthorizeRequest request;
    request.action = QStringLiteral("payments.initiate");
    request.resource = QStringLiteral("account:acc_savings");
    request.amount = money(500000);
    QCOMPARE(decideUnder({booker}, request).reason, ReasonCode::PerActionLimitExceeded);

    Delegation helper =
        link(QStringLiteral("dlg_helper"), 1,
             {ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_savings"))
                  .perAction(500000)});
    const FieldErrors widenings = Attenuation::check(booker, 1, subDelegationGrantOf(helper));
    const FieldErrors expected{
        {QStringLiteral("scopes[0].max_per_action.amount_minor"),
         QStringLiteral("EUR 5,000.00 is above the parent's per-action limit of EUR 1.00.")}};
    QCOMPARE(widenings, expected);

    // Even had such a child been stored, the engine holds it to the booker's limit.
    const EngineResult result = decideUnder({helper, booker}, request);
    QCOMPARE(result.outcome, DecisionOutcome::Deny);
    QCOMPARE(result.reason, ReasonCode::PerActionLimitExceeded);
    QCOMPARE(result.message,
             QStringLiteral(
                 "EUR 5,000.00 is above ancestor delegation dlg_booker's per-action limit of EUR 1.00."));

    // What the booker may do on its other accounts, the helper may be given.
    helper.scopes[0].resource = pattern(QStringLiteral("account:acc_main"));
    QCOMPARE(Attenuation::check(booker, 1, subDelegationGrantOf(helper)), FieldErrors());
    request.resource = QStringLiteral("account:acc_main");
    QCOMPARE(decideUnder({helper, booker}, request).outcome, DecisionOutcome::Allow);
}

void TstChainLimits::everyParentScopeReachingTheChildBindsIt()
{
    const Delegation parent =
        DelegationBuilder(QStringLiteral("dlg_parent"), kNow)
            .scope(ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_savings"))
                       .perAction(100)
                       .total(1000))
            .scope(ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:*"))
                       .perAction(1000000))
            .build();
    DelegationGrant child = subDelegationGrantOf(parent);

    // The engine decides savings payments under the first scope, so a child reaching savings is
    // held to it, however broad the second scope is.
    child.scopes = {ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:*"))
                        .perAction(5000)
                        .total(500)};
    const FieldErrors errors = Attenuation::check(parent, 1, child);
    const FieldErrors expected{
        {QStringLiteral("scopes[0].max_per_action.amount_minor"),
         QStringLiteral("EUR 50.00 is above the parent's per-action limit of EUR 1.00.")}};
    QCOMPARE(errors, expected);

    // A child that stays off the savings account answers only to the second scope.
    child.scopes = {ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_main"))
                        .perAction(500000)};
    QCOMPARE(Attenuation::check(parent, 1, child), FieldErrors());
}

// Random chains of depth 3 whose children were never checked for attenuation: whatever the
// grandchild is allowed, its parent and its root must each be allowed on their own.
void TstChainLimits::everyLinkOfARandomChainAllowsWhatTheChainAllows()
{
    const quint32 seed = randomSeed();
    ChainGenerator generator(seed);
    int allowed = 0;
    for (int iteration = 0; iteration < 12000; ++iteration) {
        QList<Delegation> chain{link(QStringLiteral("dlg_grandchild"), 2, generator.scopes()),
                                link(QStringLiteral("dlg_child"), 1, generator.scopes()),
                                link(QStringLiteral("dlg_root"), 0, generator.scopes())};
        for (Delegation &delegation : chain) {
            generator.spend(delegation);
        }
        const AuthorizeRequest request = generator.request();
        if (decideUnder(chain, request).outcome != DecisionOutcome::Allow) {
            continue;
        }
        ++allowed;
        for (qsizetype from = 1; from < chain.size(); ++from) {
            const EngineResult alone = decideUnder(chain.mid(from), request);
            QVERIFY2(
                alone.outcome == DecisionOutcome::Allow,
                qPrintable(QStringLiteral("seed %1, iteration %2: the chain allows what %3 refuses (%4)\n%5")
                               .arg(QString::number(seed), QString::number(iteration), chain.at(from).id,
                                    alone.message, describe(chain, request))));
        }
    }
    QVERIFY2(allowed > 200, qPrintable(QStringLiteral("only %1 chains allowed anything").arg(allowed)));
}

// Chains of depth 3 built only from sub-delegations that attenuation accepted: on its own limits
// alone, a descendant never allows a request its root would refuse.
void TstChainLimits::acceptedSubDelegationsAllowNothingTheirRootRefuses()
{
    const quint32 seed = randomSeed();
    ChainGenerator generator(seed);
    int accepted = 0;
    int refused = 0;
    int allowed = 0;
    for (int iteration = 0; iteration < 4000; ++iteration) {
        QList<Delegation> chain{link(QStringLiteral("dlg_root"), 0, generator.scopes())};
        for (int depth = 1; depth < 3; ++depth) {
            const Delegation child =
                link(QStringLiteral("dlg_%1").arg(depth), depth, generator.childScopes(chain.constFirst()));
            if (!Attenuation::check(chain.constFirst(), depth, subDelegationGrantOf(child)).isEmpty()) {
                ++refused;
                break;
            }
            ++accepted;
            chain.prepend(child);
        }
        if (chain.size() == 1) {
            continue;
        }
        for (int r = 0; r < 10; ++r) {
            const AuthorizeRequest request = generator.request();
            if (decideUnder({chain.constFirst()}, request).outcome != DecisionOutcome::Allow) {
                continue;
            }
            ++allowed;
            for (qsizetype above = 1; above < chain.size(); ++above) {
                const EngineResult ancestor = decideUnder({chain.at(above)}, request);
                QVERIFY2(
                    ancestor.outcome == DecisionOutcome::Allow,
                    qPrintable(QStringLiteral("seed %1, iteration %2: an accepted sub-delegation allows "
                                              "what %3 refuses (%4)\n%5")
                                   .arg(QString::number(seed), QString::number(iteration), chain.at(above).id,
                                        ancestor.message, describe(chain, request))));
            }
        }
    }
    QVERIFY2(
        accepted > 200 && refused > 200 && allowed > 200,
        qPrintable(
            QStringLiteral("accepted %1, refused %2, allowed %3").arg(accepted).arg(refused).arg(allowed)));
}

QTEST_APPLESS_MAIN(TstChainLimits)
#include "tst_ChainLimits.moc"
