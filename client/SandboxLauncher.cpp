#include "client/SandboxLauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace mandate::client {

namespace {

constexpr int StopTimeoutMs = 5000;

} // namespace

SandboxLauncher::SandboxLauncher(QString serverBinary, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_serverBinary(std::move(serverBinary))
    , m_dataDir(std::move(dataDir))
{}

SandboxLauncher::~SandboxLauncher()
{
    stop();
}

QString SandboxLauncher::findServerBinary()
{
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("mandate-server"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    // The build tree keeps the console and the server in sibling folders of app/.
    const QString sibling =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../app/mandate-server"));
    if (QFileInfo(sibling).isExecutable())
        return QFileInfo(sibling).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("mandate-server"));
}

bool SandboxLauncher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void SandboxLauncher::start()
{
    if (isRunning()) {
        if (!m_url.isEmpty())
            Q_EMIT ready(m_url);
        return;
    }
    if (m_serverBinary.isEmpty()) {
        Q_EMIT failed(tr("mandate-server was not found next to the console or on PATH."));
        return;
    }
    QDir().mkpath(m_dataDir);
    QFile::setPermissions(m_dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_url.clear();
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(QDir(m_dataDir).filePath(QStringLiteral("server.log")),
                                    QIODevice::Append);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onOutput);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("mandate-server could not be started: %1").arg(m_process->errorString()));
    });
    connect(m_process.get(), &QProcess::finished, this, [this](int code) {
        if (m_url.isEmpty())
            Q_EMIT failed(tr("mandate-server stopped before it was ready (exit code %1); see %2.")
                              .arg(code)
                              .arg(QDir(m_dataDir).filePath(QStringLiteral("server.log"))));
    });
    // An existing sandbox keeps its data: --demo only seeds an empty data dir.
    m_process->start(m_serverBinary, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                      QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--demo")});
}

void SandboxLauncher::onOutput()
{
    m_output += m_process->readAllStandardOutput();
    static const QByteArray Marker = "listening on ";
    const qsizetype at = m_output.indexOf(Marker);
    if (at < 0 || !m_url.isEmpty())
        return;
    const qsizetype end = m_output.indexOf('\n', at);
    if (end < 0)
        return;
    m_url = QUrl(QString::fromUtf8(m_output.mid(at + Marker.size(), end - at - Marker.size()).trimmed()));
    Q_EMIT ready(m_url);
}

void SandboxLauncher::stop()
{
    if (!isRunning())
        return;
    m_process->disconnect(this);
    m_process->terminate();
    if (!m_process->waitForFinished(StopTimeoutMs))
        m_process->kill();
    m_process->waitForFinished(StopTimeoutMs);
}

} // namespace mandate::client
