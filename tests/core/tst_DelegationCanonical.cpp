#include "core/CanonicalJson.h"
#include "core/DelegationCanonical.h"
#include "core/DelegationCodec.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/ScopeBuilder.h"

#include <QJsonDocument>
#include <QTest>

using namespace mandate;
using namespace mandate::test;

Q_DECLARE_METATYPE(mandate::Delegation)

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

// The live event's bytes must be the API's delegation, byte for byte its canonical form: streams
// and the REST API show one shape.
class TstDelegationCanonical : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheApiShapeCanonically_data()
    {
        QTest::addColumn<Delegation>("delegation");

        QTest::newRow("one plain scope") << DelegationBuilder().scope(ScopeBuilder()).build();

        Schedule office{QStringLiteral("Europe/Berlin"), {1, 2, 3, 4, 5}, QTime(8, 0), QTime(18, 30)};
        Delegation full =
            DelegationBuilder(QStringLiteral("dlg_1"))
                .scope(ScopeBuilder()
                           .perAction(50000)
                           .total(120000)
                           .uses(10)
                           .destinations({QStringLiteral("payee:lufthansa"), QStringLiteral("payee:db-*")})
                           .maxSensitivity(Sensitivity::Confidential))
                .scope(ScopeBuilder(QStringLiteral("data.read"), QStringLiteral("dataset:crm-*")))
                .stepUp(StepUpPolicy{money(20000), Sensitivity::Confidential, StepUpApprover::Approver})
                .dualControl(DualControlPolicy{money(100000), {QStringLiteral("records.delete")}})
                .revokeOn(RevokeOn{true, 3600, true})
                .used(0, 2, {money(42000), money(900, QStringLiteral("USD"))})
                .used(1, 1)
                .lastUsedAt(utc(2026, 12, 1, 8, 30))
                .status(DelegationStatus::Revoked)
                .build();
        full.scopes[1].schedule = office;
        full.parentId = QStringLiteral("dlg_0");
        full.notBefore = utc(2026, 12, 1, 8, 0);
        full.purpose = QString::fromUtf8("Book flights \"for\" the Berlin trip, 3\xE2\x80\x93"
                                         "6 Dec \xF0\x9F\x9A\x86\n");
        full.revokedAt = utc(2026, 12, 1, 8, 45);
        full.revokedBy = QStringLiteral("usr_sam");
        full.revokeReason = QStringLiteral("customer asked");
        full.usage.spent = {money(42000), money(900, QStringLiteral("USD"))};
        full.children = {QStringLiteral("dlg_2"), QStringLiteral("dlg_3")};
        QTest::newRow("every part set") << full;

        Delegation stepUpBySensitivity = DelegationBuilder().scope(ScopeBuilder()).build();
        stepUpBySensitivity.stepUp =
            StepUpPolicy{std::nullopt, Sensitivity::Restricted, StepUpApprover::Customer};
        stepUpBySensitivity.dualControl = DualControlPolicy{std::nullopt, {}};
        QTest::newRow("policies without amounts") << stepUpBySensitivity;
    }

    void writesTheApiShapeCanonically()
    {
        QFETCH(Delegation, delegation);
        const QJsonObject api = DelegationCodec::toJson(delegation);
        const QByteArray written = DelegationCanonical::bytes(delegation);
        QCOMPARE(QJsonDocument::fromJson(written).object(), api);
        QCOMPARE(written, CanonicalJson::serialize(api));
    }
};

QTEST_APPLESS_MAIN(TstDelegationCanonical)
#include "tst_DelegationCanonical.moc"
