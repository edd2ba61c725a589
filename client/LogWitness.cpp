#include "client/LogWitness.h"

#include "client/LocalCache.h"
#include "client/LogWitnessRound.h"
#include "client/MandateApi.h"
#include "core/AuditChain.h"
#include "core/Checkpoint.h"
#include "core/MerkleTree.h"
#include "core/NoteVerifierKey.h"

namespace mandate::client {

namespace {

using Status = LogWitness::Status;

Status keptStatus(Status::State state, const std::optional<LocalCache::KeptCheckpoint> &kept)
{
    Status status;
    status.state = state;
    if (kept) {
        status.treeSize = kept->treeSize;
        status.since = kept->firstKeptAt;
        status.keptAt = kept->keptAt;
        status.pinnedKey = kept->verifierKey;
        if (const auto key = NoteVerifierKey::parse(kept->verifierKey))
            status.origin = key->name();
    }
    return status;
}

} // namespace

LogWitness::LogWitness(MandateApi &api, LocalCache &cache, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
{}

void LogWitness::check()
{
    if (m_status.state == Status::State::Checking)
        return; // the round in flight answers for this call too
    const std::optional<LocalCache::KeptCheckpoint> kept = m_cache.loadCheckpoint();
    std::optional<NoteVerifierKey> pinned;
    if (kept) {
        pinned = NoteVerifierKey::parse(kept->verifierKey);
        if (!pinned) {
            Status broken = keptStatus(Status::State::Refused, kept);
            broken.error = LogError::MalformedVerifierKey;
            finishCheck(broken);
            return;
        }
    }
    Status checking = m_status;
    checking.state = Status::State::Checking;
    m_status = checking;
    Q_EMIT statusChanged(m_status);

    const quint64 round = ++m_round;
    LogWitnessRound::run(
        m_api, pinned, kept ? std::optional(kept->note) : std::nullopt, this,
        [this, kept, round](const LogWitnessRound::Result &result) {
            if (round != m_round)
                return;
            if (result.transport) {
                Status unreachable = keptStatus(Status::State::Unreachable, kept);
                unreachable.problem = result.transport->message();
                finishCheck(unreachable);
                return;
            }
            if (!result.accepted) {
                Status refused = keptStatus(Status::State::Refused, kept);
                refused.error = result.error;
                refused.offeredKey = result.offeredKey;
                refused.keyChanged = kept && result.offeredKey != kept->verifierKey;
                finishCheck(refused);
                return;
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const LocalCache::KeptCheckpoint next{kept ? kept->verifierKey : result.offeredKey,
                                                  result.offeredNote, result.accepted->treeSize,
                                                  kept ? kept->firstKeptAt : now, now};
            Status verified = keptStatus(Status::State::Verified, next);
            verified.firstContact = !kept;
            verified.offeredKey = result.offeredKey;
            verified.origin = result.accepted->origin;
            if (!m_cache.saveCheckpoint(next)) {
                // Not kept means not witnessed: the next look could not tell a rewrite from this.
                verified.state = Status::State::Unreachable;
                verified.problem = tr("The console could not keep the checkpoint in %1.").arg(m_cache.file());
            }
            finishCheck(verified);
        });
}

void LogWitness::finishCheck(const Status &status)
{
    m_status = status;
    Q_EMIT statusChanged(m_status);
    if (!m_waitingEvent)
        return;
    const AuditEvent event = *m_waitingEvent;
    m_waitingEvent.reset();
    InclusionCheck check;
    check.seq = event.seq;
    check.treeSize = status.treeSize;
    if (status.state == Status::State::Verified) {
        if (status.treeSize < event.seq) {
            check.notYetInCheckpoint = true;
            finishProof(check);
        } else {
            proveAgainstKept(event);
        }
        return;
    }
    if (status.state == Status::State::Unreachable) {
        check.transport = ApiError::network(ApiError::Kind::Network, status.problem);
    } else {
        check.logRefused = true;
        check.error = status.error;
    }
    finishProof(check);
}

void LogWitness::proveInclusion(const AuditEvent &event)
{
    const std::optional<LocalCache::KeptCheckpoint> kept = m_cache.loadCheckpoint();
    if (!kept || kept->treeSize < event.seq) {
        m_waitingEvent = event;
        check();
        return;
    }
    proveAgainstKept(event);
}

void LogWitness::proveAgainstKept(const AuditEvent &event)
{
    InclusionCheck check;
    check.seq = event.seq;
    check.leafIndex = event.seq - 1;
    const std::optional<LocalCache::KeptCheckpoint> kept = m_cache.loadCheckpoint();
    const std::optional<NoteVerifierKey> key =
        kept ? NoteVerifierKey::parse(kept->verifierKey) : std::nullopt;
    if (!key) {
        check.logRefused = true;
        check.error = LogError::MalformedVerifierKey;
        finishProof(check);
        return;
    }
    const Expected<Checkpoint, LogError> checkpoint = Checkpoint::open(kept->note, *key);
    if (!checkpoint) {
        check.logRefused = true;
        check.error = checkpoint.error();
        finishProof(check);
        return;
    }
    check.treeSize = checkpoint->treeSize;
    // The leaf is hashed here from the event as it was read, so the proof covers what the person
    // sees, not a hash the server merely states.
    const QByteArray leaf = AuditChain::leafHash(event);
    if (!event.leafHash.isEmpty() && QByteArray::fromHex(event.leafHash.toLatin1()) != leaf) {
        check.error = LogError::LeafMismatch;
        finishProof(check);
        return;
    }
    const auto reply = m_api.inclusionProof(event.seq, checkpoint->treeSize);
    reply.onSucceeded(this, [this, check, leaf,
                             root = checkpoint->rootHash](const MandateApi::InclusionProof &proof) {
        InclusionCheck result = check;
        result.pathLength = proof.auditPath.size();
        if (proof.treeSize != result.treeSize)
            result.error = LogError::WrongTreeSize;
        else if (proof.leafIndex != result.leafIndex || proof.leafHash != leaf)
            result.error = LogError::LeafMismatch;
        else
            result.error =
                MerkleTree::verifyInclusion(result.leafIndex, result.treeSize, leaf, proof.auditPath, root);
        finishProof(result);
    });
    reply.onFailed(this, [this, check](const ApiError &error) {
        InclusionCheck result = check;
        result.transport = error;
        finishProof(result);
    });
}

void LogWitness::finishProof(const InclusionCheck &check)
{
    Q_EMIT inclusionChecked(check);
}

} // namespace mandate::client
