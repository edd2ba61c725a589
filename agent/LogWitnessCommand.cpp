#include "agent/LogWitnessCommand.h"

#include "agent/ExitCode.h"
#include "client/ApiClient.h"
#include "client/LogWitnessRound.h"
#include "client/MandateApi.h"
#include "core/NoteVerifierKey.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace mandate::agent {

namespace {

// A checkpoint is a few lines; a wrong path (a log, a device) is not read without bound.
constexpr qint64 MaxStateBytes = 64 * 1024;

int witnessFailed(int code, const QString &message)
{
    QTextStream(stderr) << "mandate-agent: witness: " << message << '\n';
    return code;
}

// Reads the kept checkpoint: none when the file does not exist yet (first contact).
Expected<std::optional<QByteArray>, QString> readState(const QString &path)
{
    if (!QFileInfo::exists(path))
        return std::optional<QByteArray>();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray note = file.read(MaxStateBytes + 1);
    if (note.isEmpty() || note.size() > MaxStateBytes)
        return unexpected(QStringLiteral("%1 holds no checkpoint; remove it to start afresh").arg(path));
    return std::optional(note);
}

// Written beside the old file and renamed over it, so a crash leaves the old checkpoint or the new
// one, never half of either; readable by its owner only, like the console's own files.
bool writeState(const QString &path, const QByteArray &note, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(note) != note.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

int LogWitnessCommand::run(const Options &options)
{
    const std::optional<NoteVerifierKey> key = NoteVerifierKey::parse(options.verifierKey);
    if (!key)
        return witnessFailed(
            UsageOrTransport,
            QStringLiteral("--verifier-key is not a note verifier key (<name>+<key id>+<base64 key>)."));
    const auto kept = readState(options.stateFile);
    if (!kept)
        return witnessFailed(UsageOrTransport, kept.error());

    client::ApiClient apiClient;
    apiClient.setServer(options.server);
    client::MandateApi api(apiClient);
    client::LogWitnessRound::Result result;
    QEventLoop loop;
    client::LogWitnessRound::run(api, key, *kept, &loop, [&](const client::LogWitnessRound::Result &done) {
        result = done;
        loop.quit();
    });
    loop.exec();

    if (result.transport)
        return witnessFailed(UsageOrTransport,
                             QStringLiteral("no checkpoint from %1: %2")
                                 .arg(options.server.toString(), result.transport->message()));
    if (result.keptDoesNotOpen)
        return witnessFailed(
            NotVerified, QStringLiteral("the checkpoint kept in %1 does not open with the pinned key: %2. "
                                        "It is left as it was.")
                             .arg(options.stateFile, describe(result.error)));
    if (!result.accepted) {
        QString message = QStringLiteral("checkpoint refused: %1").arg(describe(result.error));
        if (result.kept)
            message += QStringLiteral(" (kept: %1 events)").arg(result.kept->treeSize);
        if (result.offeredKey != key->toString())
            message +=
                QStringLiteral("; the server names the key %1, not the pinned one").arg(result.offeredKey);
        return witnessFailed(NotVerified,
                             message + QStringLiteral(". %1 is left as it was.").arg(options.stateFile));
    }
    QString error;
    if (!writeState(options.stateFile, result.offeredNote, &error))
        return witnessFailed(UsageOrTransport,
                             QStringLiteral("the checkpoint verified but cannot be kept in %1: %2")
                                 .arg(options.stateFile, error));
    QTextStream out(stdout);
    out << "checkpoint verified: " << result.accepted->treeSize << " events, ";
    if (result.kept)
        out << "append-only since " << result.kept->treeSize;
    else
        out << "first contact, kept in " << options.stateFile;
    out << " (" << result.accepted->origin << ")\n";
    return Allowed;
}

} // namespace mandate::agent
