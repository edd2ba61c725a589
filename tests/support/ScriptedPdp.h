#pragma once

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace mandate::test {

// A policy engine on loopback that misbehaves on purpose, for what a real one does only on a bad
// day: never answering, answering 500, answering with something that is not JSON; or that answers
// one fixed way, for the console's tests. It counts the requests it was sent and keeps the last body.
class ScriptedPdp : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        Silent,      // reads the request and never answers
        ServerError, // 500
        NotJson,     // 200 with a text body
        PersonOnly,  // a well-behaved engine that allows only what a person confirms
        Deny,        // a well-behaved engine that allows nothing
    };

    explicit ScriptedPdp(Mode mode);

    QString url() const;
    void setMode(Mode mode) { m_mode = mode; }
    int requests() const { return m_requests; }
    QByteArray lastBody() const { return m_lastBody; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Mode m_mode;
    int m_requests = 0;
    QByteArray m_lastBody;
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace mandate::test
