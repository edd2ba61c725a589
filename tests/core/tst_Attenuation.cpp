#include "core/Attenuation.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/MockClock.h"
#include "tests/support/ScopeBuilder.h"
#include "tests/support/TestValues.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace mandate;
using namespace mandate::test;

namespace {

const QDateTime kNow = MockClock().now();
const QStringList kActions{QStringLiteral("payments.initiate"), QStringLiteral("data.read"),
                           QStringLiteral("data.export"),       QStringLiteral("records.update"),
                           QStringLiteral("records.delete"),    QStringLiteral("data.share_external")};

// The travel booker's grant: every kind of limit set, so every kind of widening can be tried.
Delegation fullParent()
{
    return DelegationBuilder(QStringLiteral("dlg_parent"), kNow)
        .scope(ScopeBuilder()
                   .perAction(50000)
                   .total(120000)
                   .uses(10)
                   .destinations({QStringLiteral("payee:lufthansa"), QStringLiteral("payee:db-*")})
                   .maxSensitivity(Sensitivity::Confidential))
        .scope(
            ScopeBuilder(QStringLiteral("data.export"), QStringLiteral("dataset:crm/*")).total(1000).uses(5))
        .stepUp(StepUpPolicy{money(20000), Sensitivity::Confidential, StepUpApprover::Approver})
        .dualControl(DualControlPolicy{money(100000), {QStringLiteral("records.delete")}})
        .revokeOn(RevokeOn{true, 3600, true})
        .build();
}

QStringList fieldsOf(const FieldErrors &errors)
{
    QStringList fields;
    for (const FieldError &error : errors) {
        fields.append(error.field);
    }
    return fields;
}

QString describe(const FieldErrors &errors)
{
    if (errors.isEmpty()) {
        return QStringLiteral("(no errors)");
    }
    QStringList lines;
    for (const FieldError &error : errors) {
        lines.append(error.field + QStringLiteral(": ") + error.message);
    }
    return lines.join(u'\n');
}

// A widening applied to a valid child, and the field it must be reported on.
struct Widening
{
    QString field;
    std::function<void(DelegationGrant &, int &parentDepth)> apply;
};

// Random parents, random narrowings of them, and every single widening that applies to a pair.
// Parent scopes have distinct actions, so each child scope has exactly one candidate.
class GrantGenerator
{
public:
    explicit GrantGenerator(quint32 seed)
        : m_rng(seed)
    {}

    Delegation parent()
    {
        Delegation parent = DelegationBuilder(QStringLiteral("dlg_parent"), kNow).build();
        parent.expiresAt = kNow.addSecs(between(3600, 90 * 86400));
        QStringList actions = kActions;
        const int scopeCount = int(between(1, 4));
        for (int i = 0; i < scopeCount; ++i) {
            Scope scope;
            scope.action = actions.takeAt(m_rng.bounded(int(actions.size())));
            scope.resource =
                pattern(pick(QStringList{QStringLiteral("account:acc_1"), QStringLiteral("account:*"),
                                         QStringLiteral("dataset:crm/*")}));
            scope.maxPerAction = maybe([this] { return money(between(100, 1000000)); });
            scope.maxTotal = maybe([this] { return money(between(100, 1000000)); });
            scope.maxUses = maybe([this] { return between(1, 100); });
            if (coin()) {
                scope.destinations = QList<ResourcePattern>{pattern(QStringLiteral("payee:lufthansa")),
                                                            pattern(QStringLiteral("payee:eu/*"))};
            }
            scope.maxSensitivity = maybe([this] { return Sensitivity(between(0, 3)); });
            parent.scopes.append(scope);
        }
        if (coin()) {
            parent.stepUp = StepUpPolicy{maybe([this] { return money(between(100, 1000000)); }),
                                         maybe([this] { return Sensitivity(between(0, 3)); }),
                                         coin() ? StepUpApprover::Approver : StepUpApprover::Customer};
        }
        if (coin()) {
            parent.dualControl = DualControlPolicy{maybe([this] { return money(between(100, 1000000)); }),
                                                   coin() ? QStringList{kActions.at(4)} : QStringList{}};
        }
        parent.revokeOn = RevokeOn{coin(), maybe([this] { return between(60, 86400); }), coin()};
        return parent;
    }

