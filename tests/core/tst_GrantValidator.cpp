#include "core/GrantValidator.h"
#include "core/SpiffeId.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/JsonTestHelpers.h"
#include "tests/support/MockClock.h"
#include "tests/support/ScopeBuilder.h"

#include <QTest>

#include <functional>

using mandate::test::describe;
using mandate::test::parse;

using namespace mandate;
using namespace mandate::test;

namespace {

const QDateTime Now = MockClock().now();

// A grant that passes every rule; each row breaks exactly what it names.
DelegationGrant validGrant()
{
    DelegationGrant grant =
        DelegationBuilder()
            .scope(ScopeBuilder()
                       .perAction(50000)
                       .total(120000)
                       .uses(10)
                       .destinations({QStringLiteral("payee:lufthansa")})
                       .maxSensitivity(Sensitivity::Confidential))
            .scope(ScopeBuilder(QStringLiteral("data.read"), QStringLiteral("dataset:crm-*")))
            .stepUp(StepUpPolicy{money(20000), Sensitivity::Confidential, StepUpApprover::Customer})
            .dualControl(DualControlPolicy{money(100000), {QStringLiteral("records.delete")}})
            .revokeOn(RevokeOn{true, 3600, true})
            .grant();
    grant.agentSpiffeId.clear();
    return grant;
}

DelegationGrant changed(const std::function<void(DelegationGrant &)> &change)
{
    DelegationGrant grant = validGrant();
    change(grant);
    return grant;
}

// A default ResourcePattern holds no text: what a grant built in code without a resource carries.
ResourcePattern unparsedPattern()
{
    return ResourcePattern();
}

} // namespace

class TstGrantValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidGrants_data();
    void acceptsValidGrants();
    void rejectsInvalidGrants_data();
    void rejectsInvalidGrants();
    void reportsEveryProblemAtOnce();
};

void TstGrantValidator::acceptsValidGrants_data()
{
    QTest::addColumn<DelegationGrant>("grant");

    QTest::newRow("fully populated") << validGrant();
    QTest::newRow("one bare scope") << changed([](DelegationGrant &g) {
        g.scopes = {ScopeBuilder()};
        g.stepUp.reset();
        g.dualControl.reset();
        g.revokeOn = RevokeOn();
    });
    QTest::newRow("expires in one second")
        << changed([](DelegationGrant &g) { g.expiresAt = Now.addSecs(1); });
    QTest::newRow("expires in exactly 90 days")
        << changed([](DelegationGrant &g) { g.expiresAt = Now.addDays(90); });
    QTest::newRow("expiry given with an offset")
        << changed([](DelegationGrant &g) { g.expiresAt = Now.addDays(1).toOffsetFromUtc(3600); });
    QTest::newRow("purpose of 500 characters")
        << changed([](DelegationGrant &g) { g.purpose = QString(500, u'p'); });
    QTest::newRow("500 emoji are 500 characters") << changed(
        [](DelegationGrant &g) { g.purpose = QString::fromUtf8("\xF0\x9F\x98\x80").repeated(500); });
    QTest::newRow("per-action limit equal to the total")
        << changed([](DelegationGrant &g) { g.scopes[0].maxPerAction = money(120000); });
    QTest::newRow("limits in different currencies") << changed(
        [](DelegationGrant &g) { g.scopes[0].maxPerAction = money(999999, QStringLiteral("JPY")); });
    QTest::newRow("one use") << changed([](DelegationGrant &g) { g.scopes[0].maxUses = 1; });
    QTest::newRow("idle timeout of one minute")
        << changed([](DelegationGrant &g) { g.revokeOn.idleSeconds = 60; });
    QTest::newRow("step-up on sensitivity only")
        << changed([](DelegationGrant &g) { g.stepUp->above.reset(); });
    QTest::newRow("dual control on actions only")
        << changed([](DelegationGrant &g) { g.dualControl->above.reset(); });
    QTest::newRow("dual control on value only")
        << changed([](DelegationGrant &g) { g.dualControl->actions.clear(); });
    QTest::newRow("valid SPIFFE ID of a sub-delegation") << changed([](DelegationGrant &g) {
        g.agentId.clear();
        g.agentSpiffeId = QStringLiteral("spiffe://demo.mandate.local/bill-payer");
    });
    QTest::newRow("64 scopes") << changed(
        [](DelegationGrant &g) { g.scopes = QList<Scope>(64, ScopeBuilder()); });
}

