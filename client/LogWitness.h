#pragma once

#include "client/ApiError.h"
#include "core/AuditEvent.h"
#include "core/LogError.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <optional>

namespace mandate::client {

class LocalCache;
class MandateApi;

// The console as a witness of its server's audit log. It keeps the newest checkpoint it verified
// (per server, in the LocalCache) under the log key it saw first (trust on first use), checks every
// newer checkpoint against it with a consistency proof, and proves single events against it. A
// changed key or a history that does not extend the kept one is reported, never taken in.
class LogWitness : public QObject
{
    Q_OBJECT

public:
    struct Status
    {
        enum class State
        {
            Unchecked,
            Checking,
            Verified,    // the server's newest checkpoint extends the kept one (or is the first)
            Refused,     // it does not: `error` says why; the kept checkpoint stays
            Unreachable, // no usable answer; nothing was decided
        };
        State state = State::Unchecked;
        LogError error = LogError::None;
        bool keyChanged = false; // Refused: the server names another key than the pinned one
        bool firstContact = false;
        qint64 treeSize = 0; // of the kept checkpoint
        QString origin;      // the log's name
        QDateTime since;     // when this console first kept a checkpoint of this log
        QDateTime keptAt;    // when it kept the one it holds now
        QString pinnedKey;   // the key the console trusts for this server
        QString offeredKey;  // the key the server names now
        QString problem;     // Unreachable: why, in words
    };

    // One event proven against the kept checkpoint.
    struct InclusionCheck
    {
        qint64 seq = 0;
        LogError error = LogError::None;
        bool notYetInCheckpoint = false; // the event is newer than every checkpoint so far
        bool logRefused = false;         // the log itself did not verify; nothing to prove against
        std::optional<ApiError> transport;
        qint64 leafIndex = 0;
        qint64 treeSize = 0;
        qsizetype pathLength = 0;

        bool verified() const
        {
            return error == LogError::None && !notYetInCheckpoint && !logRefused && !transport;
        }
    };

    // The cache's scope says which server this is; the window sets it at sign-in.
    LogWitness(MandateApi &api, LocalCache &cache, QObject *parent = nullptr);

    // Looks at the server's newest checkpoint (statusChanged says what came of it).
    void check();
    // Proves `event` against the kept checkpoint, checking a newer checkpoint first when the kept
    // one is older than the event (inclusionChecked says what came of it).
    void proveInclusion(const AuditEvent &event);

    const Status &status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const mandate::client::LogWitness::Status &status);
    void inclusionChecked(const mandate::client::LogWitness::InclusionCheck &check);

private:
    void finishCheck(const Status &status);
    void proveAgainstKept(const AuditEvent &event);
    void finishProof(const InclusionCheck &check);

    MandateApi &m_api;
    LocalCache &m_cache;
    Status m_status;
    std::optional<AuditEvent> m_waitingEvent; // a proof that waits for the check in flight
    quint64 m_round = 0;
};

} // namespace mandate::client
