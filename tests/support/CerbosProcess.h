#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace mandate::test {

// A real Cerbos policy decision point (the binary scripts/install-deps.sh puts in tools/cerbos),
// serving a policy directory over HTTP on loopback, with telemetry off: it must never phone home.
class CerbosProcess
{
public:
    // The installed binary, or empty when Cerbos is not installed here.
    static QString binary();

    CerbosProcess() = default;
    CerbosProcess(const CerbosProcess &) = delete;
    CerbosProcess &operator=(const CerbosProcess &) = delete;
    ~CerbosProcess();

    // Starts on `port` (0: a free one) and waits until it answers.
    bool start(const QString &policyDir, QString *error, quint16 port = 0);
    // SIGKILL, as a crash would end it.
    void kill();
    quint16 port() const { return m_port; }
    QString url() const;

private:
    QProcess m_process;
    QTemporaryDir m_workDir;
    quint16 m_port = 0;
};

} // namespace mandate::test
