#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace mandate::test {

// A loopback TCP relay in front of a real server whose link the test can cut and restore, so a
// client sees exactly what a dropped network looks like (resets, refused requests) while the
// server itself keeps running.
class NetworkCutProxy : public QObject
{
    Q_OBJECT

public:
    explicit NetworkCutProxy(const QUrl &target, QObject *parent = nullptr);

    bool start();
    QUrl url() const;
    // Drops every open connection; new ones are closed as soon as they arrive until restore().
    void cut();
    void restore();
    bool isCut() const { return m_cut; }
    int connectionsAccepted() const { return m_accepted; }

private:
    void onNewConnection();

    QUrl m_target;
    QTcpServer m_listener;
    QList<QPointer<QTcpSocket>> m_sockets;
    bool m_cut = false;
    int m_accepted = 0;
};

} // namespace mandate::test