    DelegationGrant narrowing(const Delegation &parent)
    {
        DelegationGrant child = subDelegationGrantOf(parent);
        child.expiresAt = parent.expiresAt.addMSecs(-between(0, 1000000));
        child.scopes.clear();
        for (const Scope &scope : parent.scopes) {
            if (coin() || (child.scopes.isEmpty() && &scope == &parent.scopes.constLast())) {
                child.scopes.append(narrowed(scope));
            }
        }
        if (parent.stepUp) {
            child.stepUp->above = narrowedMoney(parent.stepUp->above);
            child.stepUp->sensitivityAtOrAbove = narrowedLevel(parent.stepUp->sensitivityAtOrAbove);
        }
        if (parent.dualControl) {
            child.dualControl->above = narrowedMoney(parent.dualControl->above);
            if (coin()) {
                child.dualControl->actions.append(kActions.at(1));
            }
        }
        child.revokeOn.taskComplete = parent.revokeOn.taskComplete || coin();
        child.revokeOn.contextChange = parent.revokeOn.contextChange || coin();
        if (parent.revokeOn.idleSeconds) {
            child.revokeOn.idleSeconds = between(60, *parent.revokeOn.idleSeconds);
        }
        return child;
    }

    QList<Widening> widenings(const Delegation &parent, const DelegationGrant &child)
    {
        QList<Widening> all;
        const auto add = [&all](const QString &field, std::function<void(DelegationGrant &)> apply) {
            all.append(Widening{field, [apply](DelegationGrant &g, int &) {
                                    apply(g);
                                }});
        };
        const qint64 later = between(1, 1000000);
        add(QStringLiteral("expires_at"),
            [&parent, later](DelegationGrant &g) { g.expiresAt = parent.expiresAt.addMSecs(later); });
        all.append(Widening{QStringLiteral("parent_id"), [](DelegationGrant &, int &depth) {
                                depth = 3;
                            }});

        QString missingAction;
        for (const QString &action : kActions) {
            if (!std::any_of(parent.scopes.cbegin(), parent.scopes.cend(),
                             [&action](const Scope &s) { return s.action == action; })) {
                missingAction = action;
            }
        }
        for (qsizetype i = 0; i < child.scopes.size(); ++i) {
            const QString at = QStringLiteral("scopes[%1]").arg(i);
            const Scope &limits = scopeFor(parent, child.scopes.at(i).action);
            add(at + QStringLiteral(".action"),
                [i, missingAction](DelegationGrant &g) { g.scopes[i].action = missingAction; });
            add(at + QStringLiteral(".resource"),
                [i](DelegationGrant &g) { g.scopes[i].resource = pattern(QStringLiteral("other:thing")); });
            addMoneyWidenings(
                all, at + QStringLiteral(".max_per_action"), limits.maxPerAction,
                [i](DelegationGrant &g) -> std::optional<Money> & { return g.scopes[i].maxPerAction; });
            addMoneyWidenings(
                all, at + QStringLiteral(".max_total"), limits.maxTotal,
                [i](DelegationGrant &g) -> std::optional<Money> & { return g.scopes[i].maxTotal; });
            if (limits.maxUses) {
                const qint64 more = *limits.maxUses + between(1, 100);
                add(at + QStringLiteral(".max_uses"),
                    [i, more](DelegationGrant &g) { g.scopes[i].maxUses = more; });
                add(at + QStringLiteral(".max_uses"),
                    [i](DelegationGrant &g) { g.scopes[i].maxUses.reset(); });
            }
            if (limits.destinations) {
                add(at + QStringLiteral(".destinations"),
                    [i](DelegationGrant &g) { g.scopes[i].destinations.reset(); });
                const qsizetype next = child.scopes.at(i).destinations->size();
                add(at + QStringLiteral(".destinations[%1]").arg(next), [i](DelegationGrant &g) {
                    g.scopes[i].destinations->append(pattern(QStringLiteral("elsewhere:x")));
                });
            }
            addLevelWidenings(all, at + QStringLiteral(".max_sensitivity"), limits.maxSensitivity,
                              [i](DelegationGrant &g) -> std::optional<Sensitivity> & {
                                  return g.scopes[i].maxSensitivity;
                              });
        }

        if (parent.stepUp) {
            add(QStringLiteral("step_up"), [](DelegationGrant &g) { g.stepUp.reset(); });
            addMoneyWidenings(all, QStringLiteral("step_up.above"), parent.stepUp->above,
                              [](DelegationGrant &g) -> std::optional<Money> & { return g.stepUp->above; });
            addLevelWidenings(all, QStringLiteral("step_up.sensitivity_at_or_above"),
                              parent.stepUp->sensitivityAtOrAbove,
                              [](DelegationGrant &g) -> std::optional<Sensitivity> & {
                                  return g.stepUp->sensitivityAtOrAbove;
                              });
            add(QStringLiteral("step_up.approver"), [](DelegationGrant &g) {
                g.stepUp->approver = g.stepUp->approver == StepUpApprover::Approver
                                         ? StepUpApprover::Customer
                                         : StepUpApprover::Approver;
            });
        }
        if (parent.dualControl) {
            add(QStringLiteral("dual_control"), [](DelegationGrant &g) { g.dualControl.reset(); });
            addMoneyWidenings(
                all, QStringLiteral("dual_control.above"), parent.dualControl->above,
                [](DelegationGrant &g) -> std::optional<Money> & { return g.dualControl->above; });
            if (!parent.dualControl->actions.isEmpty()) {
                add(QStringLiteral("dual_control.actions"), [&parent](DelegationGrant &g) {
                    g.dualControl->actions.removeAll(parent.dualControl->actions.constFirst());
                });
            }
        }
        if (parent.revokeOn.taskComplete) {
            add(QStringLiteral("revoke_on.task_complete"),
                [](DelegationGrant &g) { g.revokeOn.taskComplete = false; });
        }
        if (parent.revokeOn.contextChange) {
            add(QStringLiteral("revoke_on.context_change"),
                [](DelegationGrant &g) { g.revokeOn.contextChange = false; });
        }
        if (parent.revokeOn.idleSeconds) {
            const qint64 longer = *parent.revokeOn.idleSeconds + between(1, 1000);
            add(QStringLiteral("revoke_on.idle_seconds"),
                [longer](DelegationGrant &g) { g.revokeOn.idleSeconds = longer; });
            add(QStringLiteral("revoke_on.idle_seconds"),
                [](DelegationGrant &g) { g.revokeOn.idleSeconds.reset(); });
        }
        return all;
    }

