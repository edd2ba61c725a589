#include "core/ResourcePattern.h"

#include <QTest>

using namespace mandate;

namespace {

ResourcePattern pattern(const char *text)
{
    return ResourcePattern::parse(QString::fromLatin1(text)).value();
}

const QString EmptyPattern = QStringLiteral("the resource pattern is empty");
const QString TooLong = QStringLiteral("the resource pattern is longer than 1024 characters");
const QString NoColon = QStringLiteral("a resource pattern has the form kind:id, such as account:acc_1");
const QString BadKind = QStringLiteral("the kind before ':' must start with a lowercase letter and contain "
                                       "only lowercase letters, digits, '_' and '-'");
const QString EmptyId = QStringLiteral("the id after ':' is empty");
const QString MisplacedWildcard = QStringLiteral("'*' may only appear once, at the end of the pattern");
const QString BadIdChar =
    QStringLiteral("the id may only contain letters, digits and the characters . _ ~ / @ + = -");

} // namespace

class TstResourcePattern : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void matches_data();
    void matches();
    void covers_data();
    void covers();
    void defaultPatternAdmitsNothing();
};

void TstResourcePattern::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("wildcard");

    QTest::newRow("account") << QStringLiteral("account:acc_1") << false;
    QTest::newRow("every account") << QStringLiteral("account:*") << true;
    QTest::newRow("dataset subtree") << QStringLiteral("dataset:crm/*") << true;
    QTest::newRow("dataset prefix") << QStringLiteral("dataset:crm/lead*") << true;
    QTest::newRow("payee with hyphen") << QStringLiteral("payee:db-bahn") << false;
    QTest::newRow("shortest") << QStringLiteral("a:b") << false;
    QTest::newRow("kind with digits, '_' and '-'") << QStringLiteral("s3-bucket_v2:logs") << false;
    QTest::newRow("every id character") << QStringLiteral("k:AZaz09._~/@+=-") << false;
    QTest::newRow("email-like id") << QStringLiteral("mailbox:alice@example.com") << false;
    QTest::newRow("1024 characters") << QString(QStringLiteral("k:") + QString(1022, u'x')) << false;
    QTest::newRow("1024 characters with wildcard")
        << QString(QStringLiteral("k:") + QString(1021, u'x') + u'*') << true;
}

void TstResourcePattern::parseValid()
{
    QFETCH(QString, text);
    QFETCH(bool, wildcard);

    const auto parsed = ResourcePattern::parse(text);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error()));
    QCOMPARE(parsed->text(), text);
    QCOMPARE(parsed->isWildcard(), wildcard);
}

void TstResourcePattern::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << EmptyPattern;
    QTest::newRow("1025 characters") << QString(QStringLiteral("k:") + QString(1023, u'x')) << TooLong;
    QTest::newRow("no colon") << QStringLiteral("account") << NoColon;
    QTest::newRow("bare wildcard") << QStringLiteral("*") << NoColon;
    QTest::newRow("empty kind") << QStringLiteral(":acc_1") << BadKind;
    QTest::newRow("wildcard kind") << QStringLiteral("*:acc_1") << BadKind;
    QTest::newRow("uppercase kind") << QStringLiteral("Account:acc_1") << BadKind;
    QTest::newRow("kind starts with a digit") << QStringLiteral("3s:bucket") << BadKind;
    QTest::newRow("kind starts with a hyphen") << QStringLiteral("-x:y") << BadKind;
    QTest::newRow("space in kind") << QStringLiteral("bank account:acc_1") << BadKind;
    QTest::newRow("empty id") << QStringLiteral("account:") << EmptyId;
    QTest::newRow("wildcard first") << QStringLiteral("account:*acc") << MisplacedWildcard;
    QTest::newRow("wildcard inside") << QStringLiteral("dataset:crm/*/leads") << MisplacedWildcard;
    QTest::newRow("two wildcards") << QStringLiteral("account:**") << MisplacedWildcard;
    QTest::newRow("space in id") << QStringLiteral("account:acc 1") << BadIdChar;
    QTest::newRow("tab in id") << QStringLiteral("account:acc\t1") << BadIdChar;
    QTest::newRow("trailing space") << QStringLiteral("account:acc_1 ") << BadIdChar;
    QTest::newRow("newline") << QStringLiteral("account:acc_1\n") << BadIdChar;
    QTest::newRow("second colon") << QStringLiteral("account:acc:1") << BadIdChar;
    QTest::newRow("percent") << QStringLiteral("account:acc%201") << BadIdChar;
    QTest::newRow("question mark") << QStringLiteral("account:acc?") << BadIdChar;
    QTest::newRow("non-ASCII letter") << QString::fromUtf8("payee:m\xC3\xBC"
                                                           "ller")
                                      << BadIdChar;
}

void TstResourcePattern::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const auto parsed = ResourcePattern::parse(text);
    QVERIFY(!parsed.hasValue());
    QCOMPARE(parsed.error(), message);
}

