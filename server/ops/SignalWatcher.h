#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace mandate::server {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe), where a graceful
// shutdown can run; nothing but write() happens inside the signal handler.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace mandate::server