    int depth() { return int(between(1, 2)); }
    qsizetype index(qsizetype size) { return m_rng.bounded(int(size)); }

private:
    using MoneyField = std::function<std::optional<Money> &(DelegationGrant &)>;
    using LevelField = std::function<std::optional<Sensitivity> &(DelegationGrant &)>;

    // A money limit can be raised, dropped, or moved to another currency.
    void addMoneyWidenings(QList<Widening> &all, const QString &path, const std::optional<Money> &limit,
                           const MoneyField &field)
    {
        if (!limit) {
            return;
        }
        const Money higher = money(limit->amountMinor() + between(1, 1000));
        const Money foreign = money(limit->amountMinor(), QStringLiteral("USD"));
        all.append({path + QStringLiteral(".amount_minor"), [=](DelegationGrant &g, int &) {
                        field(g) = higher;
                    }});
        all.append({path, [=](DelegationGrant &g, int &) {
                        field(g).reset();
                    }});
        all.append({path + QStringLiteral(".currency"), [=](DelegationGrant &g, int &) {
                        field(g) = foreign;
                    }});
    }

    void addLevelWidenings(QList<Widening> &all, const QString &path, const std::optional<Sensitivity> &limit,
                           const LevelField &field)
    {
        if (!limit) {
            return;
        }
        all.append({path, [=](DelegationGrant &g, int &) {
                        field(g).reset();
                    }});
        if (*limit < Sensitivity::Restricted) {
            const auto higher = Sensitivity(between(int(*limit) + 1, 3));
            all.append({path, [=](DelegationGrant &g, int &) {
                            field(g) = higher;
                        }});
        }
    }

    static const Scope &scopeFor(const Delegation &parent, const QString &action)
    {
        return *std::find_if(parent.scopes.cbegin(), parent.scopes.cend(),
                             [&action](const Scope &s) { return s.action == action; });
    }

