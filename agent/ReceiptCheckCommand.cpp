#include "agent/ReceiptCheckCommand.h"

#include "agent/ExitCode.h"
#include "core/AuditReceipt.h"
#include "core/NoteVerifierKey.h"
#include "core/StrictJson.h"

#include <QFile>
#include <QTextStream>

namespace mandate::agent {

namespace {

// A receipt is one event, a proof of a few dozen hashes and a note; more is not a receipt.
constexpr qint64 MaxReceiptBytes = 1024 * 1024;

int receiptRefused(int code, const QString &message)
{
    QTextStream(stderr) << "mandate-agent: verify-receipt: " << message << '\n';
    return code;
}

} // namespace

int ReceiptCheckCommand::run(const QString &path, const std::optional<QString> &verifierKey)
{
    std::optional<NoteVerifierKey> trusted;
    if (verifierKey) {
        trusted = NoteVerifierKey::parse(*verifierKey);
        if (!trusted)
            return receiptRefused(
                UsageOrTransport,
                QStringLiteral("--verifier-key is not a note verifier key (<name>+<key id>+<base64 key>)."));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return receiptRefused(UsageOrTransport,
                              QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(MaxReceiptBytes + 1);
    if (bytes.size() > MaxReceiptBytes)
        return receiptRefused(NotVerified, QStringLiteral("%1 is larger than any receipt.").arg(path));
    const auto json = StrictJson::parseObject(bytes);
    if (!json)
        return receiptRefused(NotVerified,
                              QStringLiteral("%1 is not JSON: %2").arg(path, json.error().message));
    const std::optional<AuditReceipt> receipt = AuditReceipt::fromJson(*json);
    if (!receipt)
        return receiptRefused(NotVerified, describe(LogError::MalformedReceipt));
    const LogError error = receipt->verify(trusted);
    if (error != LogError::None)
        return receiptRefused(NotVerified,
                              QStringLiteral("the receipt does not verify: %1.").arg(describe(error)));

    const std::optional<NoteVerifierKey> key =
        trusted ? trusted : NoteVerifierKey::parse(receipt->verifierKey);
    const std::optional<Checkpoint> checkpoint = receipt->checkpointFor(*key);
    QTextStream out(stdout);
    out << "receipt verified: " << receipt->event.value(QStringLiteral("type")).toString() << " (event "
        << receipt->leafIndex + 1 << ") is leaf " << receipt->leafIndex << " of the " << receipt->treeSize
        << "-event log " << checkpoint->origin << ", exactly as written\n";
    if (trusted)
        out << "checked against the given verifier key " << trusted->toString() << '\n';
    else
        out << "checked against the key named in the receipt only (" << receipt->verifierKey
            << "); pass --verifier-key to prove whose log it is\n";
    return Allowed;
}

} // namespace mandate::agent
