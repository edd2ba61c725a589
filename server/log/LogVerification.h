#pragma once

#include "core/NoteVerifierKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mandate::server {

class Store;

// GET /v1/audit/verify: recomputes every event's leaf hash from the event as served, checks the
// old hash chain, compares each leaf with the stored tree, and folds the leaves into the root that
// the newest checkpoint signed. Streams, so millions of events need O(log n) memory.
class LogVerification
{
public:
    struct Result
    {
        bool ok = true;
        qint64 events = 0;
        std::optional<qint64> firstBadSeq;
        // Empty when ok; otherwise event_changed, event_missing, event_unreadable, chain_broken,
        // root_mismatch or checkpoint_invalid.
        QString reason;
        qint64 treeSize = 0;
        QByteArray rootHash;
    };

    // Nothing on a storage error.
    static std::optional<Result> run(Store &store, const NoteVerifierKey &logKey);
};

} // namespace mandate::server
