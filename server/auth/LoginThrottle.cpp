#include "server/auth/LoginThrottle.h"

#include <QMap>

#include <algorithm>

namespace mandate::server {

std::optional<int> LoginThrottle::check(QHash<QString, QList<QDateTime>> &failures, const QString &key,
                                        int limit)
{
    auto it = failures.find(key);
    if (it == failures.end())
        return std::nullopt;
    const QDateTime windowStart = m_clock.now().addSecs(-m_policy.windowSeconds);
    QList<QDateTime> &times = *it;
    while (!times.isEmpty() && times.first() <= windowStart)
        times.removeFirst();
    if (times.isEmpty()) {
        failures.erase(it);
        return std::nullopt;
    }
    if (times.size() < limit)
        return std::nullopt;
    const qint64 wait = windowStart.secsTo(times[times.size() - limit]);
    return static_cast<int>(qMax<qint64>(1, wait + 1));
}

QString LoginThrottle::pairKey(const QString &username, const QString &address)
{
    return username.toLower() + QChar(0x1f) + address;
}

std::optional<int> LoginThrottle::retryAfter(const QString &username, const QString &address)
{
    const std::optional<int> byUser =
        check(m_byUsernameAndAddress, pairKey(username, address), m_policy.maxFailuresPerUsernameAndAddress);
    const std::optional<int> byAddress = check(m_byAddress, address, m_policy.maxFailuresPerAddress);
    if (byUser && byAddress)
        return qMax(*byUser, *byAddress);
    return byUser ? byUser : byAddress;
}

void LoginThrottle::record(QHash<QString, QList<QDateTime>> &failures, const QString &key,
                           const QDateTime &at)
{
    if (failures.size() >= m_policy.maxTrackedKeys && !failures.contains(key)) {
        // Under a spray, forget the stalest key rather than grow without bound.
        const QDateTime windowStart = m_clock.now().addSecs(-m_policy.windowSeconds);
        for (auto it = failures.begin(); it != failures.end();) {
            if (it->isEmpty() || it->last() <= windowStart)
                it = failures.erase(it);
            else
                ++it;
        }
        if (failures.size() >= m_policy.maxTrackedKeys)
            failures.erase(failures.begin());
    }
    QList<QDateTime> &times = failures[key];
    // Restored failures may arrive out of order; the window check reads the oldest first.
    times.insert(std::upper_bound(times.begin(), times.end(), at), at);
}

std::optional<int> LoginThrottle::beginAttempt(const QString &username, const QString &address)
{
    if (const std::optional<int> wait = retryAfter(username, address))
        return wait;
    const QDateTime now = m_clock.now();
    record(m_byUsernameAndAddress, pairKey(username, address), now);
    record(m_byAddress, address, now);
    m_inFlight.append({pairKey(username, address), address, now});
    return std::nullopt;
}

void LoginThrottle::forgetInFlight(const QString &username, const QString &address)
{
    const QString key = pairKey(username, address);
    const auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                                 [&key](const Attempt &attempt) { return attempt.pairKey == key; });
    if (it != m_inFlight.end())
        m_inFlight.erase(it);
}

void LoginThrottle::endFailedAttempt(const QString &username, const QString &address)
{
    forgetInFlight(username, address);
}

void LoginThrottle::syncFromStore(const QString &username, const QString &address,
                                  const QList<std::pair<QString, QDateTime>> &addressFailures)
{
    const QString key = pairKey(username, address);
    QList<QDateTime> byPair;
    QList<QDateTime> byAddress;
    for (const auto &[name, at] : addressFailures) {
        byAddress.append(at);
        if (pairKey(name, address) == key)
            byPair.append(at);
    }
    for (const Attempt &attempt : std::as_const(m_inFlight)) {
        if (attempt.address != address)
            continue;
        byAddress.append(attempt.at);
        if (attempt.pairKey == key)
            byPair.append(attempt.at);
    }
    std::sort(byPair.begin(), byPair.end());
    std::sort(byAddress.begin(), byAddress.end());
    m_byUsernameAndAddress.remove(key);
    m_byAddress.remove(address);
    // Through record(), so the bound on tracked keys holds here too.
    for (const QDateTime &at : std::as_const(byPair))
        record(m_byUsernameAndAddress, key, at);
    for (const QDateTime &at : std::as_const(byAddress))
        record(m_byAddress, address, at);
}

void LoginThrottle::recordSuccess(const QString &username, const QString &address)
{
    forgetInFlight(username, address);
    m_byUsernameAndAddress.remove(pairKey(username, address));
    const auto it = m_byAddress.find(address);
    if (it != m_byAddress.end() && !it->isEmpty())
        it->removeLast();
}

void LoginThrottle::restoreFailure(const QString &username, const QString &address, const QDateTime &at)
{
    record(m_byUsernameAndAddress, pairKey(username, address), at);
    record(m_byAddress, address, at);
}

QList<LoginThrottle::Throttled> LoginThrottle::throttledAmong(const QList<Failure> &failures) const
{
    const QDateTime windowStart = m_clock.now().addSecs(-m_policy.windowSeconds);
    QMap<std::pair<QString, QString>, QList<QDateTime>> byPair;
    QMap<QString, QList<QDateTime>> byAddress;
    for (const Failure &failure : failures) {
        if (failure.at <= windowStart)
            continue;
        byPair[{failure.username.toLower(), failure.address}].append(failure.at);
        byAddress[failure.address].append(failure.at);
    }
    QList<Throttled> throttled;
    const auto add = [&](const QString &username, const QString &address, QList<QDateTime> times, int limit) {
        if (times.size() < limit)
            return;
        std::sort(times.begin(), times.end());
        throttled.append({username, address, static_cast<int>(times.size()),
                          times[times.size() - limit].addSecs(m_policy.windowSeconds)});
    };
    for (auto it = byPair.cbegin(); it != byPair.cend(); ++it)
        add(it.key().first, it.key().second, it.value(), m_policy.maxFailuresPerUsernameAndAddress);
    for (auto it = byAddress.cbegin(); it != byAddress.cend(); ++it)
        add(QString(), it.key(), it.value(), m_policy.maxFailuresPerAddress);
    return throttled;
}

void LoginThrottle::unlock(const QString &username)
{
    const QString prefix = username.toLower() + QChar(0x1f);
    for (auto it = m_byUsernameAndAddress.begin(); it != m_byUsernameAndAddress.end();) {
        if (it.key().startsWith(prefix))
            it = m_byUsernameAndAddress.erase(it);
        else
            ++it;
    }
}

} // namespace mandate::server
