#pragma once

#include <QString>

#include <optional>

namespace mandate::agent {

// `mandate-agent verify-receipt FILE`: checks a decision or consent receipt offline — the event
// hashes to its leaf, the inclusion proof leads to the checkpoint's root, and the checkpoint is
// signed — and says what that proves. Returns an ExitCode.
class ReceiptCheckCommand
{
public:
    // `verifierKey`: the log key the reader trusts; without one, the key the receipt names.
    static int run(const QString &file, const std::optional<QString> &verifierKey);
};

} // namespace mandate::agent
