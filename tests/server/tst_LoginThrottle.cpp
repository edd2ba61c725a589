#include "server/auth/LoginThrottle.h"
#include "tests/support/MockClock.h"

#include <QTest>

using mandate::server::LoginThrottle;
using mandate::test::MockClock;

class TstLoginThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowsUntilTheLimit()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(!throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1")));
            throttle.beginAttempt(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        }
        QVERIFY(!throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1")));
        throttle.beginAttempt(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        const auto wait = throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        QVERIFY(wait);
        QVERIFY(*wait > 0 && *wait <= 15 * 60 + 1);
    }

    void otherAddressesCannotLockTheRightfulPersonOut()
    {
        // Guesses at sam's password from anywhere else never block sam's own address.
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int address = 0; address < 50; ++address) {
            for (int i = 0; i < 5; ++i)
                throttle.beginAttempt(QStringLiteral("sam"), QStringLiteral("10.6.6.%1").arg(address));
        }
        QVERIFY(throttle.retryAfter(QStringLiteral("sam"), QStringLiteral("10.6.6.1")));
        QVERIFY(!throttle.retryAfter(QStringLiteral("sam"), QStringLiteral("10.0.0.1")));
    }

    void restoredFailuresCountAndUnlockForgetsThem()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 5; ++i)
            throttle.restoreFailure(QStringLiteral("Sam"), QStringLiteral("10.0.0.1"),
                                    clock.now().addSecs(-60 * i));
        QVERIFY(throttle.retryAfter(QStringLiteral("sam"), QStringLiteral("10.0.0.1")));
        throttle.unlock(QStringLiteral("SAM"));
        QVERIFY(!throttle.retryAfter(QStringLiteral("sam"), QStringLiteral("10.0.0.1")));
    }

    void usernamesAreCaseInsensitive()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 5; ++i)
            throttle.beginAttempt(QStringLiteral("Alice"), QStringLiteral("10.0.0.1"));
        QVERIFY(throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1")));
    }

    void windowSlides()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 5; ++i)
            throttle.beginAttempt(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        const int wait = *throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        clock.advanceSeconds(wait - 2);
        QVERIFY(throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1")));
        clock.advanceSeconds(2);
        QVERIFY(!throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1")));
    }

    void perAddressLimitCatchesSprays()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 20; ++i)
            throttle.beginAttempt(QStringLiteral("user%1").arg(i), QStringLiteral("10.6.6.6"));
        QVERIFY(throttle.retryAfter(QStringLiteral("someone-new"), QStringLiteral("10.6.6.6")));
        QVERIFY(!throttle.retryAfter(QStringLiteral("someone-new"), QStringLiteral("10.0.0.1")));
    }

    void successClearsTheUsername()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 4; ++i)
            throttle.beginAttempt(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        throttle.recordSuccess(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        throttle.beginAttempt(QStringLiteral("alice"), QStringLiteral("10.0.0.1"));
        QVERIFY(!throttle.retryAfter(QStringLiteral("alice"), QStringLiteral("10.0.0.1")));
    }

    void attemptsCountBeforeTheirOutcomeIsKnown()
    {
        // Sixty guesses arriving together: each is admitted or refused before any password check
        // has finished, so only the first five are tried.
        MockClock clock;
        LoginThrottle throttle(clock);
        int admitted = 0;
        for (int i = 0; i < 60; ++i) {
            if (!throttle.beginAttempt(QStringLiteral("alice"), QStringLiteral("10.0.0.1")))
                ++admitted;
        }
        QCOMPARE(admitted, 5);
    }

    void rightPasswordsDoNotCountAgainstTheAddress()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 40; ++i) {
            const QString user = QStringLiteral("user%1").arg(i);
            QVERIFY2(!throttle.beginAttempt(user, QStringLiteral("10.0.0.1")), qPrintable(user));
            throttle.recordSuccess(user, QStringLiteral("10.0.0.1"));
        }
    }

    void memoryIsBounded()
    {
        MockClock clock;
        LoginThrottle::Policy policy;
        policy.maxTrackedKeys = 100;
        LoginThrottle throttle(clock, policy);
        for (int i = 0; i < 10'000; ++i)
            throttle.beginAttempt(QStringLiteral("u%1").arg(i), QStringLiteral("a%1").arg(i));
        // Still answers, and recent abuse of one key is still seen.
        for (int i = 0; i < 5; ++i)
            throttle.beginAttempt(QStringLiteral("target"), QStringLiteral("a"));
        QVERIFY(throttle.retryAfter(QStringLiteral("target"), QStringLiteral("a")));
    }
};

QTEST_APPLESS_MAIN(TstLoginThrottle)
#include "tst_LoginThrottle.moc"
