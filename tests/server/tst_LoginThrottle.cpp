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

    // What the store holds replaces what this instance knew, except its own attempts in flight;
    // the store's failures say who is throttled and until when, per username or per address.
    void theStoreDecidesAndInFlightAttemptsStillCount()
    {
        MockClock clock;
        LoginThrottle throttle(clock);
        const QString address = QStringLiteral("10.0.0.9");
        QList<std::pair<QString, QDateTime>> stored;
        for (int i = 0; i < 5; ++i)
            stored.append({QStringLiteral("Sam"), clock.now().addSecs(-60 * (5 - i))});
        throttle.syncFromStore(QStringLiteral("sam"), address, stored);
        QVERIFY(throttle.retryAfter(QStringLiteral("sam"), address));
        throttle.syncFromStore(QStringLiteral("sam"), address, {}); // unlocked elsewhere
        QVERIFY(!throttle.retryAfter(QStringLiteral("sam"), address));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!throttle.beginAttempt(QStringLiteral("sam"), address));
        throttle.syncFromStore(QStringLiteral("sam"), address, {}); // none of them answered yet
        QVERIFY(throttle.beginAttempt(QStringLiteral("sam"), address));

        QList<LoginThrottle::Failure> failures;
        for (int i = 0; i < 5; ++i)
            failures.append({QStringLiteral("SAM"), address, clock.now().addSecs(-60 * (5 - i))});
        for (int i = 0; i < 20; ++i)
            failures.append({QStringLiteral("user%1").arg(i), QStringLiteral("10.6.6.6"), clock.now()});
        failures.append({QStringLiteral("old"), address, clock.now().addSecs(-3600)});
        const QList<LoginThrottle::Throttled> throttled = throttle.throttledAmong(failures);
        QCOMPARE(throttled.size(), 2);
        QCOMPARE(throttled[0].username, QStringLiteral("sam"));
        QCOMPARE(throttled[0].failures, 5);
        QCOMPARE(throttled[0].until, clock.now().addSecs(-300 + 15 * 60));
        QVERIFY(throttled[1].username.isEmpty());
        QCOMPARE(throttled[1].address, QStringLiteral("10.6.6.6"));
        QCOMPARE(throttled[1].failures, 20);
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