void TstGrantValidator::acceptsValidGrants()
{
    QFETCH(DelegationGrant, grant);

    QCOMPARE(describe(GrantValidator::validate(grant, Now) +
                      GrantValidator::actionsNotInCatalog(grant, ActionCatalog::builtIn())),
             QStringList());
}

void TstGrantValidator::rejectsInvalidGrants_data()
{
    QTest::addColumn<DelegationGrant>("grant");
    QTest::addColumn<QStringList>("errors");

    auto row = [](const char *name, const DelegationGrant &grant, const QString &error) {
        QTest::newRow(name) << grant << QStringList{error};
    };
    const QString actionError =
        QStringLiteral("must be an action name of the form domain.verb, such as payments.initiate");

    row("no scopes", changed([](DelegationGrant &g) { g.scopes.clear(); }),
        QStringLiteral("scopes: must have at least one scope"));
    row("65 scopes", changed([](DelegationGrant &g) { g.scopes = QList<Scope>(65, ScopeBuilder()); }),
        QStringLiteral("scopes: must have at most 64 items"));
    row("action without a domain",
        changed([](DelegationGrant &g) { g.scopes[1].action = QStringLiteral("read"); }),
        QStringLiteral("scopes[1].action: ") + actionError);
    row("upper-case action",
        changed([](DelegationGrant &g) { g.scopes[0].action = QStringLiteral("Payments.Initiate"); }),
        QStringLiteral("scopes[0].action: ") + actionError);
    row("empty action", changed([](DelegationGrant &g) { g.scopes[0].action.clear(); }),
        QStringLiteral("scopes[0].action: ") + actionError);
    row("action not in the catalog",
        changed([](DelegationGrant &g) { g.scopes[1].action = QStringLiteral("calendar.book"); }),
        QStringLiteral("scopes[1].action: is not in the action catalog; an admin registers new actions"));
    row("misspelt action",
        changed([](DelegationGrant &g) { g.scopes[0].action = QStringLiteral("payments.initate"); }),
        QStringLiteral("scopes[0].action: is not in the action catalog; did you mean payments.initiate?"));
    row("missing resource", changed([](DelegationGrant &g) { g.scopes[1].resource = unparsedPattern(); }),
        QStringLiteral("scopes[1].resource: the resource pattern is empty"));
    row("zero per-action limit", changed([](DelegationGrant &g) { g.scopes[0].maxPerAction = money(0); }),
        QStringLiteral("scopes[0].max_per_action.amount_minor: must be greater than 0"));
    row("zero total limit", changed([](DelegationGrant &g) {
            g.scopes[0].maxPerAction.reset();
            g.scopes[0].maxTotal = money(0);
        }),
        QStringLiteral("scopes[0].max_total.amount_minor: must be greater than 0"));
    row("per-action limit above the total",
        changed([](DelegationGrant &g) { g.scopes[0].maxPerAction = money(120001); }),
        QStringLiteral("scopes[0].max_per_action.amount_minor: must not be greater than max_total"));
    row("zero uses", changed([](DelegationGrant &g) { g.scopes[0].maxUses = 0; }),
        QStringLiteral("scopes[0].max_uses: must be at least 1"));
    row("negative uses", changed([](DelegationGrant &g) { g.scopes[0].maxUses = -3; }),
        QStringLiteral("scopes[0].max_uses: must be at least 1"));
    row("empty destination list",
        changed([](DelegationGrant &g) { g.scopes[0].destinations = QList<ResourcePattern>(); }),
        QStringLiteral("scopes[0].destinations: must not be empty (leave it out to allow any destination)"));
    row("invalid destination",
        changed([](DelegationGrant &g) { g.scopes[0].destinations->append(unparsedPattern()); }),
        QStringLiteral("scopes[0].destinations[1]: the resource pattern is empty"));
    row("257 destinations", changed([](DelegationGrant &g) {
            g.scopes[0].destinations = QList<ResourcePattern>(257, pattern(QStringLiteral("payee:x")));
        }),
        QStringLiteral("scopes[0].destinations: must have at most 256 items"));
    row("blank purpose", changed([](DelegationGrant &g) { g.purpose = QStringLiteral(" \t\n "); }),
        QStringLiteral("purpose: must not be empty"));
    row("purpose of 501 characters", changed([](DelegationGrant &g) { g.purpose = QString(501, u'p'); }),
        QStringLiteral("purpose: must be at most 500 characters"));
    row("expired already", changed([](DelegationGrant &g) { g.expiresAt = Now.addSecs(-1); }),
        QStringLiteral("expires_at: must be in the future"));
    row("expires now", changed([](DelegationGrant &g) { g.expiresAt = Now; }),
        QStringLiteral("expires_at: must be in the future"));
    row("more than 90 days ahead",
        changed([](DelegationGrant &g) { g.expiresAt = Now.addDays(90).addMSecs(1); }),
        QStringLiteral("expires_at: must be at most 90 days ahead"));
    row("no expiry", changed([](DelegationGrant &g) { g.expiresAt = QDateTime(); }),
        QStringLiteral("expires_at: is required"));
    row("zero step-up threshold", changed([](DelegationGrant &g) { g.stepUp->above = money(0); }),
        QStringLiteral("step_up.above.amount_minor: must be greater than 0"));
    row("step-up with no trigger", changed([](DelegationGrant &g) { g.stepUp = StepUpPolicy(); }),
        QStringLiteral("step_up: must set above or sensitivity_at_or_above"));
    row("zero dual-control threshold", changed([](DelegationGrant &g) { g.dualControl->above = money(0); }),
        QStringLiteral("dual_control.above.amount_minor: must be greater than 0"));
    row("dual control with no trigger",
        changed([](DelegationGrant &g) { g.dualControl = DualControlPolicy(); }),
        QStringLiteral("dual_control: must set above or at least one action"));
    row("malformed dual-control action", changed([](DelegationGrant &g) {
            g.dualControl->actions.append(QStringLiteral("delete everything"));
        }),
        QStringLiteral("dual_control.actions[1]: ") + actionError);
    row("idle timeout under a minute", changed([](DelegationGrant &g) { g.revokeOn.idleSeconds = 59; }),
        QStringLiteral("revoke_on.idle_seconds: must be between 60 and 7776000"));
    row("zero idle timeout", changed([](DelegationGrant &g) { g.revokeOn.idleSeconds = 0; }),
        QStringLiteral("revoke_on.idle_seconds: must be between 60 and 7776000"));
    row("idle timeout beyond any lifetime",
        changed([](DelegationGrant &g) { g.revokeOn.idleSeconds = 7776001; }),
        QStringLiteral("revoke_on.idle_seconds: must be between 60 and 7776000"));
    row("invalid SPIFFE ID", changed([](DelegationGrant &g) {
            g.agentSpiffeId = QStringLiteral("spiffe://Demo.Mandate.Local/bill-payer");
        }),
        QStringLiteral("agent_spiffe_id: ") +
            SpiffeId::parse(QStringLiteral("spiffe://Demo.Mandate.Local/bill-payer")).error());
}

