#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// `mandate-agent evaluate`, the real binary against a real server: OpenID AuthZEN evaluations
// asked by an enforcement point and by the agent itself — a permit, a deny, an access request
// answered once a person approved it — what the exit code says, and a token the server refuses.
class TstAgentEvaluate : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;

        // The value of the "key: value" line, empty when there is none.
        QString line(const QString &key) const
        {
            const QRegularExpression pattern(QStringLiteral("^%1: (.*)$").arg(key),
                                             QRegularExpression::MultilineOption);
            return pattern.match(out).captured(1);
        }
    };

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_ada;
    QString m_payerSpiffe;
    QString m_delegation; // payments up to EUR 500.00 to the landlord, step-up above EUR 200.00
    QString m_tokenFile;

    Run agent(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(MANDATE_AGENT_BINARY),
                      QStringList{QStringLiteral("evaluate"), QStringLiteral("--server"), m_server.url()} +
                          arguments);
        Run run;
        if (process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit)
            run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    // A payment of `amount` (decimal EUR) to the landlord, asked by the enforcement point.
    Run pay(const QString &amount, const QStringList &extra = {})
    {
        return agent(QStringList{QStringLiteral("--ep-token"), m_tokenFile, QStringLiteral("--agent"),
                                 m_payerSpiffe, QStringLiteral("--action"),
                                 QStringLiteral("payments.initiate"), QStringLiteral("--resource"),
                                 QStringLiteral("account:acc_1"), QStringLiteral("--delegation"),
                                 m_delegation, QStringLiteral("--amount"), amount,
                                 QStringLiteral("--destination"), QStringLiteral("payee:landlord")} +
                     extra);
    }

    qint64 uses()
    {
        return m_alice->get(QStringLiteral("/v1/delegations/") + m_delegation)
            .json()
            .value(QStringLiteral("usage"))
            .toObject()
            .value(QStringLiteral("uses"))
            .toInteger();
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QString();
        file.write(content);
        return path;
    }

    QString registerPoint(const QString &name)
    {
        return m_ada->post(QStringLiteral("/v1/enforcement-points"), {{QStringLiteral("name"), name}})
            .json()
            .value(QStringLiteral("token"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_ada = DemoFixtures::person(m_server.url(), QStringLiteral("ada"));
        QVERIFY(m_alice && m_ada);
        const QString payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payerSpiffe = m_ada->get(QStringLiteral("/v1/agents/") + payerId)
                            .json()
                            .value(QStringLiteral("spiffe_id"))
                            .toString();
        QVERIFY(m_payerSpiffe.startsWith(QStringLiteral("spiffe://")));
        QJsonObject grant = DemoFixtures::paymentGrant(payerId, QStringLiteral("Rent through the gateway"));
        const QJsonObject stepUp = DemoFixtures::stepUpAbove(20000, QStringLiteral("customer"));
        for (auto it = stepUp.begin(); it != stepUp.end(); ++it)
            grant.insert(it.key(), it.value());
        m_delegation = m_alice->post(QStringLiteral("/v1/delegations"), grant)
                           .json()
                           .value(QStringLiteral("id"))
                           .toString();
        QVERIFY(!m_delegation.isEmpty());
        const QString token = registerPoint(QStringLiteral("Payments gateway"));
        QVERIFY(token.startsWith(QStringLiteral("mep_")));
        m_tokenFile = writeFile(QStringLiteral("gateway.token"), token.toLatin1() + '\n');
        QVERIFY(!m_tokenFile.isEmpty());
    }

    void anEnforcementPointIsPermittedAndARetryReservesOnce()
    {
        const qint64 before = uses();
        const Run first =
            pay(QStringLiteral("12.50"), {QStringLiteral("--request-id"), QStringLiteral("gw-1")});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.line(QStringLiteral("decision")), QStringLiteral("permit"));
        QVERIFY2(first.line(QStringLiteral("reason")).endsWith(QStringLiteral("(within_scope)")),
                 qPrintable(first.out));
        QVERIFY(first.line(QStringLiteral("decision_id")).startsWith(QStringLiteral("dec_")));
        QVERIFY(first.line(QStringLiteral("access_request")).isEmpty());
        QCOMPARE(uses(), before + 1);

        // The same X-Request-ID is the same evaluation: the same decision, nothing reserved again.
        const Run retry =
            pay(QStringLiteral("12.50"), {QStringLiteral("--request-id"), QStringLiteral("gw-1")});
        QCOMPARE(retry.exitCode, 0);
        QCOMPARE(retry.line(QStringLiteral("decision_id")), first.line(QStringLiteral("decision_id")));
        QCOMPARE(uses(), before + 1);
    }

    void theAgentAsksAboutItself()
    {
        // Minted for the agent by name: the subject is the SPIFFE ID its SVID names.
        const Run run = agent(
            {QStringLiteral("--mint-as"), QStringLiteral("ada"), QStringLiteral("--agent"),
             QStringLiteral("Bill payer"), QStringLiteral("--action"), QStringLiteral("payments.initiate"),
             QStringLiteral("--resource"), QStringLiteral("account:acc_1"), QStringLiteral("--amount"),
             QStringLiteral("5"), QStringLiteral("--destination"), QStringLiteral("payee:landlord"),
             QStringLiteral("--delegation"), m_delegation});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(run.line(QStringLiteral("decision")), QStringLiteral("permit"));

        // Another agent's SVID asking about the Bill payer: AuthZEN's 403, in the server's words.
        const QString crmId = DemoFixtures::agentId(*m_ada, QStringLiteral("CRM exporter"));
        const QString crmSvid = m_ada->post(QStringLiteral("/v1/agents/%1/svid").arg(crmId), {})
                                    .json()
                                    .value(QStringLiteral("token"))
                                    .toString();
        const Run impostor =
            agent({QStringLiteral("--svid"), writeFile(QStringLiteral("crm.svid"), crmSvid.toLatin1()),
                   QStringLiteral("--agent"), m_payerSpiffe, QStringLiteral("--action"),
                   QStringLiteral("payments.initiate"), QStringLiteral("--resource"),
                   QStringLiteral("account:acc_1")});
        QCOMPARE(impostor.exitCode, 2);
        QVERIFY2(impostor.err.contains(QStringLiteral("(HTTP 403): an agent may only ask about itself")),
                 qPrintable(impostor.err));
    }

    void aDenyExitsWithTheDenyCode()
    {
        const qint64 before = uses();
        // EUR 600.00 is above the per-action limit of EUR 500.00.
        const Run run = pay(QStringLiteral("600"));
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.line(QStringLiteral("decision")), QStringLiteral("deny"));
        const QString reason = run.line(QStringLiteral("reason"));
        QVERIFY2(reason.endsWith(QStringLiteral("(per_action_limit_exceeded)")), qPrintable(reason));
        QVERIFY(run.line(QStringLiteral("decision_id")).startsWith(QStringLiteral("dec_")));
        QVERIFY(run.line(QStringLiteral("access_request")).isEmpty());
        QCOMPARE(uses(), before);

        // An agent nobody registered: a deny without a decision behind it.
        const Run unknown = agent({QStringLiteral("--ep-token"), m_tokenFile, QStringLiteral("--agent"),
                                   QStringLiteral("spiffe://demo.mandate.local/nobody"),
                                   QStringLiteral("--action"), QStringLiteral("payments.initiate"),
                                   QStringLiteral("--resource"), QStringLiteral("account:acc_1")});
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY(unknown.line(QStringLiteral("reason")).endsWith(QStringLiteral("(unknown_subject)")));
        QVERIFY(unknown.line(QStringLiteral("decision_id")).isEmpty());
    }

    void anAccessRequestIsPrintedAndAnsweredOnceApproved()
    {
        // EUR 250.00 is above the step-up threshold: the customer must confirm.
        const Run asked = pay(QStringLiteral("250"));
        QCOMPARE(asked.exitCode, 4);
        QCOMPARE(asked.line(QStringLiteral("decision")), QStringLiteral("deny"));
        QVERIFY(asked.line(QStringLiteral("reason")).endsWith(QStringLiteral("(step_up_threshold)")));
        const QString request = asked.line(QStringLiteral("access_request"));
        QVERIFY2(request.startsWith(QStringLiteral("apr_")) && request.endsWith(QStringLiteral(" (pending)")),
                 qPrintable(asked.out));
        const QString approvalId = request.section(u' ', 0, 0);
        QVERIFY(QDateTime::fromString(asked.line(QStringLiteral("expires_at")), Qt::ISODate).isValid());
        QCOMPARE(asked.line(QStringLiteral("status_url")),
                 m_server.url() + QStringLiteral("/v1/approvals/") + approvalId);
        QVERIFY(asked.line(QStringLiteral("next")).endsWith(QStringLiteral("--approval ") + approvalId));

        // Still pending: asking again with the approval is not yet a permit.
        const Run early = pay(QStringLiteral("250"), {QStringLiteral("--approval"), approvalId});
        QCOMPARE(early.line(QStringLiteral("decision")), QStringLiteral("deny"));
        QVERIFY(early.exitCode != 0);

        const auto approved = m_alice->post(QStringLiteral("/v1/approvals/%1/decisions").arg(approvalId),
                                            {{QStringLiteral("decision"), QStringLiteral("approve")},
                                             {QStringLiteral("reason"), QStringLiteral("My rent")}});
        QCOMPARE(approved.status, 200);
        const Run after = pay(QStringLiteral("250"), {QStringLiteral("--approval"), approvalId});
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.line(QStringLiteral("decision")), QStringLiteral("permit"));
    }

    void aTokenTheServerRefusesIsAClearError()
    {
        const Run bogus = agent({QStringLiteral("--ep-token"),
                                 writeFile(QStringLiteral("bogus.token"), "mep_not-a-token-this-server-gave"),
                                 QStringLiteral("--agent"), m_payerSpiffe, QStringLiteral("--action"),
                                 QStringLiteral("payments.initiate"), QStringLiteral("--resource"),
                                 QStringLiteral("account:acc_1")});
        QCOMPARE(bogus.exitCode, 2);
        QVERIFY(bogus.out.isEmpty());
        QVERIFY2(bogus.err.startsWith(QStringLiteral("mandate-agent: evaluate: the server did not accept the "
                                                     "enforcement point's token (HTTP 401): "
                                                     "Present an agent's JWT-SVID")),
                 qPrintable(bogus.err));
        QVERIFY(!bogus.err.contains(QStringLiteral("mep_not-a-token"))); // the token is not echoed

        // Revoked: refused from the next request on.
        const QString token = registerPoint(QStringLiteral("Short-lived gateway"));
        const QString file = writeFile(QStringLiteral("short.token"), token.toLatin1());
        const QString id = m_ada->get(QStringLiteral("/v1/enforcement-points"))
                               .json()
                               .value(QStringLiteral("items"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        QCOMPARE(m_ada->post(QStringLiteral("/v1/enforcement-points/%1/revoke").arg(id), {}).status, 200);
        const Run revoked =
            agent({QStringLiteral("--ep-token"), file, QStringLiteral("--agent"), m_payerSpiffe,
                   QStringLiteral("--action"), QStringLiteral("payments.initiate"),
                   QStringLiteral("--resource"), QStringLiteral("account:acc_1")});
        QCOMPARE(revoked.exitCode, 2);
        QVERIFY2(revoked.err.contains(QStringLiteral("(HTTP 401)")), qPrintable(revoked.err));

        const Run missing = agent({QStringLiteral("--ep-token"), m_dir.filePath(QStringLiteral("absent")),
                                   QStringLiteral("--agent"), m_payerSpiffe, QStringLiteral("--action"),
                                   QStringLiteral("payments.initiate"), QStringLiteral("--resource"),
                                   QStringLiteral("account:acc_1")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("Cannot read the enforcement point's token from")),
                 qPrintable(missing.err));
    }

    void optionsThatCannotMakeARequestAreRefusedBeforeAsking()
    {
        const Run noColon = pay(QStringLiteral("1"), {QStringLiteral("--resource"), QStringLiteral("acc_1")});
        QCOMPARE(noColon.exitCode, 2);
        QVERIFY2(noColon.err.contains(QStringLiteral("--resource takes TYPE:ID")), qPrintable(noColon.err));
        const Run byName = agent({QStringLiteral("--ep-token"), m_tokenFile, QStringLiteral("--agent"),
                                  QStringLiteral("Bill payer"), QStringLiteral("--action"),
                                  QStringLiteral("payments.initiate"), QStringLiteral("--resource"),
                                  QStringLiteral("account:acc_1")});
        QCOMPARE(byName.exitCode, 2);
        QVERIFY2(byName.err.contains(QStringLiteral("SPIFFE ID")), qPrintable(byName.err));
        const Run both = pay(QStringLiteral("1"), {QStringLiteral("--mint-as"), QStringLiteral("ada")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QStringLiteral("not as both")), qPrintable(both.err));
    }
};

QTEST_GUILESS_MAIN(TstAgentEvaluate)
#include "tst_AgentEvaluate.moc"
