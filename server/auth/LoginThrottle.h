#pragma once

#include "core/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace mandate::server {

// Slows password guessing: after too many failures within a window, for one username from one
// client address or from one address altogether, sign-in answers 429 with Retry-After until the
// oldest failure leaves the window. Failures are never counted per username alone: that would let
// anyone lock the rightful person out from somewhere else.
class LoginThrottle
{
public:
    struct Policy
    {
        int maxFailuresPerUsernameAndAddress = 5;
        int maxFailuresPerAddress = 20;
        qint64 windowSeconds = 15 * 60;
        qsizetype maxTrackedKeys = 100'000; // bounds memory under a spray of usernames
    };

    struct Failure
    {
        QString username;
        QString address;
        QDateTime at;
    };
    // A key that is throttled now: a username from an address, or (username empty) an address for
    // every username; `until` is when the oldest failure that counts leaves the window.
    struct Throttled
    {
        QString username;
        QString address;
        int failures = 0;
        QDateTime until;
    };

    explicit LoginThrottle(const Clock &clock)
        : LoginThrottle(clock, Policy{})
    {}
    LoginThrottle(const Clock &clock, Policy policy)
        : m_clock(clock)
        , m_policy(policy)
    {}

    // Seconds to wait before another attempt is allowed, or nullopt when it is allowed now.
    std::optional<int> retryAfter(const QString &username, const QString &address);
    // Admits an attempt and counts it as a failure before the password is checked, so guesses sent
    // in parallel cannot all start before the first one is known to have failed. Returns the seconds
    // to wait instead when the attempt is not admitted.
    std::optional<int> beginAttempt(const QString &username, const QString &address);
    // The attempt had the right password: it stops counting, and the username's failures are forgiven.
    void recordSuccess(const QString &username, const QString &address);
    // A failure remembered from before a restart (the store keeps them).
    void restoreFailure(const QString &username, const QString &address, const QDateTime &at);
    // What the store holds for `address` (each failure with its username, within the window) replaces
    // what this instance knew of the attempt's two keys, so every instance on one database counts the
    // same failures. This instance's attempts still being checked are kept: the store has them later.
    void syncFromStore(const QString &username, const QString &address,
                       const QList<std::pair<QString, QDateTime>> &addressFailures);
    // A failed attempt's failure is in the store now: it is no longer only this instance's to count.
    void endFailedAttempt(const QString &username, const QString &address);
    // An administrator unlocked the account: every address's failures for it are forgotten.
    void unlock(const QString &username);
    qint64 windowSeconds() const { return m_policy.windowSeconds; }
    // Who `failures` (as the store keeps them, any order) throttle now, by the rules above.
    QList<Throttled> throttledAmong(const QList<Failure> &failures) const;

private:
    std::optional<int> check(QHash<QString, QList<QDateTime>> &failures, const QString &key, int limit);
    void record(QHash<QString, QList<QDateTime>> &failures, const QString &key, const QDateTime &at);
    static QString pairKey(const QString &username, const QString &address);
    void forgetInFlight(const QString &username, const QString &address);

    struct Attempt
    {
        QString pairKey;
        QString address;
        QDateTime at;
    };

    const Clock &m_clock;
    Policy m_policy;
    QHash<QString, QList<QDateTime>> m_byUsernameAndAddress;
    QHash<QString, QList<QDateTime>> m_byAddress;
    QList<Attempt> m_inFlight; // begun here, not yet known to have failed or succeeded in the store
};

} // namespace mandate::server
