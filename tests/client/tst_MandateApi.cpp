#include "client/ApiClient.h"
#include "client/MandateApi.h"
#include "core/AuditChain.h"
#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "core/MerkleTree.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

#include <optional>

using mandate::Approval;
using mandate::ApprovalStatus;
using mandate::ApprovalVerdict;
using mandate::AuditEvent;
using mandate::Delegation;
using mandate::DelegationStatus;
using mandate::client::ApiError;
using mandate::client::MandateApi;
using mandate::client::Page;
using mandate::client::Reply;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

namespace {

// The value a typed reply delivers, or nullopt with `error` set when it failed.
template <typename T>
std::optional<T> await(const Reply<T> &reply, ApiError *error = nullptr)
{
    std::optional<T> value;
    bool finished = false;
    QObject context;
    reply.onSucceeded(&context, [&](const T &answer) {
        value = answer;
        finished = true;
    });
    reply.onFailed(&context, [&](const ApiError &failure) {
        if (error)
            *error = failure;
        finished = true;
    });
    if (!QTest::qWaitFor([&finished] { return finished; }, 15000))
        qWarning("no answer within 15 s");
    return value;
}

} // namespace

// MandateApi's typed readers against a real server: every answer the console uses arrives as a
// domain value (or a typed failure), never as JSON.
class TstMandateApi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<mandate::test::TestClient> m_alice;
    std::unique_ptr<mandate::test::TestClient> m_payer;

    std::unique_ptr<mandate::client::ApiClient> consoleClient(const QString &username)
    {
        auto rest = DemoFixtures::person(m_server.url(), username);
        auto client = std::make_unique<mandate::client::ApiClient>();
        client->setServer(QUrl(m_server.url()));
        if (rest)
            client->setToken(rest->token());
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_payer);
    }

    void signInAndMeReadThePerson()
    {
        mandate::client::ApiClient client;
        client.setServer(QUrl(m_server.url()));
        MandateApi api(client);
        const auto signedIn = await(api.signIn(QStringLiteral("alice"), QStringLiteral("mandate-demo")));
        QVERIFY(signedIn);
        QVERIFY(!signedIn->token.isEmpty());
        QCOMPARE(signedIn->user.username, QStringLiteral("alice"));
        QVERIFY(signedIn->user.isCustomer());
        client.setToken(signedIn->token);
        const auto me = await(api.me());
        QVERIFY(me);
        QCOMPARE(me->id, signedIn->user.id);

        ApiError error;
        QVERIFY(!await(api.signIn(QStringLiteral("alice"), QStringLiteral("wrong")), &error));
        QCOMPARE(error.kind, ApiError::Kind::Unauthenticated);
    }

    void delegationPagesFollowTheCursor()
    {
        auto client = consoleClient(QStringLiteral("alice"));
        MandateApi api(*client);
        const auto all = await(api.delegations({}, {}, 500));
        QVERIFY(all);
        QVERIFY(all->isLast());
        QVERIFY(all->items.size() >= 3);
        // Two at a time, the pages add up to the same list in the same order.
        QList<Delegation> paged;
        QString cursor;
        do {
            const auto page = await(api.delegations({}, cursor, 2));
            QVERIFY(page);
            QVERIFY(page->items.size() <= 2);
            paged += page->items;
            cursor = page->nextCursor;
        } while (!cursor.isEmpty());
        QCOMPARE(paged.size(), all->items.size());
        for (int i = 0; i < paged.size(); ++i)
            QCOMPARE(paged[i].id, all->items[i].id);

        const auto one = await(api.delegation(all->items.first().id));
        QVERIFY(one);
        QCOMPARE(one->id, all->items.first().id);
        QCOMPARE(one->customerId, all->items.first().customerId);
        ApiError error;
        QVERIFY(!await(api.delegation(QStringLiteral("dlg_nope")), &error));
        QCOMPARE(error.kind, ApiError::Kind::NotFound);
    }

    void agentsAndTheDemoDirectoryRead()
    {
        auto client = consoleClient(QStringLiteral("alice"));
        MandateApi api(*client);
        const auto agents = await(api.agents());
        QVERIFY(agents);
        QVERIFY(std::any_of(agents->items.cbegin(), agents->items.cend(),
                            [](const mandate::client::AgentInfo &agent) {
                                return agent.name == QLatin1String("Bill payer") && !agent.spiffeId.isEmpty();
                            }));
        const auto directory = await(api.demoDirectory());
        QVERIFY(directory);
        QCOMPARE(directory->password, QStringLiteral("mandate-demo"));
        QVERIFY(!directory->isEmpty());
    }

    void auditPagesContinueAfterTheirLastSeq()
    {
        auto client = consoleClient(QStringLiteral("ada"));
        MandateApi api(*client);
        const auto first = await(api.audit({}, {}, 5));
        QVERIFY(first);
        QCOMPARE(first->items.size(), 5);
        QVERIFY(!first->isLast());
        const auto second = await(api.audit({}, first->nextCursor, 5));
        QVERIFY(second);
        QVERIFY(!second->items.isEmpty());
        QVERIFY(second->items.first().seq > first->items.last().seq);

        const auto verification = await(api.verifyAudit());
        QVERIFY(verification);
        QVERIFY(verification->ok);
        QVERIFY(verification->events >= first->items.size() + second->items.size());
        QCOMPARE(verification->firstBadSeq, 0);
    }

    // The log's checkpoint, both proofs and both receipts arrive typed, and check out with core's
    // verifiers against the key the checkpoint names.
    void theLogsProofsAndReceiptsRead()
    {
        auto ada = consoleClient(QStringLiteral("ada"));
        MandateApi api(*ada);
        const auto first = await(api.auditCheckpoint());
        QVERIFY(first);
        const auto key = mandate::NoteVerifierKey::parse(first->verifierKey);
        QVERIFY(key);
        const auto opened = mandate::Checkpoint::open(first->note, *key);
        QVERIFY(opened);
        QCOMPARE(opened->treeSize, first->treeSize);

        // A decision, then the checkpoint that holds it (the merge delay is at most a second).
        const QString granted = m_alice
                                    ->post(QStringLiteral("/v1/delegations"),
                                           DemoFixtures::paymentGrant(
                                               DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"))))
                                    .json()
                                    .value(QStringLiteral("id"))
                                    .toString();
        const auto asked =
            m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(granted, 500));
        const QString decisionId = asked.json().value(QStringLiteral("decision_id")).toString();
        QVERIFY(!decisionId.isEmpty());
        std::optional<MandateApi::ReceiptDocument> receipt;
        QVERIFY(QTest::qWaitFor(
            [&] {
                receipt = await(api.decisionReceipt(decisionId));
                return receipt && !receipt->pending;
            },
            10000));
        QCOMPARE(receipt->eventType, QStringLiteral("decision.made"));
        QCOMPARE(receipt->verification, mandate::LogError::None);
        QVERIFY(receipt->seq > first->treeSize);
        const auto document =
            mandate::AuditReceipt::fromJson(QJsonDocument::fromJson(receipt->json).object());
        QVERIFY(document);
        QCOMPARE(document->verify(*key), mandate::LogError::None);

        const auto second = await(api.auditCheckpoint());
        QVERIFY(second && second->treeSize >= receipt->seq);
        const auto newer = mandate::Checkpoint::open(second->note, *key);
        const auto proof = await(api.consistencyProof(first->treeSize, second->treeSize));
        QVERIFY(proof);
        QCOMPARE(mandate::MerkleTree::verifyConsistency(first->treeSize, second->treeSize, *proof,
                                                        opened->rootHash, newer->rootHash),
                 mandate::LogError::None);

        const auto event = await(api.audit({}, QString::number(receipt->seq - 1), 1));
        QVERIFY(event && event->items.size() == 1);
        const auto inclusion = await(api.inclusionProof(receipt->seq, second->treeSize));
        QVERIFY(inclusion);
        QCOMPARE(inclusion->leafIndex, receipt->seq - 1);
        QCOMPARE(inclusion->treeSize, second->treeSize);
        QCOMPARE(inclusion->leafHash, mandate::AuditChain::leafHash(event->items.first()));
        QCOMPARE(mandate::MerkleTree::verifyInclusion(inclusion->leafIndex, inclusion->treeSize,
                                                      inclusion->leafHash, inclusion->auditPath,
                                                      newer->rootHash),
                 mandate::LogError::None);

        const QString delegationId = event->items.first().delegationId.value_or(QString());
        const auto grant = await(api.delegationReceipt(delegationId));
        QVERIFY(grant && !grant->pending);
        QCOMPARE(grant->eventType, QStringLiteral("delegation.granted"));
        QCOMPARE(grant->verification, mandate::LogError::None);

        // What the caller may not see is not there; a proof beyond the tree is refused.
        auto bob = consoleClient(QStringLiteral("bob"));
        MandateApi bobApi(*bob);
        ApiError error;
        QVERIFY(!await(bobApi.delegationReceipt(delegationId), &error));
        QCOMPARE(error.kind, ApiError::Kind::NotFound);
        QVERIFY(!await(bobApi.decisionReceipt(decisionId), &error));
        QCOMPARE(error.kind, ApiError::Kind::NotFound);
        QVERIFY(!await(api.inclusionProof(second->treeSize + 1000, second->treeSize), &error));
        QCOMPARE(error.kind, ApiError::Kind::Validation);
    }

    void approvalsAndDecisionsReadAsApprovals()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        auto carol = consoleClient(QStringLiteral("carol"));
        MandateApi api(*carol);
        const auto pending = await(api.approvals(ApprovalStatus::Pending, std::nullopt, {}, 500));
        QVERIFY(pending);
        QVERIFY(std::any_of(pending->items.cbegin(), pending->items.cend(),
                            [&id](const Approval &approval) { return approval.id == id; }));
        const auto decided = await(
            api.decide(id, ApprovalVerdict::Approve, QStringLiteral("Known landlord"), "key-approve-1"));
        QVERIFY(decided);
        QCOMPARE(decided->id, id);
        QCOMPARE(decided->decisions.size(), 1);

        // Dave denies; Carol's late deny gets a 409 carrying the approval as it stands.
        auto dave = consoleClient(QStringLiteral("dave"));
        MandateApi daveApi(*dave);
        const auto denied = await(
            daveApi.decide(id, ApprovalVerdict::Deny, QStringLiteral("Payee not on file"), "key-deny-1"));
        QVERIFY(denied);
        QCOMPARE(denied->status, ApprovalStatus::Denied);
        ApiError conflict;
        QVERIFY(!await(api.decide(id, ApprovalVerdict::Deny, QStringLiteral("Too late anyway"), "key-deny-2"),
                       &conflict));
        QCOMPARE(conflict.kind, ApiError::Kind::Conflict);
        const auto current = MandateApi::currentApprovalOf(conflict);
        QVERIFY(current);
        QCOMPARE(current->id, id);
        QCOMPARE(current->status, ApprovalStatus::Denied);
        QCOMPARE(current->decisions.size(), 2);
    }

    void revocationsReadTheirCounts()
    {
        auto alice = consoleClient(QStringLiteral("alice"));
        MandateApi aliceApi(*alice);
        mandate::client::DelegationFilter active;
        active.status = DelegationStatus::Active;
        const auto mine = await(aliceApi.delegations(active));
        QVERIFY(mine && !mine->items.isEmpty());
        const auto revoked = await(aliceApi.revoke(mine->items.first().id, QStringLiteral("Trip cancelled")));
        QVERIFY(revoked);
        QCOMPARE(revoked->status, DelegationStatus::Revoked);

        auto ada = consoleClient(QStringLiteral("ada"));
        MandateApi adaApi(*ada);
        const auto stillActive = await(aliceApi.delegations(active));
        QVERIFY(stillActive);
        const auto count =
            await(adaApi.revokeAll(mine->items.first().customerId, QStringLiteral("Lost phone")));
        QVERIFY(count);
        QCOMPARE(*count, stillActive->items.size());
    }

    // Admin: register (the token once), list (never the token; last use once it asked), revoke.
    void enforcementPointsRegisterListAndRevoke()
    {
        auto ada = consoleClient(QStringLiteral("ada"));
        MandateApi api(*ada);
        const auto registered = await(api.registerEnforcementPoint(QStringLiteral("  MCP server  ")));
        QVERIFY(registered);
        const mandate::client::EnforcementPointInfo point = registered->point;
        QVERIFY(registered->token.startsWith(QStringLiteral("mep_")));
        QCOMPARE(point.name, QStringLiteral("MCP server"));
        QVERIFY(point.id.startsWith(QStringLiteral("ep_")));
        QVERIFY(point.createdAt.isValid());
        QVERIFY(!point.lastUsedAt.isValid());
        QVERIFY(!point.isRevoked());

        // The point asks once with its token: the list shows when.
        mandate::test::TestClient gateway(m_server.url());
        gateway.setToken(registered->token);
        const QByteArray question =
            R"({"subject":{"type":"agent","id":"spiffe://demo.mandate.local/nobody"},)"
            R"("action":{"name":"payments.initiate"},"resource":{"type":"account","id":"acc_1"}})";
        QCOMPARE(gateway.postRaw(QStringLiteral("/access/v1/evaluation"), question).status, 200);
        const auto listed = await(api.enforcementPoints());
        QVERIFY(listed);
        QVERIFY(listed->isLast());
        QVERIFY(!listed->items.isEmpty());
        QCOMPARE(listed->items.first().id, point.id); // newest first
        QVERIFY(listed->items.first().lastUsedAt.isValid());
        QVERIFY(!listed->items.first().isRevoked());

        const auto revoked = await(api.revokeEnforcementPoint(point.id));
        QVERIFY(revoked);
        QCOMPARE(revoked->id, point.id);
        QVERIFY(revoked->isRevoked());
        QCOMPARE(gateway.postRaw(QStringLiteral("/access/v1/evaluation"), question).status, 401);
        const auto after = await(api.enforcementPoints());
        QVERIFY(after && after->items.first().isRevoked());

        ApiError error;
        QVERIFY(!await(api.registerEnforcementPoint(QStringLiteral("   ")), &error));
        QCOMPARE(error.kind, ApiError::Kind::Validation);
        QCOMPARE(error.fieldErrors.size(), 1);
        QCOMPARE(error.fieldErrors.first().field, QStringLiteral("name"));
        QVERIFY(!await(api.registerEnforcementPoint(QString(201, u'x')), &error));
        QCOMPARE(error.kind, ApiError::Kind::Validation);
        QCOMPARE(error.fieldErrors.first().field, QStringLiteral("name"));
        QVERIFY(!await(api.revokeEnforcementPoint(QStringLiteral("ep_nope")), &error));
        QCOMPARE(error.kind, ApiError::Kind::NotFound);

        // Only admins: support staff are refused all three.
        auto sam = consoleClient(QStringLiteral("sam"));
        MandateApi samApi(*sam);
        QVERIFY(!await(samApi.enforcementPoints(), &error));
        QCOMPARE(error.kind, ApiError::Kind::Forbidden);
        QVERIFY(!await(samApi.registerEnforcementPoint(QStringLiteral("Rogue")), &error));
        QCOMPARE(error.kind, ApiError::Kind::Forbidden);
        QVERIFY(!await(samApi.revokeEnforcementPoint(point.id), &error));
        QCOMPARE(error.kind, ApiError::Kind::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TstMandateApi)
#include "tst_MandateApi.moc"