    Scope narrowed(const Scope &parent)
    {
        Scope child = parent;
        if (parent.resource.isWildcard()) {
            const QString prefix = parent.resource.text().chopped(1);
            child.resource = pattern(prefix + pick(QStringList{QStringLiteral("x7"), QStringLiteral("team/*"),
                                                               QStringLiteral("*")}));
        }
        child.maxPerAction = narrowedMoney(parent.maxPerAction);
        child.maxTotal = narrowedMoney(parent.maxTotal);
        child.maxUses = parent.maxUses ? std::optional<qint64>(between(1, *parent.maxUses))
                                       : maybe([this] { return between(1, 100); });
        if (parent.destinations) {
            child.destinations = QList<ResourcePattern>{pick(QList<ResourcePattern>{
                pattern(QStringLiteral("payee:lufthansa")), pattern(QStringLiteral("payee:eu/*")),
                pattern(QStringLiteral("payee:eu/sncf"))})};
        }
        child.maxSensitivity = narrowedLevel(parent.maxSensitivity);
        return child;
    }

    std::optional<Money> narrowedMoney(const std::optional<Money> &parent)
    {
        if (!parent) {
            return maybe([this] { return money(between(1, 1000000)); });
        }
        return money(between(1, parent->amountMinor()));
    }

    std::optional<Sensitivity> narrowedLevel(const std::optional<Sensitivity> &parent)
    {
        if (!parent) {
            return maybe([this] { return Sensitivity(between(0, 3)); });
        }
        return Sensitivity(between(0, int(*parent)));
    }

    // Inclusive on both ends.
    qint64 between(qint64 lowest, qint64 highest) { return m_rng.bounded(lowest, highest + 1); }
    bool coin() { return m_rng.bounded(2) == 1; }
    template <typename T>
    T pick(const QList<T> &choices)
    {
        return choices.at(m_rng.bounded(int(choices.size())));
    }
    template <typename Make>
    auto maybe(Make make) -> std::optional<decltype(make())>
    {
        if (coin()) {
            return make();
        }
        return std::nullopt;
    }

    QRandomGenerator m_rng;
};

quint32 randomSeed()
{
    // Fixed so a failure reproduces; MANDATE_TEST_SEED explores other runs.
    bool ok = false;
    const int seed = qEnvironmentVariableIntValue("MANDATE_TEST_SEED", &ok);
    return ok ? quint32(seed) : 20261201u;
}

} // namespace

Q_DECLARE_METATYPE(mandate::DelegationGrant)

