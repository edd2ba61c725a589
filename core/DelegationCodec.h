#pragma once

#include "core/Delegation.h"
#include "core/Expected.h"
#include "core/FieldError.h"
#include "core/JsonReader.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace mandate {

// JSON codec for delegations (API.md "Delegations"). Readers are strict: unknown fields, wrong
// types, floats or out-of-range integers where integers are due, unknown currencies and
// sensitivities are each reported with their field path. They check shape only; whether a grant's
// limits make sense is GrantValidator's business, so a stored grant that has since expired still
// reads back.
//
// Mandate's documented extension to API.md: every scope of a delegation also carries
// "used": {"uses": N, "spent": {money} | null}, so the console can draw a usage bar per scope.
// "spent" is the amount spent in the currency of the scope's max_total, or else the first currency
// spent (null when nothing was spent). fromJson accepts it and restores that one amount per scope.
// bound_context is server state and not on the wire.
class DelegationCodec
{
public:
    static constexpr qsizetype MaxChainLinks = 16;
    static constexpr qsizetype MaxChildren = 10000;
    static constexpr qsizetype MaxCurrencies = 256;
    static constexpr qsizetype MaxDualControlActions = 64;

    static QJsonObject toJson(const Delegation &delegation);
    static Expected<Delegation, FieldErrors> fromJson(const QJsonObject &json);

    // The body of POST /v1/delegations (agent_id) or .../subdelegations (agent_spiffe_id).
    // step_up, dual_control and revoke_on are optional in a grant; absent revoke_on fields are false
    // or null.
    enum class GrantKind
    {
        Customer,
        SubDelegation
    };
    static QJsonObject grantToJson(const DelegationGrant &grant, GrantKind kind);
    static Expected<DelegationGrant, FieldErrors> grantFromJson(const QJsonObject &json, GrantKind kind);

    static QJsonObject scopeToJson(const Scope &scope);
    // The "used" object of `scope`, whose max_total decides which currency is shown.
    static QJsonObject scopeUsageToJson(const ScopeUsage &usage, const Scope &scope);
    // The amount "used" shows: spent in the currency of max_total, else the first currency spent.
    static std::optional<Money> shownSpent(const ScopeUsage &usage, const Scope &scope);
    static QJsonObject chainLinkToJson(const ChainLink &link);

    // Readers for parts other codecs embed; problems go to the reader's error list. Each calls
    // finish() on the reader it is given.
    static std::optional<Scope> scopeFromJson(JsonReader &reader);
    static std::optional<ChainLink> chainLinkFromJson(JsonReader &reader);

    // {"amount_minor": 12500, "currency": "EUR"}, and null for no amount: shared by every codec.
    static QJsonObject moneyToJson(const Money &money);
    static QJsonValue moneyToJson(const std::optional<Money> &money);
};

} // namespace mandate
