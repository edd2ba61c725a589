#include "models/LogWitnessFormatter.h"

#include <QLocale>

namespace mandate::models {

namespace {

using State = client::LogWitness::Status::State;

QString localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString eventCount(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

QString LogWitnessFormatter::errorText(LogError error)
{
    switch (error) {
    case LogError::None:
        return tr("verified");
    case LogError::MalformedNote:
        return tr("the checkpoint is not a well-formed signed note");
    case LogError::MalformedVerifierKey:
        return tr("the log's key is not a well-formed Ed25519 verifier key");
    case LogError::NotSignedByKey:
        return tr("the checkpoint is not signed by the log's key");
    case LogError::BadSignature:
        return tr("a signature in the name of the log's key does not verify");
    case LogError::MalformedCheckpoint:
        return tr("the signed text is not a checkpoint (origin, tree size, root hash)");
    case LogError::OriginMismatch:
        return tr("the checkpoint names another log than its key");
    case LogError::MalformedProof:
        return tr("the proof is malformed");
    case LogError::IndexBeyondTree:
        return tr("the event is not inside the checkpoint's tree");
    case LogError::WrongTreeSize:
        return tr("the proof is for another tree size than the checkpoint");
    case LogError::InclusionMismatch:
        return tr("the inclusion proof does not lead to the checkpoint's root");
    case LogError::ConsistencyMismatch:
        return tr("the new checkpoint does not extend the one verified before");
    case LogError::TreeShrank:
        return tr("the new checkpoint has fewer events than the one verified before");
    case LogError::LeafMismatch:
        return tr("the event does not hash to the leaf the proof is about");
    case LogError::MalformedReceipt:
        return tr("the receipt is not a Mandate receipt");
    }
    Q_UNREACHABLE();
    return {};
}

QString LogWitnessFormatter::statusText(const client::LogWitness::Status &status)
{
    switch (status.state) {
    case State::Unchecked:
        return {};
    case State::Checking:
        return tr("Checking the audit log's signed checkpoint…");
    case State::Verified:
        if (status.firstContact)
            return tr("✔ Log verified: append-only since %1 (%2 events). This is the first checkpoint this "
                      "console keeps of this server; every later one must extend it.")
                .arg(localTime(status.since), eventCount(status.treeSize));
        return tr("✔ Log verified: append-only since %1 (%2 events)")
            .arg(localTime(status.since), eventCount(status.treeSize));
    case State::Refused:
        if (status.keyChanged)
            return tr("✘ The server's log key changed: it now signs with %1, but this console has trusted %2 "
                      "since %3 (%4). The new checkpoint is not accepted.")
                .arg(status.offeredKey, status.pinnedKey, localTime(status.since), errorText(status.error));
        if (status.since.isNull())
            return tr("✘ The server's checkpoint does not verify: %1.").arg(errorText(status.error));
        if (status.error == LogError::ConsistencyMismatch || status.error == LogError::TreeShrank)
            return tr("✘ The server's audit history changed: %1. This console verified %2 events of it by %3 "
                      "and does not accept the new checkpoint.")
                .arg(errorText(status.error), eventCount(status.treeSize), localTime(status.keptAt));
        return tr("✘ The server's checkpoint does not verify: %1. This console keeps the %2 events it "
                  "verified "
                  "by %3.")
            .arg(errorText(status.error), eventCount(status.treeSize), localTime(status.keptAt));
    case State::Unreachable:
        if (status.since.isNull())
            return tr("The audit log could not be checked: %1").arg(status.problem);
        return tr("The audit log could not be checked: %1 Last verified: %2 events by %3.")
            .arg(status.problem, eventCount(status.treeSize), localTime(status.keptAt));
    }
    Q_UNREACHABLE();
    return {};
}

QString LogWitnessFormatter::statusDetails(const client::LogWitness::Status &status)
{
    if (status.pinnedKey.isEmpty())
        return {};
    return tr("Log %1, trusted since %2 with the key %3; the checkpoint kept is of %4 events, verified %5.")
        .arg(status.origin, localTime(status.since), status.pinnedKey, eventCount(status.treeSize),
             localTime(status.keptAt));
}

QString LogWitnessFormatter::inclusionText(const client::LogWitness::InclusionCheck &check)
{
    if (check.transport)
        return tr("The proof of event %1 could not be fetched: %2")
            .arg(check.seq)
            .arg(check.transport->message());
    if (check.notYetInCheckpoint)
        return tr("Event %1 is not yet in a signed checkpoint — try again in a second.").arg(check.seq);
    if (check.logRefused)
        return tr("✘ Event %1 cannot be proven: the log itself does not verify (%2).")
            .arg(check.seq)
            .arg(errorText(check.error));
    if (check.error != LogError::None)
        return tr("✘ Event %1 is not proven: %2.").arg(check.seq).arg(errorText(check.error));
    // No %n: without a translation loaded (the C locale) "hash(es)" would show as it is written.
    return tr("✔ Event %1 is in the log, exactly as shown: leaf %2 of the %3-event checkpoint this console "
              "verified (audit path length %4).")
        .arg(check.seq)
        .arg(check.leafIndex)
        .arg(eventCount(check.treeSize))
        .arg(check.pathLength);
}

} // namespace mandate::models
