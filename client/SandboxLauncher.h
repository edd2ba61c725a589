#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

namespace mandate::client {

// "Start a local sandbox": runs `mandate-server --demo` on a free loopback port with its data in
// the user's data location, and reports the URL once the server says it listens. The server lives
// as long as this object; it is stopped (SIGTERM, then waited for) with it.
class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    // serverBinary: the mandate-server to run; dataDir: where the sandbox keeps its database.
    SandboxLauncher(QString serverBinary, QString dataDir, QObject *parent = nullptr);
    ~SandboxLauncher() override;

    void start();
    void stop();
    bool isRunning() const;
    const QUrl &url() const { return m_url; }

    // Next to the console's own executable first, then on PATH.
    static QString findServerBinary();

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);

private:
    void onOutput();

    QString m_serverBinary;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QUrl m_url;
};

} // namespace mandate::client
