#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// The real mandate-agent binary against a real mandate-server --demo: the scenario's traffic must
// show up in the audit log as a support person reads it, and the subcommands' exit codes and
// messages are what scripts rely on.
class TstAgentScenario : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_sam;
    QString m_payerId;

    QProcess *startAgent(const QStringList &arguments)
    {
        auto *process = new QProcess(this);
        process->setProgram(QStringLiteral(MANDATE_AGENT_BINARY));
        process->setArguments(QStringList{QStringLiteral("--server"), m_server.url()} + arguments);
        process->start();
        return process;
    }

    Run finish(QProcess *process)
    {
        Run run;
        if (process->waitForFinished(120'000) && process->exitStatus() == QProcess::NormalExit)
            run.exitCode = process->exitCode();
        run.out = QString::fromUtf8(process->readAllStandardOutput());
        run.err = QString::fromUtf8(process->readAllStandardError());
        process->deleteLater();
        return run;
    }

    Run agent(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess *process = startAgent(arguments);
        if (!input.isEmpty()) {
            process->write(input);
            process->closeWriteChannel();
        }
        return finish(process);
    }

    static QStringList asPayer()
    {
        return {QStringLiteral("--mint-as"), QStringLiteral("ada"), QStringLiteral("--agent"),
                QStringLiteral("Bill payer")};
    }

    static QStringList payment(const QString &delegationId, const QString &amount)
    {
        return {QStringLiteral("authorize"),
                QStringLiteral("--delegation"),
                delegationId,
                QStringLiteral("--action"),
                QStringLiteral("payments.initiate"),
                QStringLiteral("--resource"),
                QStringLiteral("account:acc_1"),
                QStringLiteral("--amount"),
                amount,
                QStringLiteral("--destination"),
                QStringLiteral("payee:landlord")};
    }

    // A fresh grant to the Bill payer: EUR 500.00 a payment, Alice's step-up above EUR 200.00.
    QString grantToPayer()
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        body.insert(QStringLiteral("step_up"),
                    QJsonObject{{QStringLiteral("above"), DemoFixtures::money(20000)},
                                {QStringLiteral("approver"), QStringLiteral("customer")}});
        return m_alice->post(QStringLiteral("/v1/delegations"), body)
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    QString mintSvid(const QString &agentName)
    {
        TestClient ada(m_server.url());
        if (!ada.signIn(QStringLiteral("ada")))
            return {};
        const QString id = DemoFixtures::agentId(ada, agentName);
        return ada.post(QStringLiteral("/v1/agents/") + id + QStringLiteral("/svid"), {})
            .json()
            .value(QStringLiteral("token"))
            .toString();
    }

    // Every audit event after `afterSeq`, paging through the ascending log.
    QList<QJsonObject> auditAfter(qint64 afterSeq)
    {
        QList<QJsonObject> events;
        while (true) {
            const auto page = m_sam->get(QStringLiteral("/v1/audit?limit=500&after_seq=%1").arg(afterSeq));
            const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
            for (const QJsonValue &item : items) {
                events.append(item.toObject());
                afterSeq = item.toObject().value(QStringLiteral("seq")).toInteger();
            }
            if (items.size() < 500)
                return events;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        QVERIFY(m_alice && m_sam);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        QVERIFY(!m_payerId.isEmpty());
    }

    void scenarioLeavesItsTrailInTheAudit()
    {
        const QList<QJsonObject> before = auditAfter(0);
        const qint64 start = before.isEmpty() ? 0 : before.last().value(QStringLiteral("seq")).toInteger();

        // Twice: the demo loop re-runs it every 20 s against the same organisation.
        for (int i = 0; i < 2; ++i) {
            const Run run = agent({QStringLiteral("scenario")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY(run.out.contains(QStringLiteral("step_up_required")));
            QVERIFY(!run.out.contains(QStringLiteral("eyJ"))); // never a token
        }

        QSet<QString> decisions;
        QSet<QString> approvalKinds;
        bool contextRevocation = false;
        bool subDelegation = false;
        for (const QJsonObject &event : auditAfter(start)) {
            const QString type = event.value(QStringLiteral("type")).toString();
            const QJsonObject data = event.value(QStringLiteral("data")).toObject();
            if (type == u"decision.made")
                decisions.insert(data.value(QStringLiteral("decision")).toString());
            else if (type == u"approval.requested")
                approvalKinds.insert(data.value(QStringLiteral("approval"))
                                         .toObject()
                                         .value(QStringLiteral("kind"))
                                         .toString());
            else if (type == u"delegation.revoked" &&
                     data.value(QStringLiteral("cause")).toString() == u"context_changed")
                contextRevocation = true;
            else if (type == u"delegation.granted" &&
                     !data.value(QStringLiteral("parent_id")).toString().isEmpty())
                subDelegation = true;
        }
        for (const char *decision : {"allow", "deny", "step_up_required", "dual_control_required"})
            QVERIFY2(decisions.contains(QString::fromLatin1(decision)), decision);
        QVERIFY(approvalKinds.contains(QStringLiteral("step_up")));
        QVERIFY(approvalKinds.contains(QStringLiteral("dual_control")));
        QVERIFY(contextRevocation);
        QVERIFY(subDelegation);
    }

    void authorizeExitCodes()
    {
        const QString id = grantToPayer();
        QVERIFY(!id.isEmpty());

        const Run allowed = agent(asPayer() + payment(id, QStringLiteral("120.50")));
        QCOMPARE(allowed.exitCode, 0);
        QVERIFY2(allowed.out.startsWith(QStringLiteral("allow within_scope ")), qPrintable(allowed.out));
        QCOMPARE(allowed.out.count(u'\n'), 1);

        const Run denied = agent(asPayer() + payment(id, QStringLiteral("600")));
        QCOMPARE(denied.exitCode, 3);
        QVERIFY(denied.out.startsWith(QStringLiteral("deny per_action_limit_exceeded ")));

        const Run pending = agent(asPayer() + payment(id, QStringLiteral("250.00")));
        QCOMPARE(pending.exitCode, 4);
        QVERIFY(pending.out.startsWith(QStringLiteral("step_up_required step_up_threshold ")));
        QVERIFY(pending.out.contains(QStringLiteral("[apr_")));

        const Run tooPrecise = agent(asPayer() + payment(id, QStringLiteral("1.005")));
        QCOMPARE(tooPrecise.exitCode, 2);
        const Run incomplete = agent(asPayer() + QStringList{QStringLiteral("authorize")});
        QCOMPARE(incomplete.exitCode, 2);
        QVERIFY(incomplete.err.contains(QStringLiteral("--delegation")));
    }

    void waitsForTheApprovalAndRetries()
    {
        const QString id = grantToPayer();
        QProcess *process = startAgent(asPayer() + payment(id, QStringLiteral("300.00")) +
                                       QStringList{QStringLiteral("--wait-approval"), QStringLiteral("60")});
        QString approvalId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto pending = m_alice->get(QStringLiteral("/v1/approvals?status=pending&limit=500"));
                for (const QJsonValue &a : pending.json().value(QStringLiteral("items")).toArray()) {
                    if (a.toObject().value(QStringLiteral("delegation_id")).toString() == id)
                        approvalId = a.toObject().value(QStringLiteral("id")).toString();
                }
                return !approvalId.isEmpty();
            }(),
            30'000);
        const auto approved =
            m_alice->post(QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions"),
                          {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(approved.status, 200);
        const Run run = finish(process);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("allow approved ")), qPrintable(run.out));
    }

    void svidFromAFileOrStandardInput()
    {
        const QString id = grantToPayer();
        const QString svid = mintSvid(QStringLiteral("Bill payer"));
        QVERIFY(!svid.isEmpty());
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(svid.toLatin1() + '\n');
        file.flush();

        const Run fromFile = agent(QStringList{QStringLiteral("--svid"), file.fileName()} +
                                   payment(id, QStringLiteral("10.00")));
        QCOMPARE(fromFile.exitCode, 0);
        const Run fromStdin = agent(QStringList{QStringLiteral("--svid"), QStringLiteral("-")} +
                                        payment(id, QStringLiteral("10.00")),
                                    svid.toLatin1());
        QCOMPARE(fromStdin.exitCode, 0);

        const Run credential = agent(QStringList{QStringLiteral("--svid"), file.fileName(),
                                                 QStringLiteral("credential"), QStringLiteral("--delegation"),
                                                 id, QStringLiteral("--ttl"), QStringLiteral("60")});
        QCOMPARE(credential.exitCode, 0);
        QVERIFY(credential.out.startsWith(QStringLiteral("expires_at ")));
        QVERIFY(!credential.out.contains(QStringLiteral("eyJ")));
        QVERIFY(!fromFile.out.contains(svid) && !fromFile.err.contains(svid));
    }

    void aBadTokenIsAClearErrorAndExitTwo()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        file.flush();
        const Run run = agent(QStringList{QStringLiteral("--svid"), file.fileName()} +
                              payment(QStringLiteral("dlg_any"), QStringLiteral("1.00")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("did not accept the agent's identity")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("eyJhbGci")));
        QVERIFY(run.out.isEmpty());
    }

    void loadReportsThroughputAndStaysOnLoopback()
    {
        const QString id = grantToPayer();
        const QStringList probe{QStringLiteral("--delegation"),  id,
                                QStringLiteral("--action"),      QStringLiteral("data.read"),
                                QStringLiteral("--resource"),    QStringLiteral("dataset:probe"),
                                QStringLiteral("--connections"), QStringLiteral("2"),
                                QStringLiteral("--seconds"),     QStringLiteral("1")};
        const Run run = agent(asPayer() + QStringList{QStringLiteral("load")} + probe);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("requests/s, p50 ")), qPrintable(run.out));

        QProcess remote;
        remote.start(QStringLiteral(MANDATE_AGENT_BINARY),
                     QStringList{QStringLiteral("--server"), QStringLiteral("http://192.0.2.1:8787")} +
                         asPayer() + QStringList{QStringLiteral("load")} + probe);
        QVERIFY(remote.waitForFinished(30'000));
        QCOMPARE(remote.exitCode(), 2);
        QVERIFY(remote.readAllStandardError().contains("loopback"));
    }

    void subdelegatesFromAScopeFileAndNamesWhatWidens()
    {
        const QString id = grantToPayer();
        const auto subdelegate = [&](const QJsonObject &draft) {
            QTemporaryFile file;
            file.open();
            file.write(QJsonDocument(draft).toJson());
            file.flush();
            return agent(asPayer() +
                         QStringList{QStringLiteral("subdelegate"), QStringLiteral("--delegation"), id,
                                     QStringLiteral("--to"),
                                     QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"),
                                     QStringLiteral("--purpose"), QStringLiteral("Pay the deposit"),
                                     QStringLiteral("--expires-in"), QStringLiteral("600"),
                                     QStringLiteral("--scope-json"), file.fileName()});
        };
        QJsonObject scope{{QStringLiteral("action"), QStringLiteral("payments.initiate")},
                          {QStringLiteral("resource"), QStringLiteral("account:acc_1")},
                          {QStringLiteral("max_per_action"), DemoFixtures::money(10000)},
                          {QStringLiteral("max_total"), DemoFixtures::money(20000)},
                          {QStringLiteral("destinations"), QJsonArray{QStringLiteral("payee:landlord")}}};
        QJsonObject draft{{QStringLiteral("scopes"), QJsonArray{scope}},
                          {QStringLiteral("step_up"),
                           QJsonObject{{QStringLiteral("above"), DemoFixtures::money(20000)},
                                       {QStringLiteral("approver"), QStringLiteral("customer")}}}};
        const Run created = subdelegate(draft);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.startsWith(QStringLiteral("dlg_")));

        scope.insert(QStringLiteral("max_total"), DemoFixtures::money(500000));
        draft.insert(QStringLiteral("scopes"), QJsonArray{scope});
        const Run wider = subdelegate(draft);
        QCOMPARE(wider.exitCode, 2);
        QVERIFY2(wider.err.contains(QStringLiteral("scopes[0].max_total")), qPrintable(wider.err));
    }

    void subdelegatesFromTheParentAndCompletes()
    {
        const QString id = grantToPayer();
        const Run child =
            agent(asPayer() + QStringList{QStringLiteral("subdelegate"), QStringLiteral("--delegation"), id,
                                          QStringLiteral("--to"),
                                          QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"),
                                          QStringLiteral("--purpose"), QStringLiteral("Pay the deposit"),
                                          QStringLiteral("--from-parent")});
        QVERIFY2(child.exitCode == 0, qPrintable(child.err));
        const QString childId = child.out.trimmed();
        QVERIFY(childId.startsWith(QStringLiteral("dlg_")));
        QCOMPARE(m_alice->get(QStringLiteral("/v1/delegations/") + childId)
                     .json()
                     .value(QStringLiteral("parent_id"))
                     .toString(),
                 id);
        const Run done =
            agent(asPayer() + QStringList{QStringLiteral("complete"), QStringLiteral("--delegation"), id});
        QCOMPARE(done.exitCode, 0);
        QVERIFY(done.out.contains(QStringLiteral("completed")));
    }
};

QTEST_GUILESS_MAIN(TstAgentScenario)
#include "tst_AgentScenario.moc"
