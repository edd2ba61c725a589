#include "core/SpiffeId.h"

#include <QTest>

using namespace mandate;

namespace {

const QString Empty = QStringLiteral("the SPIFFE ID is empty");
const QString TooLong = QStringLiteral("the SPIFFE ID is longer than 2048 bytes");
const QString BadScheme = QStringLiteral("a SPIFFE ID must start with 'spiffe://'");
const QString MissingTrustDomain = QStringLiteral("the trust domain is missing");
const QString TrustDomainTooLong = QStringLiteral("the trust domain is longer than 255 bytes");
const QString TrustDomainChars =
    QStringLiteral("the trust domain may only contain lowercase letters, digits, '.', '-' and '_'");
const QString Uppercase = QStringLiteral("the trust domain must be lowercase");
const QString Port = QStringLiteral("the trust domain may not have a port (':')");
const QString UserInfo = QStringLiteral("the trust domain may not have user info ('@')");
const QString PercentEncoded = QStringLiteral("a SPIFFE ID may not contain percent-encoded characters");
const QString Query = QStringLiteral("a SPIFFE ID may not have a query ('?')");
const QString Fragment = QStringLiteral("a SPIFFE ID may not have a fragment ('#')");
const QString TrailingSlash = QStringLiteral("the path may not end with '/'");
const QString EmptySegment = QStringLiteral("the path may not contain empty segments ('//')");
const QString DotSegment = QStringLiteral("the path may not contain '.' or '..' segments");
const QString PathChars = QStringLiteral("path segments may only contain letters, digits, '.', '-' and '_'");

bool isTrustDomainChar(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'_';
}

bool isPathChar(char16_t c)
{
    return isTrustDomainChar(c) || (c >= u'A' && c <= u'Z');
}

} // namespace

class TstSpiffeId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void everyCharacter_data();
    void everyCharacter();
    void lengthLimits_data();
    void lengthLimits();
    void defaultIsInvalid();
    void equality();
};

void TstSpiffeId::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trustDomain");
    QTest::addColumn<QString>("path");

    // The examples of SPIFFE-ID.md section 2.2.
    QTest::newRow("service") << QStringLiteral("spiffe://staging.example.com/payments/mysql")
                             << QStringLiteral("staging.example.com") << QStringLiteral("/payments/mysql");
    QTest::newRow("web front-end") << QStringLiteral("spiffe://staging.example.com/payments/web-fe")
                                   << QStringLiteral("staging.example.com")
                                   << QStringLiteral("/payments/web-fe");
    QTest::newRow("service account") << QStringLiteral("spiffe://k8s-west.example.com/ns/staging/sa/default")
                                     << QStringLiteral("k8s-west.example.com")
                                     << QStringLiteral("/ns/staging/sa/default");
    QTest::newRow("opaque") << QStringLiteral("spiffe://example.com/9eebccd2-12bf-40a6-b262-65fe0487d453")
                            << QStringLiteral("example.com")
                            << QStringLiteral("/9eebccd2-12bf-40a6-b262-65fe0487d453");
    QTest::newRow("trust domain only")
        << QStringLiteral("spiffe://trustdomain") << QStringLiteral("trustdomain") << QString();
    QTest::newRow("embedded trust domain")
        << QStringLiteral("spiffe://demo.mandate.local/agents/travel-booker")
        << QStringLiteral("demo.mandate.local") << QStringLiteral("/agents/travel-booker");
    QTest::newRow("underscore in trust domain")
        << QStringLiteral("spiffe://trust_domain_name.example.com/x")
        << QStringLiteral("trust_domain_name.example.com") << QStringLiteral("/x");
    QTest::newRow("IPv4 trust domain") << QStringLiteral("spiffe://192.168.2.2/path")
                                       << QStringLiteral("192.168.2.2") << QStringLiteral("/path");
    QTest::newRow("uppercase in path") << QStringLiteral("spiffe://trustdomain/Path/ELEMENT")
                                       << QStringLiteral("trustdomain") << QStringLiteral("/Path/ELEMENT");
    QTest::newRow("dot-led segment") << QStringLiteral("spiffe://trustdomain/.path")
                                     << QStringLiteral("trustdomain") << QStringLiteral("/.path");
    QTest::newRow("two dots and more") << QStringLiteral("spiffe://trustdomain/..path")
                                       << QStringLiteral("trustdomain") << QStringLiteral("/..path");
    QTest::newRow("three dots") << QStringLiteral("spiffe://trustdomain/...") << QStringLiteral("trustdomain")
                                << QStringLiteral("/...");
}

