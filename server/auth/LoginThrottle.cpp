#include "server/auth/LoginThrottle.h"

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

std::optional<int> LoginThrottle::retryAfter(const QString &username, const QString &address)
{
    const std::optional<int> byUser =
        check(m_byUsername, username.toLower(), m_policy.maxFailuresPerUsername);
    const std::optional<int> byAddress = check(m_byAddress, address, m_policy.maxFailuresPerAddress);
    if (byUser && byAddress)
        return qMax(*byUser, *byAddress);
    return byUser ? byUser : byAddress;
}

void LoginThrottle::record(QHash<QString, QList<QDateTime>> &failures, const QString &key)
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
    failures[key].append(m_clock.now());
}

std::optional<int> LoginThrottle::beginAttempt(const QString &username, const QString &address)
{
    if (const std::optional<int> wait = retryAfter(username, address))
        return wait;
    record(m_byUsername, username.toLower());
    record(m_byAddress, address);
    return std::nullopt;
}

void LoginThrottle::recordSuccess(const QString &username, const QString &address)
{
    m_byUsername.remove(username.toLower());
    const auto it = m_byAddress.find(address);
    if (it != m_byAddress.end() && !it->isEmpty())
        it->removeLast();
}

} // namespace mandate::server
