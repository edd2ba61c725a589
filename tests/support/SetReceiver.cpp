#include "tests/support/SetReceiver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>

namespace mandate::test {

namespace {

// The distribution's interpreter, where python3-jwt installs PyJWT, not whatever is first on PATH.
const QString Python = QStringLiteral("/usr/bin/python3");
const QString Script = QStringLiteral(MANDATE_SET_RECEIVER);

QStringList common(const QString &serverUrl, const QString &issuer, const QString &audience)
{
    return {QStringLiteral("--jwks"),     serverUrl + QStringLiteral("/v1/ssf/jwks"),
            QStringLiteral("--issuer"),   issuer,
            QStringLiteral("--audience"), audience};
}

} // namespace

bool SetReceiver::available(QString *why)
{
    QProcess probe;
    probe.start(Python, {QStringLiteral("-c"), QStringLiteral("import jwt, cryptography")});
    if (!probe.waitForFinished(10'000) || probe.exitCode() != 0) {
        *why = QStringLiteral("%1 cannot import jwt (install python3-jwt): %2")
                   .arg(Python, QString::fromUtf8(probe.readAllStandardError()));
        return false;
    }
    return true;
}

SetReceiver::~SetReceiver()
{
    stop();
}

bool SetReceiver::serve(const QString &serverUrl, const QString &issuer, const QString &audience, int status,
                        quint16 port)
{
    stop();
    m_process = std::make_unique<QProcess>();
    QStringList arguments{Script, QStringLiteral("serve"), QStringLiteral("--port"), QString::number(port)};
    arguments += common(serverUrl, issuer, audience);
    if (status != 0)
        arguments += {QStringLiteral("--status"), QString::number(status)};
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(Python, arguments);
    if (!m_process->waitForStarted(10'000))
        return false;
    QDeadlineTimer deadline(10'000);
    while (!m_process->canReadLine() && !deadline.hasExpired())
        m_process->waitForReadyRead(100);
    const QByteArray line = m_process->readLine().trimmed();
    if (!line.startsWith("listening "))
        return false;
    m_port = static_cast<quint16>(line.mid(10).toUInt());
    return m_port != 0;
}

void SetReceiver::stop()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5'000);
    m_process.reset();
}

QList<QJsonObject> SetReceiver::waitFor(int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_process) {
        while (m_process->canReadLine())
            m_received.append(QJsonDocument::fromJson(m_process->readLine()).object());
        if (m_received.size() >= count || deadline.hasExpired())
            break;
        // The server under test is another process; this one only has to read the pipe.
        m_process->waitForReadyRead(50);
        QCoreApplication::processEvents();
    }
    return m_received;
}

QList<QJsonObject> SetReceiver::verify(const QStringList &sets, const QString &serverUrl,
                                       const QString &issuer, const QString &audience)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(Python,
                  QStringList{Script, QStringLiteral("verify")} + common(serverUrl, issuer, audience));
    process.write(sets.join(u'\n').toLatin1() + '\n');
    process.closeWriteChannel();
    process.waitForFinished(30'000);
    QList<QJsonObject> results;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            results.append(QJsonDocument::fromJson(line).object());
    }
    return results;
}

QString SetReceiver::eventType(const QJsonObject &verified)
{
    const QJsonObject events = verified.value(u"claims").toObject().value(u"events").toObject();
    return events.isEmpty() ? QString() : events.begin().key();
}

QJsonObject SetReceiver::event(const QJsonObject &verified)
{
    const QJsonObject events = verified.value(u"claims").toObject().value(u"events").toObject();
    return events.isEmpty() ? QJsonObject() : events.begin().value().toObject();
}

} // namespace mandate::test