namespace {

using GrantTweak = std::function<void(DelegationGrant &)>;

struct Row
{
    const char *name;
    GrantTweak tweak;
    QStringList fields;
};

QList<Row> wideningTable()
{
    const Delegation parent = fullParent();
    const QStringList none;
    const auto field = [](const char *path) {
        return QStringList{QString::fromUtf8(path)};
    };
    return {
        {"identical", [](DelegationGrant &) {}, none},
        {"expires 1 ms later", [parent](DelegationGrant &g) { g.expiresAt = parent.expiresAt.addMSecs(1); },
         field("expires_at")},
        {"expires earlier", [parent](DelegationGrant &g) { g.expiresAt = parent.expiresAt.addSecs(-1); },
         none},
        {"action the parent lacks",
         [](DelegationGrant &g) { g.scopes[0].action = QStringLiteral("records.update"); },
         field("scopes[0].action")},
        {"other resource",
         [](DelegationGrant &g) { g.scopes[0].resource = pattern(QStringLiteral("account:acc_2")); },
         field("scopes[0].resource")},
        {"wildcard over an exact resource",
         [](DelegationGrant &g) { g.scopes[0].resource = pattern(QStringLiteral("account:*")); },
         field("scopes[0].resource")},
        {"wider wildcard",
         [](DelegationGrant &g) { g.scopes[1].resource = pattern(QStringLiteral("dataset:*")); },
         field("scopes[1].resource")},
        {"narrower wildcard",
         [](DelegationGrant &g) { g.scopes[1].resource = pattern(QStringLiteral("dataset:crm/eu/*")); },
         none},
        {"per-action one unit higher", [](DelegationGrant &g) { g.scopes[0].maxPerAction = money(50001); },
         field("scopes[0].max_per_action.amount_minor")},
        {"per-action dropped", [](DelegationGrant &g) { g.scopes[0].maxPerAction.reset(); },
         field("scopes[0].max_per_action")},
        {"per-action in USD",
         [](DelegationGrant &g) { g.scopes[0].maxPerAction = money(100, QStringLiteral("USD")); },
         field("scopes[0].max_per_action.currency")},
        {"total one unit higher", [](DelegationGrant &g) { g.scopes[1].maxTotal = money(1001); },
         field("scopes[1].max_total.amount_minor")},
        {"total dropped", [](DelegationGrant &g) { g.scopes[0].maxTotal.reset(); },
         field("scopes[0].max_total")},
        {"total in USD", [](DelegationGrant &g) { g.scopes[0].maxTotal = money(100, QStringLiteral("USD")); },
         field("scopes[0].max_total.currency")},
        {"uses one higher", [](DelegationGrant &g) { g.scopes[0].maxUses = 11; },
         field("scopes[0].max_uses")},
        {"uses dropped", [](DelegationGrant &g) { g.scopes[0].maxUses.reset(); },
         field("scopes[0].max_uses")},
        {"uses lowered", [](DelegationGrant &g) { g.scopes[0].maxUses = 9; }, none},
        {"destinations dropped", [](DelegationGrant &g) { g.scopes[0].destinations.reset(); },
         field("scopes[0].destinations")},
        {"destination outside the allowlist",
         [](DelegationGrant &g) { g.scopes[0].destinations->append(pattern(QStringLiteral("payee:evil"))); },
         field("scopes[0].destinations[2]")},
        {"wider destination wildcard",
         [](DelegationGrant &g) { g.scopes[0].destinations = QList{pattern(QStringLiteral("payee:*"))}; },
         field("scopes[0].destinations[0]")},
        {"destination narrowed",
         [](DelegationGrant &g) {
             g.scopes[0].destinations = QList{pattern(QStringLiteral("payee:db-bahn"))};
         },
         none},
        {"sensitivity raised",
         [](DelegationGrant &g) { g.scopes[0].maxSensitivity = Sensitivity::Restricted; },
         field("scopes[0].max_sensitivity")},
        {"sensitivity dropped", [](DelegationGrant &g) { g.scopes[0].maxSensitivity.reset(); },
         field("scopes[0].max_sensitivity")},
        {"step-up dropped", [](DelegationGrant &g) { g.stepUp.reset(); }, field("step_up")},
        {"step-up threshold one unit higher", [](DelegationGrant &g) { g.stepUp->above = money(20001); },
         field("step_up.above.amount_minor")},
        {"step-up threshold dropped", [](DelegationGrant &g) { g.stepUp->above.reset(); },
         field("step_up.above")},
        {"step-up threshold in USD",
         [](DelegationGrant &g) { g.stepUp->above = money(100, QStringLiteral("USD")); },
         field("step_up.above.currency")},
        {"step-up sensitivity raised",
         [](DelegationGrant &g) { g.stepUp->sensitivityAtOrAbove = Sensitivity::Restricted; },
         field("step_up.sensitivity_at_or_above")},
        {"step-up sensitivity lowered",
         [](DelegationGrant &g) { g.stepUp->sensitivityAtOrAbove = Sensitivity::Internal; }, none},
        {"step-up routed to the customer",
         [](DelegationGrant &g) { g.stepUp->approver = StepUpApprover::Customer; },
         field("step_up.approver")},
        {"dual control dropped", [](DelegationGrant &g) { g.dualControl.reset(); }, field("dual_control")},
        {"dual-control threshold one unit higher",
         [](DelegationGrant &g) { g.dualControl->above = money(100001); },
         field("dual_control.above.amount_minor")},
        {"dual-control action removed", [](DelegationGrant &g) { g.dualControl->actions.clear(); },
         field("dual_control.actions")},
        {"dual-control action added",
         [](DelegationGrant &g) { g.dualControl->actions.append(QStringLiteral("data.export")); }, none},
        {"task_complete dropped", [](DelegationGrant &g) { g.revokeOn.taskComplete = false; },
         field("revoke_on.task_complete")},
        {"context_change dropped", [](DelegationGrant &g) { g.revokeOn.contextChange = false; },
         field("revoke_on.context_change")},
        {"idle one second longer", [](DelegationGrant &g) { g.revokeOn.idleSeconds = 3601; },
         field("revoke_on.idle_seconds")},
        {"idle dropped", [](DelegationGrant &g) { g.revokeOn.idleSeconds.reset(); },
         field("revoke_on.idle_seconds")},
        {"idle shorter", [](DelegationGrant &g) { g.revokeOn.idleSeconds = 60; }, none},
        {"fewer scopes", [](DelegationGrant &g) { g.scopes.removeLast(); }, none},
        {"second scope from the same parent scope",
         [](DelegationGrant &g) {
             g.scopes.append(ScopeBuilder()
                                 .perAction(100)
                                 .total(100)
                                 .uses(1)
                                 .destinations({QStringLiteral("payee:lufthansa")})
                                 .maxSensitivity(Sensitivity::Public));
         },
         none},
        {"paths follow the child's scope order",
         [](DelegationGrant &g) {
             g.scopes.swapItemsAt(0, 1);
             g.scopes[1].maxTotal = money(120001);
         },
         field("scopes[1].max_total.amount_minor")},
        {"every widening reported at once",
         [parent](DelegationGrant &g) {
             g.expiresAt = parent.expiresAt.addDays(1);
             g.scopes[0].maxUses = 11;
             g.scopes[1].resource = pattern(QStringLiteral("dataset:*"));
             g.stepUp.reset();
             g.revokeOn.taskComplete = false;
         },
         QStringList{QStringLiteral("expires_at"), QStringLiteral("scopes[0].max_uses"),
                     QStringLiteral("scopes[1].resource"), QStringLiteral("step_up"),
                     QStringLiteral("revoke_on.task_complete")}},
    };
}

} // namespace

