#include "agent/Scenario.h"

#include "agent/AgentIdentity.h"
#include "agent/ExitCode.h"
#include "agent/ScenarioGrants.h"
#include "core/AuthorizeCodec.h"

#include <QTextStream>

namespace mandate::agent {

namespace {

const QString Booker = QStringLiteral("Travel booker");
const QString Payer = QStringLiteral("Bill payer");
const QString Exporter = QStringLiteral("CRM exporter");
const QString Helper = QStringLiteral("Travel helper");
const QString Account = QStringLiteral("account:acc_alice_main");

QString helperSpiffeId()
{
    return QLatin1StringView(ScenarioGrants::TrustDomain) + QStringLiteral("/agents/travel-helper");
}

QString eur(qint64 minor)
{
    return ScenarioGrants::eur(minor).toDisplayString();
}

} // namespace

Scenario::Scenario(const QUrl &server)
    : m_server(server)
{}

Scenario::~Scenario()
{
    for (auto &[name, session] : m_people)
        session->signOut();
}

int Scenario::run()
{
    if (!prepare() || !travel() || !bills() || !crmExport())
        return Failed;
    log(QStringLiteral("Scenario complete; the pending approvals wait for Alice, Carol and Dave."));
    return Allowed;
}

void Scenario::log(const QString &sentence)
{
    QTextStream(stdout) << sentence << Qt::endl;
}

bool Scenario::fail(const QString &sentence)
{
    QTextStream(stderr) << "mandate-agent scenario: " << sentence << Qt::endl;
    return false;
}

Session *Scenario::person(const QString &username)
{
    if (const auto it = m_people.find(username); it != m_people.end())
        return it->second.get();
    auto session = std::make_unique<Session>(m_server);
    QString error;
    if (!AgentIdentity::signIn(*session, username, &error)) {
        fail(error);
        return nullptr;
    }
    return m_people.emplace(username, std::move(session)).first->second.get();
}

Session *Scenario::agent(const QString &name)
{
    const auto it = m_agents.find(name);
    return it == m_agents.end() ? nullptr : it->second.get();
}

bool Scenario::ensureHelperRegistered()
{
    Session &ada = *m_people.at(QStringLiteral("ada"));
    if (AgentIdentity::findAgent(ada, Helper))
        return true;
    const CallResult registered = ada.wait(ada.agent().registerAgent(
        helperSpiffeId(), Helper, QStringLiteral("Sub-agent the travel booker hands rail bookings to.")));
    // 409: another run registered it in between, which is just as good.
    if (!registered.ok && registered.error.kind != client::ApiError::Kind::Conflict)
        return fail(QStringLiteral("Ada cannot register the travel helper: ") + registered.problem());
    log(QStringLiteral("Ada registered the Travel helper agent as %1.").arg(helperSpiffeId()));
    return true;
}

bool Scenario::prepare()
{
    Session *ada = person(QStringLiteral("ada"));
    if (!ada || !person(QStringLiteral("alice")) || !person(QStringLiteral("bob")) ||
        !ensureHelperRegistered())
        return false;
    for (const QString &name : {Booker, Payer, Exporter, Helper}) {
        const auto id = AgentIdentity::findAgent(*ada, name);
        if (!id)
            return fail(id.error());
        const CallResult svid = ada->wait(ada->agent().mintSvid(*id));
        if (!svid.ok)
            return fail(QStringLiteral("Ada cannot mint an SVID for the %1: %2").arg(name, svid.problem()));
        auto session = std::make_unique<Session>(m_server);
        session->useSvid(svid.body.value(QStringLiteral("token")).toString());
        m_agents.emplace(name, std::move(session));
        m_agentIds.insert(name, *id);
    }
    log(QStringLiteral(
        "Ada minted fresh SVIDs for the travel booker, bill payer, CRM exporter and travel helper."));
    return true;
}

std::optional<QString> Scenario::grant(Session &customer, const DelegationGrant &grant, const QString &story)
{
    const auto created = customer.wait(customer.people().grant(grant));
    if (!created.ok()) {
        fail(QStringLiteral("The grant \"%1\" was refused: %2").arg(grant.purpose, created.problem()));
        return std::nullopt;
    }
    log(story);
    return created.value->id;
}

std::optional<Decision> Scenario::expect(Session &agent, const AuthorizeRequest &request, ReasonCode expected,
                                         const QString &story)
{
    const CallResult answer = agent.wait(agent.agent().authorize(request));
    if (!answer.ok) {
        fail(story + QStringLiteral(" — the server refused to decide: ") + answer.problem());
        return std::nullopt;
    }
    const auto decision = AuthorizeCodec::decisionFromJson(answer.body);
    if (!decision) {
        fail(story + QStringLiteral(" — the decision does not follow the contract."));
        return std::nullopt;
    }
    const QString outcome = decisionOutcomeToString(decision->outcome) + QStringLiteral(" (") +
                            reasonCodeToString(decision->reason) + u')';
    if (decision->reason != expected) {
        fail(story + QStringLiteral(": expected %1, got %2 — %3")
                         .arg(reasonCodeToString(expected), outcome, decision->message));
        return std::nullopt;
    }
    log(story + QStringLiteral(": ") + outcome + u'.');
    return *decision;
}

bool Scenario::travel()
{
    Session &alice = *m_people.at(QStringLiteral("alice"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const DelegationGrant trip = ScenarioGrants::trip(m_agentIds.value(Booker), now);
    const auto tripId = grant(alice, trip,
                              QStringLiteral("Alice let the Travel booker spend up to %1 on her Berlin trip, "
                                             "asking her before anything above %2.")
                                  .arg(eur(300000), eur(20000)));
    if (!tripId)
        return false;
    m_tripId = *tripId;
    m_tripExpiry = trip.expiresAt;
    Session &booker = *agent(Booker);
    const QString version = QStringLiteral("1.4.2");
    if (!expect(
            booker,
            ScenarioGrants::payment(m_tripId, Account, 8990, QStringLiteral("payee:db-bahn"), version),
            ReasonCode::WithinScope,
            QStringLiteral("The Travel booker bought a %1 train ticket from Deutsche Bahn").arg(eur(8990))))
        return false;
    const auto flight = expect(
        booker, ScenarioGrants::payment(m_tripId, Account, 41200, QStringLiteral("payee:lufthansa"), version),
        ReasonCode::StepUpThreshold,
        QStringLiteral("The Travel booker wants a %1 Lufthansa flight, above Alice's step-up threshold")
            .arg(eur(41200)));
    if (!flight)
        return false;
    log(QStringLiteral("Approval %1 waits for Alice to confirm the flight in the console.")
            .arg(flight->approvalId.value_or(QString())));

    const CallResult child = booker.wait(
        booker.agent().subdelegate(m_tripId, ScenarioGrants::helperSeats(helperSpiffeId(), m_tripExpiry)));
    if (!child.ok)
        return fail(QStringLiteral("The Travel booker cannot hand seat bookings to its helper: ") +
                    child.problem());
    const QString childId = child.body.value(QStringLiteral("id")).toString();
    log(QStringLiteral("The Travel booker handed rail seat bookings up to %1 to the Travel helper (%2).")
            .arg(eur(40000), childId));
    Session &helper = *agent(Helper);
    if (!expect(helper,
                ScenarioGrants::payment(childId, Account, 1800, QStringLiteral("payee:db-bahn"),
                                        QStringLiteral("0.9.1")),
                ReasonCode::WithinScope,
                QStringLiteral("The Travel helper reserved two seats for %1, charged to Alice's trip")
                    .arg(eur(1800))))
        return false;
    const CallResult done = helper.wait(helper.agent().complete(childId));
    if (!done.ok)
        return fail(QStringLiteral("The Travel helper cannot report its task complete: ") + done.problem());
    log(QStringLiteral("The Travel helper reported its task complete; its sub-delegation ended."));
    return true;
}

bool Scenario::bills()
{
    Session &alice = *m_people.at(QStringLiteral("alice"));
    const auto billsId =
        grant(alice, ScenarioGrants::bills(m_agentIds.value(Payer), QDateTime::currentDateTimeUtc()),
              QStringLiteral("Alice let the Bill payer pay Stadtwerke and Telekom, at most %1 a bill.")
                  .arg(eur(50000)));
    if (!billsId)
        return false;
    Session &payer = *agent(Payer);
    const QString version = QStringLiteral("2.3.0");
    const struct
    {
        qint64 minor;
        const char *payee;
        ReasonCode expected;
        const char *story;
    } payments[] = {
        {8420, "payee:stadtwerke", ReasonCode::WithinScope, "The Bill payer paid the %1 electricity bill"},
        {3999, "payee:telekom", ReasonCode::WithinScope, "The Bill payer paid the %1 phone bill"},
        {61200, "payee:stadtwerke", ReasonCode::PerActionLimitExceeded,
         "The Bill payer tried to pay a %1 annual settlement, over the per-bill cap"},
    };
    for (const auto &p : payments) {
        if (!expect(
                payer,
                ScenarioGrants::payment(*billsId, Account, p.minor, QString::fromLatin1(p.payee), version),
                p.expected, QString::fromLatin1(p.story).arg(eur(p.minor))))
            return false;
    }
    // The same agent comes back as a new build: the bound context no longer matches, so the
    // delegation is revoked before the new code can spend anything.
    if (!expect(
            payer,
            ScenarioGrants::payment(*billsId, Account, 2500, QStringLiteral("payee:telekom"),
                                    QStringLiteral("2.4.0")),
            ReasonCode::ContextChanged,
            QStringLiteral("The Bill payer came back as version 2.4.0 and asked to pay %1").arg(eur(2500))))
        return false;
    log(QStringLiteral("Mandate revoked Alice's bill delegation because the agent changed under it."));
    return true;
}

bool Scenario::crmExport()
{
    Session &bob = *m_people.at(QStringLiteral("bob"));
    const auto crmId = grant(
        bob, ScenarioGrants::crmExport(m_agentIds.value(Exporter), QDateTime::currentDateTimeUtc()),
        QStringLiteral("Bob let the CRM exporter read CRM datasets and export them under dual control."));
    if (!crmId)
        return false;
    Session &exporter = *agent(Exporter);
    if (!expect(exporter,
                ScenarioGrants::dataAccess(*crmId, QStringLiteral("data.read"),
                                           QStringLiteral("dataset:crm/accounts"), Sensitivity::Internal),
                ReasonCode::WithinScope, QStringLiteral("The CRM exporter read the accounts dataset")))
        return false;
    const auto exported = expect(
        exporter,
        ScenarioGrants::dataAccess(*crmId, QStringLiteral("data.export"),
                                   QStringLiteral("dataset:crm/accounts-q4"), Sensitivity::Confidential),
        ReasonCode::DualControlAction, QStringLiteral("The CRM exporter wants to export the Q4 accounts"));
    if (!exported)
        return false;
    log(QStringLiteral("Approval %1 waits for two approvers, Carol and Dave.")
            .arg(exported->approvalId.value_or(QString())));
    return true;
}

} // namespace mandate::agent