void TstGrantValidator::rejectsInvalidGrants()
{
    QFETCH(DelegationGrant, grant);
    QFETCH(QStringList, errors);

    QCOMPARE(describe(GrantValidator::validate(grant, Now) +
                      GrantValidator::actionsNotInCatalog(grant, ActionCatalog::builtIn())),
             errors);
}

void TstGrantValidator::reportsEveryProblemAtOnce()
{
    const DelegationGrant grant = changed([](DelegationGrant &g) {
        g.purpose.clear();
        g.expiresAt = Now.addDays(-1);
        g.scopes[0].maxUses = 0;
        g.scopes[1].action = QStringLiteral("x");
        g.revokeOn.idleSeconds = 1;
    });
    QCOMPARE(
        describe(GrantValidator::validate(grant, Now) +
                 GrantValidator::actionsNotInCatalog(grant, ActionCatalog::builtIn())),
        (QStringList{
            QStringLiteral("purpose: must not be empty"), QStringLiteral("expires_at: must be in the future"),
            QStringLiteral("scopes[0].max_uses: must be at least 1"),
            QStringLiteral("scopes[1].action: must be an action name of the form domain.verb, such as "
                           "payments.initiate"),
            QStringLiteral("revoke_on.idle_seconds: must be between 60 and 7776000")}));
}

QTEST_APPLESS_MAIN(TstGrantValidator)
#include "tst_GrantValidator.moc"