class TstAttenuation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widenings_data();
    void widenings();
    void messages_data();
    void messages();
    void depth_data();
    void depth();
    void oneAnswerNamesEveryWidening();
    void randomNarrowingsPass();
    void randomSingleWideningsFail();
};

void TstAttenuation::widenings_data()
{
    QTest::addColumn<DelegationGrant>("child");
    QTest::addColumn<QStringList>("fields");
    for (const Row &row : wideningTable()) {
        DelegationGrant child = subDelegationGrantOf(fullParent());
        row.tweak(child);
        QTest::newRow(row.name) << child << row.fields;
    }
}

void TstAttenuation::widenings()
{
    QFETCH(DelegationGrant, child);
    QFETCH(QStringList, fields);
    const FieldErrors errors = Attenuation::check(fullParent(), 1, child);
    QVERIFY2(fieldsOf(errors) == fields, qPrintable(describe(errors)));
}

void TstAttenuation::messages_data()
{
    QTest::addColumn<DelegationGrant>("child");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const GrantTweak &tweak, const QString &message) {
        DelegationGrant child = subDelegationGrantOf(fullParent());
        tweak(child);
        QTest::newRow(name) << child << message;
    };
    row(
        "amount", [](DelegationGrant &g) { g.scopes[1].maxTotal = money(1500); },
        QStringLiteral("EUR 15.00 is above the parent's total limit of EUR 10.00."));
    row(
        "currency", [](DelegationGrant &g) { g.scopes[0].maxPerAction = money(100, QStringLiteral("USD")); },
        QStringLiteral("Must be EUR, the currency of the parent's per-action limit."));
    row(
        "dropped limit", [](DelegationGrant &g) { g.scopes[0].maxTotal.reset(); },
        QStringLiteral("Must be set: the parent's total limit is EUR 1,200.00."));
    row(
        "uses", [](DelegationGrant &g) { g.scopes[0].maxUses = 11; },
        QStringLiteral("11 uses is more than the parent's 10."));
    row(
        "destination",
        [](DelegationGrant &g) { g.scopes[0].destinations = QList{pattern(QStringLiteral("payee:evil"))}; },
        QStringLiteral("payee:evil is not among the parent's allowed destinations."));
    row(
        "sensitivity", [](DelegationGrant &g) { g.scopes[0].maxSensitivity = Sensitivity::Restricted; },
        QStringLiteral("restricted is above the parent's sensitivity ceiling of confidential."));
    row(
        "action", [](DelegationGrant &g) { g.scopes[0].action = QStringLiteral("records.update"); },
        QStringLiteral("The parent delegation does not allow records.update."));
    row(
        "resource",
        [](DelegationGrant &g) { g.scopes[0].resource = pattern(QStringLiteral("account:acc_2")); },
        QStringLiteral("account:acc_2 is outside the resources the parent allows for payments.initiate."));
    row(
        "expiry", [](DelegationGrant &g) { g.expiresAt = g.expiresAt.addSecs(1); },
        QStringLiteral("Must not be later than the parent's expiry, 2026-12-08T09:00:00.000Z."));
    row(
        "dual-control actions", [](DelegationGrant &g) { g.dualControl->actions.clear(); },
        QStringLiteral("Must include records.delete: the parent requires dual control for it."));
    row(
        "idle", [](DelegationGrant &g) { g.revokeOn.idleSeconds = 3601; },
        QStringLiteral("3601 idle seconds is longer than the parent's 3600."));
}

