#include "core/CanonicalJson.h"
#include "core/DelegationCanonical.h"
#include "core/DelegationCodec.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/SampleDelegations.h"
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

        // Beyond the codec's own sample: a schedule, a start, two currencies, text to escape.
        Delegation full = fullyPopulatedDelegation();
        full.scopes[1].schedule =
            Schedule{QStringLiteral("Europe/Berlin"), {1, 2, 3, 4, 5}, QTime(8, 0), QTime(18, 30)};
        full.notBefore = utc(2026, 12, 1, 8, 0);
        full.purpose += QString::fromUtf8(" \"and back\" \xF0\x9F\x9A\x86\n");
        full.scopeUsage[0].spent.append(money(900, QStringLiteral("USD")));
        full.usage.spent.append(money(900, QStringLiteral("USD")));
        full.children.append(QStringLiteral("dlg_3"));
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
