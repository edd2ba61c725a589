#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace mandate::client {
class ConnectionMonitor;
class EventStream;
} // namespace mandate::client

namespace mandate::ui {

// The strip across the top of the window while the server is away: what it means, when the next
// try is, and a button to try now. Hidden while online.
class ConnectionBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBanner(client::ConnectionMonitor &monitor, QWidget *parent = nullptr);

private:
    void update(bool online);

    client::ConnectionMonitor &m_monitor;
    QLabel *m_text;
    QPushButton *m_retry;
};

} // namespace mandate::ui