void TstAttenuation::messages()
{
    QFETCH(DelegationGrant, child);
    QFETCH(QString, message);
    const FieldErrors errors = Attenuation::check(fullParent(), 1, child);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().message, message);
}

void TstAttenuation::depth_data()
{
    QTest::addColumn<int>("parentDepth");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("sub-delegation of a customer grant") << 1 << QStringList();
    QTest::newRow("third level") << 2 << QStringList();
    QTest::newRow("fourth level") << 3 << QStringList{QStringLiteral("parent_id")};
}

void TstAttenuation::depth()
{
    QFETCH(int, parentDepth);
    QFETCH(QStringList, fields);
    const FieldErrors errors =
        Attenuation::check(fullParent(), parentDepth, subDelegationGrantOf(fullParent()));
    QCOMPARE(fieldsOf(errors), fields);
    if (!errors.isEmpty()) {
        QCOMPARE(errors.constFirst().message,
                 QStringLiteral("Sub-delegations may be at most 3 levels deep; this one would be level 4."));
    }
}

void TstAttenuation::oneAnswerNamesEveryWidening()
{
    const Delegation parent = fullParent();
    DelegationGrant child = subDelegationGrantOf(parent);
    child.scopes = {ScopeBuilder(QStringLiteral("payments.initiate"), QStringLiteral("account:*"))
                        .perAction(90000)
                        .total(120000)
                        .uses(10)
                        .destinations({QStringLiteral("payee:lufthansa"), QStringLiteral("payee:evil")})
                        .maxSensitivity(Sensitivity::Confidential)};
    QCOMPARE(fieldsOf(Attenuation::check(parent, 1, child)),
             (QStringList{QStringLiteral("scopes[0].resource"),
                          QStringLiteral("scopes[0].max_per_action.amount_minor"),
                          QStringLiteral("scopes[0].destinations[1]")}));
}

void TstAttenuation::randomNarrowingsPass()
{
    const quint32 seed = randomSeed();
    GrantGenerator generator(seed);
    for (int iteration = 0; iteration < 1000; ++iteration) {
        const Delegation parent = generator.parent();
        const DelegationGrant child = generator.narrowing(parent);
        const FieldErrors errors = Attenuation::check(parent, generator.depth(), child);
        QVERIFY2(errors.isEmpty(),
                 qPrintable(QStringLiteral("seed %1, iteration %2:\n%3")
                                .arg(QString::number(seed), QString::number(iteration), describe(errors))));
    }
}

void TstAttenuation::randomSingleWideningsFail()
{
    const quint32 seed = randomSeed();
    GrantGenerator generator(seed);
    QSet<QString> kindsTried;
    for (int iteration = 0; iteration < 2000; ++iteration) {
        const Delegation parent = generator.parent();
        DelegationGrant child = generator.narrowing(parent);
        int parentDepth = generator.depth();
        const QList<Widening> widenings = generator.widenings(parent, child);
        const Widening &widening = widenings.at(generator.index(widenings.size()));
        widening.apply(child, parentDepth);

        const FieldErrors errors = Attenuation::check(parent, parentDepth, child);
        QVERIFY2(fieldsOf(errors) == QStringList{widening.field},
                 qPrintable(QStringLiteral("seed %1, iteration %2, widened %3, got:\n%4")
                                .arg(QString::number(seed), QString::number(iteration), widening.field,
                                     describe(errors))));
        kindsTried.insert(
            QString(widening.field)
                .replace(QRegularExpression(QStringLiteral("\\[\\d+\\]")), QStringLiteral("[]")));
    }
    // The run reached every kind of widening the generator knows: 14 per scope or grant field,
    // 6 of step_up, 5 of dual_control and 3 of revoke_on.
    QCOMPARE(kindsTried.size(), 28);
}

QTEST_APPLESS_MAIN(TstAttenuation)
#include "tst_Attenuation.moc"
