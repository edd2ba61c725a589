#include "tests/support/CerbosProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QThread>

namespace mandate::test {

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool answersHealth(const QString &url)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url + QStringLiteral("/_cerbos/health"))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool up = reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    return up;
}

} // namespace

QString CerbosProcess::binary()
{
    const QString configured = qEnvironmentVariable("MANDATE_CERBOS");
    if (!configured.isEmpty())
        return QFileInfo(configured).isExecutable() ? configured : QString();
#ifdef MANDATE_CERBOS_BINARY
    const QString installed = QStringLiteral(MANDATE_CERBOS_BINARY);
    return QFileInfo(installed).isExecutable() ? installed : QString();
#else
    return QString();
#endif
}

CerbosProcess::~CerbosProcess()
{
    kill();
}

QString CerbosProcess::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

bool CerbosProcess::start(const QString &policyDir, QString *error, quint16 port)
{
    const QString program = binary();
    if (program.isEmpty()) {
        *error = QStringLiteral("Cerbos is not installed (scripts/install-deps.sh installs it)");
        return false;
    }
    m_port = port != 0 ? port : freeLoopbackPort();
    const quint16 grpcPort = freeLoopbackPort();
    const QString config = m_workDir.filePath(QStringLiteral("cerbos.yaml"));
    QFile out(config);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = out.errorString();
        return false;
    }
    out.write(
        QStringLiteral("server:\n  httpListenAddr: \"127.0.0.1:%1\"\n  grpcListenAddr: \"127.0.0.1:%2\"\n"
                       "storage:\n  driver: disk\n  disk:\n    directory: \"%3\"\n"
                       "telemetry:\n  disabled: true\n")
            .arg(m_port)
            .arg(grpcPort)
            .arg(QDir(policyDir).absolutePath())
            .toUtf8());
    out.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CERBOS_NO_TELEMETRY"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(m_workDir.filePath(QStringLiteral("cerbos.log")));
    m_process.start(program,
                    {QStringLiteral("server"), QStringLiteral("--config=") + config,
                     QStringLiteral("--set=telemetry.disabled=true"), QStringLiteral("--log-level=error")});
    if (!m_process.waitForStarted(5000)) {
        *error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            *error = QStringLiteral("Cerbos exited at start");
            return false;
        }
        if (answersHealth(url()))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("Cerbos did not answer within 15 s");
    return false;
}

void CerbosProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace mandate::test
