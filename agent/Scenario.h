#pragma once

#include "agent/Session.h"
#include "core/AuthorizeRequest.h"
#include "core/Decision.h"

#include <QHash>
#include <QUrl>

#include <map>
#include <memory>

namespace mandate::agent {

// Scripted, realistic traffic against the demo organisation, one sentence per step: a trip that
// waits for Alice's step-up, a sub-delegation to a helper, bill payments with one over a cap,
// a CRM export left for two approvers, and an agent upgrade that revokes a delegation. Every run
// grants what it needs afresh, so the demo can repeat it every few seconds.
class Scenario
{
public:
    explicit Scenario(const QUrl &server);
    ~Scenario();

    int run();

private:
    bool prepare();
    bool travel();
    bool bills();
    bool crmExport();

    Session *person(const QString &username);
    Session *agent(const QString &name);
    bool ensureHelperRegistered();
    std::optional<QString> grant(Session &customer, const DelegationGrant &grant, const QString &story);
    // Asks as the agent and checks the reason the story expects (which implies the outcome);
    // logs the step either way.
    std::optional<Decision> expect(Session &agent, const AuthorizeRequest &request, ReasonCode expected,
                                   const QString &story);
    bool fail(const QString &sentence);
    void log(const QString &sentence);

    QUrl m_server;
    std::map<QString, std::unique_ptr<Session>> m_people;
    std::map<QString, std::unique_ptr<Session>> m_agents;
    QHash<QString, QString> m_agentIds;
    QString m_tripId;
    QDateTime m_tripExpiry;
};

} // namespace mandate::agent
