#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// The request-time decision over the wire: scopes and limits, step-up and dual control end to
// end, context change, completion, sub-delegation and JIT credentials.
class TstServerAuthorize : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_dave;
    std::unique_ptr<TestClient> m_sam;
    std::unique_ptr<TestClient> m_payer;  // the Bill payer agent
    std::unique_ptr<TestClient> m_helper; // the Travel helper agent
    QString m_payerId;

    QString grant(QJsonObject extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const auto reply = m_alice->post(QStringLiteral("/v1/delegations"), body);
        return reply.json().value(QStringLiteral("id")).toString();
    }

    TestClient::Reply authorize(TestClient &agent, const QJsonObject &request)
    {
        return agent.post(QStringLiteral("/v1/authorize"), request);
    }

    static QString decision(const TestClient::Reply &reply)
    {
        return reply.json().value(QStringLiteral("decision")).toString();
    }
    static QString reason(const TestClient::Reply &reply)
    {
        return reply.json().value(QStringLiteral("reason")).toString();
    }

    // Writes to the server's database over a connection of this test's own.
    bool writeBehindTheServer(const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("behind"));
            db.setDatabaseName(m_server.dataDir() + QStringLiteral("/mandate.db"));
            ok = db.open() && QSqlQuery(db).exec(sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("behind"));
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        QVERIFY(m_carol);
        m_dave = DemoFixtures::person(m_server.url(), QStringLiteral("dave"));
        QVERIFY(m_dave);
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        QVERIFY(m_sam);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        m_helper = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Travel helper"));
        QVERIFY(m_payer && m_helper);
    }

    void jwksPublishesTheSigningKey()
    {
        TestClient anonymous(m_server.url());
        const auto jwks = anonymous.get(QStringLiteral("/v1/jwks"));
        QCOMPARE(jwks.status, 200);
        const QJsonObject key = jwks.json().value(QStringLiteral("keys")).toArray().first().toObject();
        QCOMPARE(key.value(QStringLiteral("alg")).toString(), QStringLiteral("EdDSA"));
        QVERIFY(!key.contains(QStringLiteral("d")));
    }

    void decidesWithinScopeAndRecordsUsage()
    {
        const QString id = grant();
        const auto allow = authorize(*m_payer, DemoFixtures::authorizeRequest(id, 30000));
        QCOMPARE(allow.status, 200);
        QCOMPARE(decision(allow), QStringLiteral("allow"));
        QCOMPARE(reason(allow), QStringLiteral("within_scope"));
        QVERIFY(
            allow.json().value(QStringLiteral("decision_id")).toString().startsWith(QStringLiteral("dec_")));

        const QJsonObject d = m_alice->get(QStringLiteral("/v1/delegations/") + id).json();
        QCOMPARE(d.value(QStringLiteral("usage")).toObject().value(QStringLiteral("uses")).toInteger(), 1);
        const QJsonObject used = d.value(QStringLiteral("scopes"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("used"))
                                     .toObject();
        QCOMPARE(
            used.value(QStringLiteral("spent")).toObject().value(QStringLiteral("amount_minor")).toInteger(),
            30000);

        QCOMPARE(reason(authorize(*m_payer, DemoFixtures::authorizeRequest(id, 50001))),
                 QStringLiteral("per_action_limit_exceeded"));
        QCOMPARE(reason(authorize(*m_payer,
                                  DemoFixtures::authorizeRequest(id, 100, QStringLiteral("payee:mallory")))),
                 QStringLiteral("destination_not_allowed"));
        QJsonObject other = DemoFixtures::authorizeRequest(id, 100);
        other.insert(QStringLiteral("action"), QStringLiteral("records.delete"));
        QCOMPARE(reason(authorize(*m_payer, other)), QStringLiteral("action_not_in_scope"));
        // 30000 spent of 120000: 90000 more is exactly the cap, one cent more is not.
        QCOMPARE(reason(authorize(*m_payer, DemoFixtures::authorizeRequest(id, 50000))),
                 QStringLiteral("within_scope"));
        QCOMPARE(reason(authorize(*m_payer, DemoFixtures::authorizeRequest(id, 40001))),
                 QStringLiteral("total_limit_exceeded"));
        QCOMPARE(reason(authorize(*m_payer, DemoFixtures::authorizeRequest(id, 40000))),
                 QStringLiteral("within_scope"));

        // Every decision, allowed or not, is in the audit trail.
        const auto trail = m_sam->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + id);
        QCOMPARE(trail.json().value(QStringLiteral("items")).toArray().size(), 7);
    }

    void otherAgentsAndPeopleCannotAct()
    {
        const QString id = grant();
        QCOMPARE(authorize(*m_helper, DemoFixtures::authorizeRequest(id, 100)).status, 404);
        QCOMPARE(authorize(*m_alice, DemoFixtures::authorizeRequest(id, 100)).status, 403);
        QCOMPARE(authorize(*m_payer, DemoFixtures::authorizeRequest(QStringLiteral("dlg_nope"), 100)).status,
                 404);
        TestClient forged(m_server.url());
        forged.setToken(QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
        QCOMPARE(authorize(forged, DemoFixtures::authorizeRequest(id, 100)).status, 401);
    }

    void anotherAgentLearnsNothingAndLeavesNoTraceInTheCustomersTrail()
    {
        const QString active = grant();
        const QString revoked = grant();
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + revoked + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Done with it")}})
                     .status,
                 200);
        const auto unknown =
            authorize(*m_helper, DemoFixtures::authorizeRequest(QStringLiteral("dlg_nope"), 100));
        QCOMPARE(unknown.status, 404);
        // Active, revoked and unknown look alike: the same status and the same kind of problem.
        for (const QString &id : {active, revoked}) {
            const auto probe = authorize(*m_helper, DemoFixtures::authorizeRequest(id, 100));
            QCOMPARE(probe.status, 404);
            QCOMPARE(probe.json().value(QStringLiteral("type")),
                     unknown.json().value(QStringLiteral("type")));
            QCOMPARE(probe.json().value(QStringLiteral("title")),
                     unknown.json().value(QStringLiteral("title")));
            // Nothing lands in the customer's trail for it ...
            const auto trail =
                m_alice->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + id);
            QCOMPARE(trail.json().value(QStringLiteral("items")).toArray().size(), 0);
        }
        // ... but the probing agent's own trail shows every attempt, for investigators.
        const QString helperId = DemoFixtures::agentId(*m_alice, QStringLiteral("Travel helper"));
        const auto refused =
            m_sam->get(QStringLiteral("/v1/audit?type=access.refused&agent_id=") + helperId).json();
        const QJsonArray items = refused.value(QStringLiteral("items")).toArray();
        QVERIFY2(items.size() >= 3, qPrintable(QString::number(items.size())));
        const QJsonObject last = items.last().toObject();
        QVERIFY(last.value(QStringLiteral("delegation_id")).isNull());
        QCOMPARE(last.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(),
                 helperId);
        QCOMPARE(
            last.value(QStringLiteral("data")).toObject().value(QStringLiteral("requested_delegation_id")),
            QJsonValue(revoked));
        QCOMPARE(m_alice->get(QStringLiteral("/v1/audit?type=access.refused"))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
    }

    void stepUpByTheCustomer()
    {
        const QString id = grant(DemoFixtures::stepUpAbove(20000, QStringLiteral("customer")));
        const QJsonObject request = DemoFixtures::authorizeRequest(id, 25000);
        const auto first = authorize(*m_payer, request);
        QCOMPARE(decision(first), QStringLiteral("step_up_required"));
        QCOMPARE(reason(first), QStringLiteral("step_up_threshold"));
        const QString approvalId = first.json().value(QStringLiteral("approval_id")).toString();
        QVERIFY(approvalId.startsWith(QStringLiteral("apr_")));
        // A retry finds the same pending approval instead of opening another.
        QCOMPARE(authorize(*m_payer, request).json().value(QStringLiteral("approval_id")).toString(),
                 approvalId);

        // Alice sees it; the approvers do not; support reads it but cannot decide.
        const auto mine = m_alice->get(QStringLiteral("/v1/approvals?status=pending"));
        QVERIFY(mine.body.contains(approvalId.toUtf8()));
        const QJsonObject approval = m_alice->get(QStringLiteral("/v1/approvals/") + approvalId).json();
        QCOMPARE(approval.value(QStringLiteral("kind")).toString(), QStringLiteral("step_up"));
        QVERIFY(approval.value(QStringLiteral("summary")).toString().contains(QStringLiteral("EUR 250.00")));
        QCOMPARE(m_carol->get(QStringLiteral("/v1/approvals/") + approvalId).status, 404);
        QCOMPARE(m_sam->get(QStringLiteral("/v1/approvals/") + approvalId).status, 200);
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");
        QCOMPARE(m_sam->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")}}).status, 403);

        // Retrying with the approval before it is decided still waits.
        QJsonObject withApproval = request;
        withApproval.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(reason(authorize(*m_payer, withApproval)), QStringLiteral("approval_pending"));

        const auto approved = m_alice->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json().value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        const auto again = m_alice->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json()
                     .value(QStringLiteral("approval"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("approved"));

        // The approval authorizes exactly that request, once.
        QJsonObject different = DemoFixtures::authorizeRequest(id, 26000);
        different.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(reason(authorize(*m_payer, different)), QStringLiteral("approval_mismatch"));
        const auto allowed = authorize(*m_payer, withApproval);
        QCOMPARE(decision(allowed), QStringLiteral("allow"));
        QCOMPARE(reason(allowed), QStringLiteral("approved"));
        QCOMPARE(reason(authorize(*m_payer, withApproval)), QStringLiteral("approval_mismatch"));
    }

    void dualControlByTwoDistinctApprovers()
    {
        const QString id = grant({{QStringLiteral("dual_control"),
                                   QJsonObject{{QStringLiteral("above"), DemoFixtures::money(40000)}}}});
        const QJsonObject request = DemoFixtures::authorizeRequest(id, 45000);
        const auto first = authorize(*m_payer, request);
        QCOMPARE(decision(first), QStringLiteral("dual_control_required"));
        const QString approvalId = first.json().value(QStringLiteral("approval_id")).toString();
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");

        QCOMPARE(m_alice->get(QStringLiteral("/v1/approvals/") + approvalId).status, 404);
        const auto carol =
            m_carol->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")},
                                 {QStringLiteral("reason"), QStringLiteral("Known landlord")}});
        QCOMPARE(carol.status, 200);
        QCOMPARE(carol.json().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(m_carol->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")}}).status, 403);
        const auto dave = m_dave->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(dave.status, 200);
        QCOMPARE(dave.json().value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(dave.json().value(QStringLiteral("decisions")).toArray().size(), 2);

        QJsonObject withApproval = request;
        withApproval.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(reason(authorize(*m_payer, withApproval)), QStringLiteral("approved"));
    }

    void denyNeedsAReasonAndEndsTheRequest()
    {
        const QString id = grant(
            {{QStringLiteral("dual_control"),
              QJsonObject{{QStringLiteral("actions"), QJsonArray{QStringLiteral("payments.initiate")}}}}});
        const auto first = authorize(*m_payer, DemoFixtures::authorizeRequest(id, 100));
        QCOMPARE(reason(first), QStringLiteral("dual_control_action"));
        const QString approvalId = first.json().value(QStringLiteral("approval_id")).toString();
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");
        const auto tooShort = m_carol->post(path, {{QStringLiteral("decision"), QStringLiteral("deny")},
                                                   {QStringLiteral("reason"), QStringLiteral("no")}});
        QCOMPARE(tooShort.status, 400);
        const auto denied =
            m_carol->post(path, {{QStringLiteral("decision"), QStringLiteral("deny")},
                                 {QStringLiteral("reason"), QStringLiteral("Payee not on file")}});
        QCOMPARE(denied.json().value(QStringLiteral("status")).toString(), QStringLiteral("denied"));
        QJsonObject withApproval = DemoFixtures::authorizeRequest(id, 100);
        withApproval.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(reason(authorize(*m_payer, withApproval)), QStringLiteral("approval_denied"));
    }

    void contextChangeRevokes()
    {
        const QString id =
            grant({{QStringLiteral("revoke_on"), QJsonObject{{QStringLiteral("task_complete"), true},
                                                             {QStringLiteral("context_change"), true}}}});
        QJsonObject request = DemoFixtures::authorizeRequest(id, 100);
        request.insert(QStringLiteral("context"),
                       QJsonObject{{QStringLiteral("agent_version"), QStringLiteral("1.4.2")}});
        QCOMPARE(reason(authorize(*m_payer, request)), QStringLiteral("within_scope"));
        QCOMPARE(reason(authorize(*m_payer, request)), QStringLiteral("within_scope"));
        request.insert(QStringLiteral("context"),
                       QJsonObject{{QStringLiteral("agent_version"), QStringLiteral("2.0.0")}});
        QCOMPARE(reason(authorize(*m_payer, request)), QStringLiteral("context_changed"));
        QCOMPARE(m_alice->get(QStringLiteral("/v1/delegations/") + id)
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(reason(authorize(*m_payer, request)), QStringLiteral("delegation_not_active"));
    }

    // The write connection keeps decoded delegations between transactions; a commit by any other
    // connection must still reach the next decision.
    void aCommitByAnotherConnectionReachesTheNextDecision()
    {
        if (TestServer::usesPostgres())
            QSKIP("writes the SQLite file behind the server; on PostgreSQL every write transaction re-reads "
                  "(see ServerCluster)");
        const QString id = grant();
        const QJsonObject request = DemoFixtures::authorizeRequest(id, 100);
        QCOMPARE(reason(authorize(*m_payer, request)), QStringLiteral("within_scope"));
        QVERIFY(writeBehindTheServer(
            QStringLiteral("UPDATE delegations SET status = 'revoked' WHERE id = '%1'").arg(id)));
        QCOMPARE(reason(authorize(*m_payer, request)), QStringLiteral("delegation_not_active"));
    }

    void completionEndsTheDelegation()
    {
        const QString id = grant();
        QCOMPARE(
            m_helper->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/complete"), {}).status,
            404);
        const auto done =
            m_payer->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/complete"), {});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(reason(authorize(*m_payer, DemoFixtures::authorizeRequest(id, 100))),
                 QStringLiteral("delegation_not_active"));
    }

    void subDelegationMustAttenuateAndChargesItsAncestors()
    {
        const QString parent = grant();
        const QString path = QStringLiteral("/v1/delegations/") + parent + QStringLiteral("/subdelegations");
        QJsonObject child = DemoFixtures::paymentGrant(m_payerId, QStringLiteral("Pay the deposit"), 6);
        child.remove(QStringLiteral("agent_id"));
        child.insert(QStringLiteral("agent_spiffe_id"),
                     QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"));

        QJsonObject wider = child;
        QJsonArray scopes = wider.value(QStringLiteral("scopes")).toArray();
        QJsonObject scope = scopes[0].toObject();
        scope.insert(QStringLiteral("max_total"), DemoFixtures::money(500000));
        scope.insert(QStringLiteral("destinations"), QJsonArray{QStringLiteral("payee:*")});
        scopes[0] = scope;
        wider.insert(QStringLiteral("scopes"), scopes);
        const auto refused = m_payer->post(path, wider);
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.errorFields().contains(QStringLiteral("scopes[0].max_total.amount_minor")));
        QVERIFY(refused.errorFields().size() >= 2);

        QCOMPARE(m_helper->post(path, child).status, 404);
        const auto created = m_payer->post(path, child);
        QVERIFY2(created.status == 201, created.body.constData());
        const QString childId = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(created.json().value(QStringLiteral("parent_id")).toString(), parent);
        QCOMPARE(created.json().value(QStringLiteral("chain")).toArray().size(), 3);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/delegations/") + parent)
                     .json()
                     .value(QStringLiteral("children"))
                     .toArray(),
                 QJsonArray{childId});

        QCOMPARE(reason(authorize(*m_helper, DemoFixtures::authorizeRequest(childId, 30000))),
                 QStringLiteral("within_scope"));
        const QJsonObject parentNow = m_alice->get(QStringLiteral("/v1/delegations/") + parent).json();
        QCOMPARE(
            parentNow.value(QStringLiteral("usage")).toObject().value(QStringLiteral("uses")).toInteger(), 1);

        // Revoking the parent ends the child at once.
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + parent + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Trip cancelled")}})
                     .status,
                 200);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/delegations/") + childId)
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("revoked"));
    }

    void jitCredentialsDieWithTheirDelegation()
    {
        const QString id = grant();
        const QString other = grant();
        const auto issued =
            m_payer->post(QStringLiteral("/v1/credentials"),
                          {{QStringLiteral("delegation_id"), id}, {QStringLiteral("ttl_seconds"), 300}});
        QCOMPARE(issued.status, 201);
        QCOMPARE(issued.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        const QString token = issued.json().value(QStringLiteral("token")).toString();
        QCOMPARE(m_helper
                     ->post(QStringLiteral("/v1/credentials"),
                            {{QStringLiteral("delegation_id"), id}, {QStringLiteral("ttl_seconds"), 300}})
                     .status,
                 404);

        TestClient jit(m_server.url());
        jit.setToken(token);
        QCOMPARE(reason(authorize(jit, DemoFixtures::authorizeRequest(id, 100))),
                 QStringLiteral("within_scope"));
        QCOMPARE(authorize(jit, DemoFixtures::authorizeRequest(other, 100)).status, 403);
        QCOMPARE(jit.post(QStringLiteral("/v1/credentials"),
                          {{QStringLiteral("delegation_id"), id}, {QStringLiteral("ttl_seconds"), 60}})
                     .status,
                 403);

        const auto active = m_sam->post(QStringLiteral("/v1/introspect"), {{QStringLiteral("token"), token}});
        QCOMPARE(active.json().value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(active.json().value(QStringLiteral("dlg")).toString(), id);
        QCOMPARE(
            active.json().value(QStringLiteral("act")).toObject().value(QStringLiteral("sub")).toString(),
            DemoFixtures::userId(*m_alice));
        const auto form = m_sam->postRaw(QStringLiteral("/v1/introspect"), "token=" + token.toUtf8(),
                                         "application/x-www-form-urlencoded");
        QCOMPARE(form.json().value(QStringLiteral("active")).toBool(), true);

        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("No longer needed")}})
                     .status,
                 200);
        QCOMPARE(m_sam->post(QStringLiteral("/v1/introspect"), {{QStringLiteral("token"), token}}).json(),
                 (QJsonObject{{QStringLiteral("active"), false}}));
        QCOMPARE(reason(authorize(jit, DemoFixtures::authorizeRequest(id, 100))),
                 QStringLiteral("delegation_not_active"));
    }

    void suspendedAgentsAreRefused()
    {
        const QString id = grant();
        QCOMPARE(m_sam
                     ->post(QStringLiteral("/v1/agents/") + m_payerId + QStringLiteral("/suspend"),
                            {{QStringLiteral("reason"), QStringLiteral("Leaked key")}})
                     .status,
                 200);
        QCOMPARE(reason(authorize(*m_payer, DemoFixtures::authorizeRequest(id, 100))),
                 QStringLiteral("delegation_not_active"));
        QCOMPARE(m_payer
                     ->post(QStringLiteral("/v1/credentials"),
                            {{QStringLiteral("delegation_id"), id}, {QStringLiteral("ttl_seconds"), 60}})
                     .status,
                 403);
    }
};

QTEST_GUILESS_MAIN(TstServerAuthorize)
#include "tst_ServerAuthorize.moc"
