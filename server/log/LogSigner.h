#pragma once

#include "core/Checkpoint.h"
#include "core/NoteVerifierKey.h"
#include "server/identity/SigningKey.h"

#include <QString>

#include <optional>

namespace mandate::server {

// The transparency log's own Ed25519 key, which signs checkpoints as C2SP signed notes. It is not
// the credential signing key: whoever can mint credentials must not be able to vouch for history.
class LogSigner
{
public:
    // Loads (or creates, 0600) the key at `path`. An empty `origin` names the log after its key,
    // "mandate.local/audit/<16 hex digits of the key's SHA-256>", so two logs never share a name.
    static std::optional<LogSigner> load(const QString &path, const QString &origin, QString *error);

    const QString &origin() const { return m_verifier.name(); }
    const NoteVerifierKey &verifierKey() const { return m_verifier; }
    // The checkpoint as a signed note: its text, a blank line, the log's signature line.
    QByteArray sign(const Checkpoint &checkpoint) const;

private:
    LogSigner(SigningKey key, NoteVerifierKey verifier)
        : m_key(std::move(key))
        , m_verifier(std::move(verifier))
    {}

    SigningKey m_key;
    NoteVerifierKey m_verifier;
};

} // namespace mandate::server
