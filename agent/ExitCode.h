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
};

} // namespace mandate::agent