void TstSpiffeId::valid()
{
    QFETCH(QString, text);
    QFETCH(QString, trustDomain);
    QFETCH(QString, path);

    const auto id = SpiffeId::parse(text);
    QVERIFY2(id.hasValue(), qPrintable(id.hasValue() ? QString() : id.error()));
    QVERIFY(id->isValid());
    QCOMPARE(id->trustDomain(), trustDomain);
    QCOMPARE(id->path(), path);
    QCOMPARE(id->toString(), text);
}

void TstSpiffeId::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << Empty;
    QTest::newRow("scheme only letter") << QStringLiteral("s") << BadScheme;
    QTest::newRow("single slash") << QStringLiteral("spiffe:/") << BadScheme;
    QTest::newRow("no slashes") << QStringLiteral("spiffe:path/element") << BadScheme;
    QTest::newRow("capitalised scheme") << QStringLiteral("Spiffe://trustdomain") << BadScheme;
    QTest::newRow("uppercase scheme") << QStringLiteral("SPIFFE://trustdomain/path") << BadScheme;
    QTest::newRow("http") << QStringLiteral("http://trustdomain/path") << BadScheme;
    QTest::newRow("host and port only") << QStringLiteral("192.168.2.2:6688") << BadScheme;
    QTest::newRow("leading space") << QStringLiteral(" spiffe://trustdomain") << BadScheme;
    QTest::newRow("no trust domain") << QStringLiteral("spiffe://") << MissingTrustDomain;
    QTest::newRow("no trust domain, slash") << QStringLiteral("spiffe:///") << MissingTrustDomain;
    QTest::newRow("no trust domain, path") << QStringLiteral("spiffe:///path/element") << MissingTrustDomain;
    QTest::newRow("trailing slash after trust domain")
        << QStringLiteral("spiffe://trustdomain/") << TrailingSlash;
    QTest::newRow("trailing slash after path")
        << QStringLiteral("spiffe://trustdomain/path/") << TrailingSlash;
    QTest::newRow("only empty segments") << QStringLiteral("spiffe://trustdomain//") << EmptySegment;
    QTest::newRow("leading empty segment") << QStringLiteral("spiffe://trustdomain//path") << EmptySegment;
    QTest::newRow("inner empty segment")
        << QStringLiteral("spiffe://trustdomain/path//element") << EmptySegment;
    QTest::newRow("dot") << QStringLiteral("spiffe://trustdomain/.") << DotSegment;
    QTest::newRow("dot first") << QStringLiteral("spiffe://trustdomain/./path") << DotSegment;
    QTest::newRow("dot inside") << QStringLiteral("spiffe://trustdomain/path/./other") << DotSegment;
    QTest::newRow("dot-dot last") << QStringLiteral("spiffe://trustdomain/path/..") << DotSegment;
    QTest::newRow("dot-dot") << QStringLiteral("spiffe://trustdomain/..") << DotSegment;
    QTest::newRow("dot-dot first") << QStringLiteral("spiffe://trustdomain/../path") << DotSegment;
    QTest::newRow("dot-dot inside") << QStringLiteral("spiffe://trustdomain/path/../other") << DotSegment;
    QTest::newRow("uppercase trust domain") << QStringLiteral("spiffe://TrustDomain/path") << Uppercase;
    QTest::newRow("port") << QStringLiteral("spiffe://trustdomain:8080/path") << Port;
    QTest::newRow("empty port") << QStringLiteral("spiffe://trustdomain:/path") << Port;
    QTest::newRow("user info") << QStringLiteral("spiffe://user@trustdomain/path") << UserInfo;
    QTest::newRow("user info with password")
        << QStringLiteral("spiffe://user:password@test.org/path/element") << UserInfo;
    QTest::newRow("query") << QStringLiteral("spiffe://trustdomain/path/element?query=1") << Query;
    QTest::newRow("query without path") << QStringLiteral("spiffe://trustdomain?query=1") << Query;
    QTest::newRow("empty query and fragment")
        << QStringLiteral("spiffe://trustdomain/path/element?#fragment-1") << Query;
    QTest::newRow("fragment") << QStringLiteral("spiffe://trustdomain/path#fragment") << Fragment;
    QTest::newRow("fragment without path") << QStringLiteral("spiffe://trustdomain#fragment") << Fragment;
    QTest::newRow("percent-encoded unicode trust domain")
        << QStringLiteral("spiffe://%F0%9F%A4%AF/path") << PercentEncoded;
    QTest::newRow("percent-encoded unicode path")
        << QStringLiteral("spiffe://trustdomain/%F0%9F%A4%AF") << PercentEncoded;
    QTest::newRow("percent-encoded ASCII trust domain")
        << QStringLiteral("spiffe://%62%61%64/path") << PercentEncoded;
    QTest::newRow("percent-encoded ASCII path")
        << QStringLiteral("spiffe://trustdomain/%62%61%64") << PercentEncoded;
    QTest::newRow("dollar in trust domain") << QStringLiteral("spiffe://trust$domain") << TrustDomainChars;
    QTest::newRow("IPv6 trust domain") << QStringLiteral("spiffe://[::1]/path") << TrustDomainChars;
    QTest::newRow("non-ASCII trust domain")
        << QString::fromUtf8("spiffe://tr\xC3\xBCst.example/path") << TrustDomainChars;
    QTest::newRow("backslash") << QStringLiteral("spiffe://trustdomain\\path") << TrustDomainChars;
    QTest::newRow("dollar in path") << QStringLiteral("spiffe://trustdomain/path$") << PathChars;
    QTest::newRow("colon in path") << QStringLiteral("spiffe://trustdomain/pa:th/element") << PathChars;
    QTest::newRow("at sign in path") << QStringLiteral("spiffe://trustdomain/pa@th") << PathChars;
    QTest::newRow("sub-delimiters in path") << QStringLiteral("spiffe://trustdomain/p!a$t&h'") << PathChars;
    QTest::newRow("brackets in path") << QStringLiteral("spiffe://trustdomain/elem[ent]") << PathChars;
    QTest::newRow("space in path") << QStringLiteral("spiffe://trustdomain/pa th") << PathChars;
    QTest::newRow("non-ASCII path") << QString::fromUtf8("spiffe://trustdomain/caf\xC3\xA9") << PathChars;
    QTest::newRow("trailing newline") << QStringLiteral("spiffe://trustdomain/path\n") << PathChars;
}

