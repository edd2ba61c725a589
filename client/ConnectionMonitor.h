#pragma once

#include <QObject>
#include <QTimer>

namespace mandate::client {

class ApiClient;

// Online or offline, as the answers of the ApiClient show it. While offline it probes /healthz on
// a growing interval and counts down to the next try, so the window can say "retrying in 8 s"
// and offer "Retry now".
class ConnectionMonitor : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionMonitor(ApiClient &client, QObject *parent = nullptr);

    bool isOnline() const;
    int secondsUntilRetry() const { return m_secondsLeft; }
    void retryNow();
    // Asks the server at once even while online: the live stream dropped, so the last answer may
    // no longer be true.
    void checkNow();
    // Probe intervals, shortened by tests.
    void setRetryIntervals(int firstSeconds, int maxSeconds);

Q_SIGNALS:
    void onlineChanged(bool online);
    void countdownChanged(int secondsLeft);

private:
    void onReachabilityChanged(bool reachable);
    void tick();
    void probe();

    ApiClient &m_client;
    QTimer m_tick;
    int m_firstSeconds = 2;
    int m_maxSeconds = 30;
    int m_intervalSeconds = 2;
    int m_secondsLeft = 0;
    bool m_probing = false;
};

} // namespace mandate::client
