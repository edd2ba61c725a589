#pragma once

namespace mandate::server {

// What a write job did with its changes: kept, they commit with the batch; dropped, they (and the
// live events it published) are rolled back to the job's savepoint.
enum class WriteResult
{
    Keep,
    Drop
};

// How the batch a job ran in ended. Only Committed means the job's kept changes are durable.
enum class CommitStatus
{
    Committed,
    Failed,       // the transaction or the job's savepoint failed: nothing of the job is durable
    Busy,         // the write transaction could not begin (another writer held it too long)
    DatabaseLost, // the connection is gone; the outcome of a commit in flight is unknown
};

} // namespace mandate::server