void TstSpiffeId::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const auto id = SpiffeId::parse(text);
    QVERIFY(!id.hasValue());
    QCOMPARE(id.error(), message);
}

// As go-spiffe does: every code point up to 0xFF, once in the trust domain and once in the path.
void TstSpiffeId::everyCharacter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    for (char16_t c = 0; c <= 0xFF; ++c) {
        if (c == u'/')
            continue;
        const QString character(QChar{c});
        QTest::addRow("trust domain U+%04X", unsigned(c))
            << QString(QStringLiteral("spiffe://trustdomain") + character + QStringLiteral("/path"))
            << isTrustDomainChar(c);
        QTest::addRow("path U+%04X", unsigned(c))
            << QString(QStringLiteral("spiffe://trustdomain/path") + character) << isPathChar(c);
    }
}

void TstSpiffeId::everyCharacter()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    QCOMPARE(SpiffeId::parse(text).hasValue(), valid);
}

void TstSpiffeId::lengthLimits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    const QString prefix = QStringLiteral("spiffe://example.org/");
    const QString longest = prefix + QString(2048 - prefix.size(), u'a');
    QTest::newRow("2048 bytes") << longest << QString();
    QTest::newRow("2049 bytes") << QString(longest + u'a') << TooLong;
    QTest::newRow("2049 bytes, otherwise invalid too") << QString(longest + u'/') << TooLong;

    const QString longestTrustDomain = QString(251, u'a') + QStringLiteral(".org");
    QTest::newRow("trust domain of 255 bytes")
        << QString(QStringLiteral("spiffe://") + longestTrustDomain + u"/x") << QString();
    QTest::newRow("trust domain of 256 bytes")
        << QString(QStringLiteral("spiffe://a") + longestTrustDomain + u"/x") << TrustDomainTooLong;
}

void TstSpiffeId::lengthLimits()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const auto id = SpiffeId::parse(text);
    if (message.isEmpty()) {
        QVERIFY2(id.hasValue(), qPrintable(id.hasValue() ? QString() : id.error()));
        QCOMPARE(id->toString(), text);
    } else {
        QVERIFY(!id.hasValue());
        QCOMPARE(id.error(), message);
    }
}

void TstSpiffeId::defaultIsInvalid()
{
    const SpiffeId none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.toString(), QString());
}

void TstSpiffeId::equality()
{
    const auto a = SpiffeId::parse(u"spiffe://example.org/agent");
    const auto b = SpiffeId::parse(u"spiffe://example.org/agent");
    const auto c = SpiffeId::parse(u"spiffe://example.org/Agent");
    QCOMPARE(*a, *b);
    QVERIFY(*a != *c);
}

QTEST_APPLESS_MAIN(TstSpiffeId)
#include "tst_SpiffeId.moc"