void TstResourcePattern::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("matches");

    QTest::newRow("exact, same") << QStringLiteral("account:acc_1") << QStringLiteral("account:acc_1")
                                 << true;
    QTest::newRow("exact, other") << QStringLiteral("account:acc_1") << QStringLiteral("account:acc_2")
                                  << false;
    QTest::newRow("exact is no prefix")
        << QStringLiteral("account:acc_1") << QStringLiteral("account:acc_10") << false;
    QTest::newRow("exact is case-sensitive")
        << QStringLiteral("account:acc_1") << QStringLiteral("account:ACC_1") << false;
    QTest::newRow("exact, wildcard request")
        << QStringLiteral("account:acc_1") << QStringLiteral("account:acc_1*") << false;
    QTest::newRow("every account") << QStringLiteral("account:*") << QStringLiteral("account:acc_1") << true;
    QTest::newRow("every account, other kind")
        << QStringLiteral("account:*") << QStringLiteral("payee:acc_1") << false;
    QTest::newRow("every account, longer kind")
        << QStringLiteral("account:*") << QStringLiteral("accounts:acc_1") << false;
    QTest::newRow("subtree, inside") << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:crm/leads")
                                     << true;
    QTest::newRow("subtree, deeper") << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:crm/a/b/c")
                                     << true;
    QTest::newRow("subtree, its parent")
        << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:crm") << false;
    QTest::newRow("subtree, sibling")
        << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:crm2/leads") << false;
    QTest::newRow("plain prefix admits siblings")
        << QStringLiteral("dataset:crm*") << QStringLiteral("dataset:crm2/leads") << true;
    QTest::newRow("subtree, same wildcard requested")
        << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:crm/*") << true;
    QTest::newRow("subtree, narrower wildcard requested")
        << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:crm/leads/*") << true;
    QTest::newRow("subtree, broader wildcard requested")
        << QStringLiteral("dataset:crm/*") << QStringLiteral("dataset:*") << false;
    QTest::newRow("invalid resource: empty") << QStringLiteral("account:*") << QString() << false;
    QTest::newRow("invalid resource: empty id")
        << QStringLiteral("account:*") << QStringLiteral("account:") << false;
    QTest::newRow("invalid resource: space")
        << QStringLiteral("account:*") << QStringLiteral("account:acc 1") << false;
    QTest::newRow("invalid resource: inner wildcard")
        << QStringLiteral("dataset:*") << QStringLiteral("dataset:a*/b") << false;
}

void TstResourcePattern::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, resource);
    QFETCH(bool, matches);

    QCOMPARE(ResourcePattern::parse(pattern)->matches(resource), matches);
}

void TstResourcePattern::covers_data()
{
    QTest::addColumn<ResourcePattern>("parent");
    QTest::addColumn<ResourcePattern>("child");
    QTest::addColumn<bool>("covers");

    QTest::newRow("exact covers itself") << pattern("account:acc_1") << pattern("account:acc_1") << true;
    QTest::newRow("exact covers no other") << pattern("account:acc_1") << pattern("account:acc_2") << false;
    QTest::newRow("exact covers no wildcard") << pattern("account:acc_1") << pattern("account:*") << false;
    QTest::newRow("exact covers not its own wildcard")
        << pattern("account:acc_1") << pattern("account:acc_1*") << false;
    QTest::newRow("wildcard covers exact") << pattern("account:*") << pattern("account:acc_1") << true;
    QTest::newRow("wildcard covers itself") << pattern("account:*") << pattern("account:*") << true;
    QTest::newRow("wildcard covers narrower wildcard")
        << pattern("dataset:crm/*") << pattern("dataset:crm/leads/*") << true;
    QTest::newRow("wildcard covers no broader wildcard")
        << pattern("dataset:crm/leads/*") << pattern("dataset:crm/*") << false;
    QTest::newRow("subtree covers not its root")
        << pattern("dataset:crm/*") << pattern("dataset:crm") << false;
    QTest::newRow("wildcard covers no other kind")
        << pattern("account:*") << pattern("payee:lufthansa") << false;
    QTest::newRow("prefix wildcard covers longer prefix")
        << pattern("payee:luft*") << pattern("payee:lufthansa*") << true;
    QTest::newRow("prefix wildcard covers no shorter prefix")
        << pattern("payee:lufthansa*") << pattern("payee:luft*") << false;
}

void TstResourcePattern::covers()
{
    QFETCH(ResourcePattern, parent);
    QFETCH(ResourcePattern, child);
    QFETCH(bool, covers);

    QCOMPARE(parent.covers(child), covers);
}

void TstResourcePattern::defaultPatternAdmitsNothing()
{
    const ResourcePattern none;
    QVERIFY(none.text().isEmpty());
    QVERIFY(!none.isWildcard());
    QVERIFY(!none.matches(QString()));
    QVERIFY(!none.matches(u"account:acc_1"));
    QVERIFY(!none.covers(none));
    QVERIFY(!none.covers(pattern("account:acc_1")));
    QVERIFY(!pattern("account:*").covers(none));
}

QTEST_APPLESS_MAIN(TstResourcePattern)
#include "tst_ResourcePattern.moc"
