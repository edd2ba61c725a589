#include "server/instance/DemoSeeder.h"

#include "core/AuthorizeCodec.h"
#include "core/DelegationCodec.h"
#include "server/auth/PasswordHasher.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AuditTrail.h"
#include "server/store/Store.h"

#include <QtConcurrent>

namespace mandate::server {

namespace {

constexpr DemoSeeder::Person People[] = {
    {"alice", "Alice Martin", "customer"}, {"bob", "Bob Keller", "customer"},
    {"carol", "Carol Nguyen", "approver"}, {"dave", "Dave Okafor", "approver"},
    {"sam", "Sam Rivera", "support"},      {"ada", "Ada Lindqvist", "admin"},
};

struct DemoAgent
{
    const char *path;
    const char *name;
    const char *description;
};

constexpr DemoAgent Agents[] = {
    {"agents/travel-booker", "Travel booker", "Books flights, trains and hotels within a trip budget."},
    {"agents/bill-payer", "Bill payer", "Pays recurring utility and phone bills to known payees."},
    {"agents/crm-exporter", "CRM exporter", "Exports CRM datasets for reporting."},
    {"agents/travel-helper", "Travel helper", "Sub-agent the travel booker hands seat and rail bookings to."},
};

Money eur(qint64 minor)
{
    return *Money::of(minor, QStringLiteral("EUR"));
}

ResourcePattern pattern(const char *text)
{
    return *ResourcePattern::parse(QString::fromLatin1(text));
}

Scope payments(const char *account, qint64 perAction, qint64 total,
               std::initializer_list<const char *> payees)
{
    Scope scope;
    scope.action = QStringLiteral("payments.initiate");
    scope.resource = pattern(account);
    scope.maxPerAction = eur(perAction);
    scope.maxTotal = eur(total);
    QList<ResourcePattern> destinations;
    for (const char *payee : payees)
        destinations.append(pattern(payee));
    scope.destinations = destinations;
    return scope;
}

Scope data(const char *action, const char *dataset, Sensitivity ceiling)
{
    Scope scope;
    scope.action = QString::fromLatin1(action);
    scope.resource = pattern(dataset);
    scope.maxSensitivity = ceiling;
    return scope;
}

// Three payments of the Berlin trip, EUR 420.00 together, as its seeded usage says.
struct DemoPayment
{
    const char *payee;
    qint64 amountMinor;
    qint64 hoursAgo;
};

constexpr DemoPayment TripPayments[] = {
    {"payee:lufthansa", 18900, 22},
    {"payee:db-bahn", 9800, 12},
    {"payee:hotel-adlon", 13300, 3},
};

// The time of the story an event tells, for the seeded audit trail.
class DemoStoryClock final : public Clock
{
public:
    QDateTime now() const override { return at; }
    QDateTime at;
};

} // namespace

std::span<const DemoSeeder::Person> DemoSeeder::people()
{
    return People;
}

bool DemoSeeder::seedIfEmpty(Store &store, const Clock &clock, QString *error)
{
    if (store.users().count() != 0)
        return true;

    // One Argon2id hash per person: spread them over the worker threads instead of paying for them
    // in series.
    const QList<QString> hashes =
        QtConcurrent::blockingMapped(QList<int>(static_cast<qsizetype>(std::size(People))),
                                     [](int) { return PasswordHasher::hash(QByteArray(Password)); });

    const QDateTime now = clock.now();
    if (!store.db().beginWrite()) {
        *error = store.db().lastError();
        return false;
    }
    const auto fail = [&] {
        *error = store.db().lastError();
        store.db().rollback();
        return false;
    };

    QHash<QString, UserRecord> users;
    for (std::size_t i = 0; i < std::size(People); ++i) {
        const Person &u = People[i];
        UserRecord user{SecureRandom::id(u"usr_"),        QString::fromLatin1(u.username),
                        QString::fromUtf8(u.displayName), hashes[static_cast<qsizetype>(i)],
                        {QString::fromLatin1(u.role)},    now.addDays(-60)};
        if (!store.users().insert(user))
            return fail();
        users.insert(user.username, user);
    }
    QList<AgentRecord> agents;
    for (const DemoAgent &a : Agents) {
        AgentRecord agent{SecureRandom::id(u"agt_"),
                          QStringLiteral("spiffe://") + QLatin1StringView(TrustDomain) + u'/' +
                              QLatin1StringView(a.path),
                          QString::fromUtf8(a.name),
                          QString::fromUtf8(a.description),
                          AgentStatus::Active,
                          now.addDays(-45)};
        if (!store.agents().insert(agent))
            return fail();
        agents.append(agent);
    }

    // Each seeded event carries the time of its story (granted two days ago, revoked three days
    // ago), not the moment the server first started; the events are seeded in that order.
    DemoStoryClock story;
    AuditTrail audit(store, story);
    const auto grant =
        [&](const QString &customer, int agentIndex, const QString &purpose, QList<Scope> scopes,
            qint64 createdDaysAgo, qint64 lifetimeDays,
            const std::function<void(Delegation &)> &configure = {}) -> std::optional<Delegation> {
        const UserRecord &user = users[customer];
        const AgentRecord &agent = agents[agentIndex];
        Delegation d;
        d.id = SecureRandom::id(u"dlg_");
        d.customerId = user.id;
        d.agentId = agent.id;
        d.purpose = purpose;
        d.createdAt = now.addDays(-createdDaysAgo);
        d.expiresAt = d.createdAt.addDays(lifetimeDays);
        d.scopes = std::move(scopes);
        d.scopeUsage = QList<ScopeUsage>(d.scopes.size());
        d.revokeOn.taskComplete = true;
        d.chain = {ChainLink{ChainLink::Kind::Customer, user.id, user.displayName, QString()},
                   ChainLink{ChainLink::Kind::Agent, agent.id, agent.name, agent.spiffeId}};
        if (configure)
            configure(d);
        const Principal actor = Principal::user(user.id, user.displayName, user.roles);
        const QString search =
            QStringList{d.id, purpose, agent.name, agent.spiffeId, user.displayName, user.username}.join(
                u' ');
        story.at = d.createdAt;
        if (!store.delegations().insert(d, 1, search) ||
            !audit.record(QStringLiteral("delegation.granted"), actor, d,
                          {{QStringLiteral("purpose"), purpose}}))
            return std::nullopt;
        return d;
    };

    // History: last month's trip (expired) and a bill delegation support revoked.
    auto oldTrip = grant(QStringLiteral("alice"), 0, QStringLiteral("Book the Lisbon conference trip"),
                         {payments("account:acc_alice_main", 100000, 200000, {"payee:tap"})}, 40, 10);
    if (!oldTrip || !store.delegations().setStatus(oldTrip->id, DelegationStatus::Expired))
        return fail();
    Principal system;
    story.at = oldTrip->expiresAt;
    if (!audit.record(QStringLiteral("delegation.expired"), system, *oldTrip, {}))
        return fail();
    auto oldBills = grant(QStringLiteral("bob"), 1, QStringLiteral("Pay November bills"),
                          {payments("account:acc_bob_main", 30000, 100000, {"payee:stadtwerke"})}, 20, 30);
    // Alice's bills: dual control above EUR 1,000.
    const auto bills =
        grant(QStringLiteral("alice"), 1, QStringLiteral("Pay December utility and phone bills"),
              {payments("account:acc_alice_main", 50000, 200000, {"payee:stadtwerke", "payee:telekom"})}, 5,
              30, [&](Delegation &d) {
                  d.dualControl = DualControlPolicy{eur(100000), {}};
              });
    if (!oldBills || !bills)
        return fail();
    const Principal sam = Principal::user(users[QStringLiteral("sam")].id, QStringLiteral("Sam Rivera"),
                                          {QStringLiteral("support")});
    story.at = now.addDays(-3);
    const auto revoked = store.delegations().revokeTrees(
        DelegationRepository::Roots::Delegation, oldBills->id, sam.id,
        QStringLiteral("Customer reported the payee as fraudulent"), story.at);
    if (!revoked || !audit.record(QStringLiteral("delegation.revoked"), sam, *oldBills,
                                  {{QStringLiteral("reason"),
                                    QStringLiteral("Customer reported the payee as fraudulent")}}))
        return fail();

    // Alice's Berlin trip: payments with a step-up above EUR 200 and some spending already.
    const auto trip = grant(QStringLiteral("alice"), 0,
                            QStringLiteral("Book flights and hotel for the Berlin trip, 3–6 Dec"),
                            {payments("account:acc_alice_main", 150000, 300000,
                                      {"payee:lufthansa", "payee:db-bahn", "payee:hotel-adlon"})},
                            2, 14, [&](Delegation &d) {
                                d.stepUp = StepUpPolicy{eur(20000), std::nullopt, StepUpApprover::Customer};
                                d.revokeOn.idleSeconds = 7 * 24 * 3600;
                                d.scopeUsage[0] = ScopeUsage{3, {eur(42000)}};
                                d.usage = Usage{3, {eur(42000)}, now.addSecs(-3 * 3600)};
                            });
    // Bob's CRM export: confidential data, every export under dual control.
    const auto crm =
        grant(QStringLiteral("bob"), 2, QStringLiteral("Quarterly CRM export for the board report"),
              {data("data.read", "dataset:crm/*", Sensitivity::Confidential),
               data("data.export", "dataset:crm/*", Sensitivity::Confidential)},
              1, 7, [&](Delegation &d) {
                  d.stepUp = StepUpPolicy{std::nullopt, Sensitivity::Confidential, StepUpApprover::Approver};
                  d.dualControl = DualControlPolicy{std::nullopt, {QStringLiteral("data.export")}};
              });
    if (!trip || !crm)
        return fail();
    // What the trip's EUR 420.00 went to: the three allowed payments its usage counts.
    Principal booker;
    booker.kind = Principal::Kind::Agent;
    booker.id = trip->agentId;
    booker.name = trip->chain.last().name;
    for (const DemoPayment &payment : TripPayments) {
        AuthorizeRequest request;
        request.delegationId = trip->id;
        request.action = QStringLiteral("payments.initiate");
        request.resource = QStringLiteral("account:acc_alice_main");
        request.amount = eur(payment.amountMinor);
        request.destination = QString::fromLatin1(payment.payee);
        request.sensitivity = Sensitivity::Internal;
        QJsonObject asked = AuthorizeCodec::requestToJson(request);
        asked.remove(QStringLiteral("delegation_id"));
        story.at = now.addSecs(-payment.hoursAgo * 3600);
        if (!audit.record(QStringLiteral("decision.made"), booker, *trip,
                          {{QStringLiteral("decision_id"), SecureRandom::id(u"dec_")},
                           {QStringLiteral("decision"), QStringLiteral("allow")},
                           {QStringLiteral("reason"), QStringLiteral("within_scope")},
                           {QStringLiteral("request"), asked}}))
            return fail();
    }

    if (!store.db().commit()) {
        *error = store.db().lastError();
        return false;
    }
    return true;
}

} // namespace mandate::server
