#pragma once

namespace mandate::agent {

// What scripts around the agent branch on (README, "The agent simulator").
enum ExitCode : int
{
    Allowed = 0,
    Failed = 1, // the scenario met an answer it did not expect
    UsageOrTransport = 2,
    Denied = 3,
    ApprovalNeeded = 4,
    // witness, verify-receipt: the log's checkpoint or the receipt did not verify (a rewritten
    // history, a wrong key, an edited file), so nothing was kept.
    NotVerified = 5,
};

} // namespace mandate::agent
