#include "ui/ConnectionBanner.h"

#include "client/ConnectionMonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace mandate::ui {

ConnectionBanner::ConnectionBanner(client::ConnectionMonitor &monitor, QWidget *parent)
    : QFrame(parent)
    , m_monitor(monitor)
{
    setObjectName(QStringLiteral("connectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette warning = palette();
    // Dark amber on light amber: readable in light and dark themes alike (contrast 7.9:1).
    warning.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xcd));
    warning.setColor(QPalette::WindowText, QColor(0x5c, 0x3c, 0x00));
    setPalette(warning);
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setAccessibleName(tr("Connection status"));
    layout->addWidget(m_text, 1);
    m_retry = new QPushButton(tr("Retry &now"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    connect(m_retry, &QPushButton::clicked, &m_monitor, &client::ConnectionMonitor::retryNow);
    layout->addWidget(m_retry);
    connect(&m_monitor, &client::ConnectionMonitor::onlineChanged, this, &ConnectionBanner::update);
    connect(&m_monitor, &client::ConnectionMonitor::countdownChanged, this,
            [this] { update(m_monitor.isOnline()); });
    update(m_monitor.isOnline());
}

void ConnectionBanner::update(bool online)
{
    setVisible(!online);
    if (online)
        return;
    const int seconds = m_monitor.secondsUntilRetry();
    m_text->setText(seconds > 0
                        ? tr("The server cannot be reached. What you see may be out of date; changes are "
                             "disabled. Retrying in %n s.",
                             nullptr, seconds)
                        : tr("The server cannot be reached. Retrying…"));
}

} // namespace mandate::ui
