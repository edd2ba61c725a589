#include "server/domain/AccessPolicy.h"

#include <QTest>

using namespace mandate;
using namespace mandate::server;

// The one rule for who sees what is routed where, asked by the approval routes, their list and the
// live event stream alike.
class TstAccessPolicy : public QObject
{
    Q_OBJECT

private:
    static Principal person(const QString &id, const QStringList &roles)
    {
        return Principal::user(id, id, roles);
    }

    static Approval approvalOf(const QString &customerId)
    {
        Approval approval;
        approval.customer.id = customerId;
        return approval;
    }

private Q_SLOTS:
    void routedApprovals_data()
    {
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<QString>("customerId");
        QTest::addColumn<bool>("toCustomer");
        QTest::addColumn<bool>("toApprovers");

        const QString alice = QStringLiteral("usr_alice");
        const QString bob = QStringLiteral("usr_bob");
        QTest::newRow("customer, own") << QStringList{QStringLiteral("customer")} << alice << true << false;
        QTest::newRow("customer, another's")
            << QStringList{QStringLiteral("customer")} << bob << false << false;
        QTest::newRow("approver") << QStringList{QStringLiteral("approver")} << bob << false << true;
        QTest::newRow("approver and customer, own")
            << QStringList{QStringLiteral("approver"), QStringLiteral("customer")} << alice << true << true;
        QTest::newRow("support") << QStringList{QStringLiteral("support")} << bob << true << true;
        QTest::newRow("no role") << QStringList{} << alice << false << false;
    }

    void routedApprovals()
    {
        QFETCH(QStringList, roles);
        QFETCH(QString, customerId);
        QFETCH(bool, toCustomer);
        QFETCH(bool, toApprovers);
        const Principal caller = person(QStringLiteral("usr_alice"), roles);
        QCOMPARE(
            AccessPolicy::canSeeApproval(caller, approvalOf(customerId), ApprovalRepository::Route::Customer),
            toCustomer);
        QCOMPARE(AccessPolicy::canSeeApproval(caller, approvalOf(customerId),
                                              ApprovalRepository::Route::Approvers),
                 toApprovers);

        // The stream and the list follow the same rule as the single approval.
        LiveEvent event;
        event.customerId = customerId;
        event.audience = LiveEvent::Audience::Customer;
        QCOMPARE(AccessPolicy::canSeeLiveEvent(caller, event), toCustomer);
        event.audience = LiveEvent::Audience::Approvers;
        QCOMPARE(AccessPolicy::canSeeLiveEvent(caller, event), toApprovers);

        ApprovalRepository::Query query;
        AccessPolicy::restrictApprovals(caller, query);
        if (caller.isStaff()) {
            QVERIFY(!query.restricted);
        } else {
            QVERIFY(query.restricted);
            QCOMPARE(query.routedToApprovers, toApprovers || roles.contains(QStringLiteral("approver")));
            QCOMPARE(query.routedToCustomer.isEmpty(), !roles.contains(QStringLiteral("customer")));
        }
    }

    void agentsSeeNoStream()
    {
        Principal agent;
        agent.kind = Principal::Kind::Agent;
        agent.id = QStringLiteral("agt_1");
        LiveEvent event;
        event.audience = LiveEvent::Audience::Everyone;
        QVERIFY(!AccessPolicy::canSeeLiveEvent(agent, event));
    }
};

QTEST_APPLESS_MAIN(TstAccessPolicy)
#include "tst_AccessPolicy.moc"
