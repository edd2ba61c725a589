#pragma once

#include "core/ActionCatalog.h"
#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "server/http/Principal.h"
#include "server/policy/PolicyDecisionPoint.h"

#include <functional>
#include <memory>
#include <optional>

namespace mandate::server {

class AuthorizeTransaction;
class Store;

// Puts a decision past the organisation's policy engine, outside every write: the delegation's
// own verdict is read first (a denial needs no second opinion), the engine is asked on the event
// loop, and its answer goes into the write job that decides atomically. Without an engine
// configured it changes nothing.
class OrgPolicyGate
{
public:
    // What one decision takes into its write job.
    struct Screening
    {
        QString decisionId;
        std::optional<PolicyDecisionPoint::Consultation> consultation;
    };
    using Then = std::function<void(Screening)>;

    OrgPolicyGate(Store &reader, const Clock &clock, PolicyDecisionPoint *engine)
        : m_reader(reader)
        , m_clock(clock)
        , m_engine(engine)
    {}

    bool enabled() const { return m_engine != nullptr; }
    const PolicyDecisionPoint *engine() const { return m_engine; }

    // Asks the engine when the delegation's own rules would not deny (or always, with `force`:
    // the write job found that it must be asked after all).
    void screen(const AuthorizeRequest &request, const Principal &agent,
                std::shared_ptr<const ActionCatalog> actions, bool force, Then then);
    // Hands the screening to the transaction that decides.
    void apply(AuthorizeTransaction &transaction, const Screening &screening) const;

private:
    Store &m_reader;
    const Clock &m_clock;
    PolicyDecisionPoint *m_engine;
};

} // namespace mandate::server
