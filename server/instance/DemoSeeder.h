#pragma once

#include "core/Clock.h"

#include <QString>

#include <span>

namespace mandate::server {

class Store;

// Seeds the demo organisation of API.md into an empty store: customers alice and bob, approvers
// carol and dave, support sam, admin ada (password "mandate-demo"), agents in the trust domain
// spiffe://demo.mandate.local, and active, expired and revoked delegations with some usage.
class DemoSeeder
{
public:
    static constexpr const char *Password = "mandate-demo";
    static constexpr const char *TrustDomain = "demo.mandate.local";

    struct Person
    {
        const char *username;
        const char *displayName;
        const char *role;
    };
    // The people seedIfEmpty creates, all with Password; GET /v1/demo names them from here.
    static std::span<const Person> people();

    // Does nothing when the store already has users. Returns false on a store error.
    static bool seedIfEmpty(Store &store, const Clock &clock, QString *error);
};

} // namespace mandate::server
