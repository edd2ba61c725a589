// libFuzzer target for everything that reads untrusted JSON: the strict parser, every codec's
// reader, the grant rules and the decision engine. Beyond "never crash", it checks that whatever
// a reader accepts survives being written and read again unchanged, since the server and the
// console exchange exactly those bytes.
//
// An input that holds "delegation", "request" and optionally "approval" and "bound_context" objects
// is also decided: the request against the delegation, so the engine sees values the fuzzer shaped.
// (A bound context is server state and not part of a delegation's JSON, hence its own member.)

#include "core/ApprovalCodec.h"
#include "core/ApprovalMatcher.h"
#include "core/AuditEventCodec.h"
#include "core/AuthorizeCodec.h"
#include "core/DecisionEngine.h"
#include "core/DelegationCodec.h"
#include "core/GrantValidator.h"
#include "core/StrictJson.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace mandate;

namespace {

const QDateTime Now(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

[[noreturn]] void fail(const char *what, const QJsonObject &json)
{
    std::fprintf(stderr, "round trip broke %s: %s\n", what,
                 QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    std::abort();
}

bool operator==(const ApprovalCodec::DecisionBody &a, const ApprovalCodec::DecisionBody &b)
{
    return a.verdict == b.verdict && a.reason == b.reason;
}

// Written, serialized, parsed strictly and read again, a value must come back equal and write the
// same JSON.
template <typename T, typename Write, typename Read>
void checkRoundTrip(const char *what, const T &value, Write write, Read read)
{
    const QJsonObject written = write(value);
    const QByteArray bytes = QJsonDocument(written).toJson(QJsonDocument::Compact);
    const auto reparsed = StrictJson::parseObject(bytes);
    if (!reparsed)
        fail(what, written);
    const auto reread = read(*reparsed);
    if (!reread || !(*reread == value) || write(*reread) != written)
        fail(what, written);
}

void decide(const Delegation &delegation, const AuthorizeRequest &request, const Approval *approval)
{
    DecisionInput input;
    input.delegation = &delegation;
    input.callerAgentId = delegation.agentId;
    input.request = &request;
    input.approval = approval;
    input.now = Now;
    const EngineResult result = DecisionEngine::decide(input);
    if (result.outcome != DecisionOutcome::Allow && !result.charges.isEmpty())
        std::abort();
    if (approval) {
        const ApprovalKind required = approval->kind;
        ApprovalMatcher::match(*approval, delegation.id, request, required, Now);
    }
}

void decideEmbedded(const QJsonObject &json)
{
    auto delegation = DelegationCodec::fromJson(json.value(QStringLiteral("delegation")).toObject());
    const auto request = AuthorizeCodec::requestFromJson(json.value(QStringLiteral("request")).toObject());
    if (!delegation || !request)
        return;
    if (const QJsonValue bound = json.value(QStringLiteral("bound_context")); bound.isObject())
        delegation->boundContext = bound.toObject();
    const auto approval = ApprovalCodec::fromJson(json.value(QStringLiteral("approval")).toObject());
    decide(*delegation, *request, approval ? &approval.value() : nullptr);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto parsed = StrictJson::parseObject(QByteArrayView(data, qsizetype(size)));
    if (!parsed)
        return 0;
    const QJsonObject &json = *parsed;

    if (const auto delegation = DelegationCodec::fromJson(json))
        checkRoundTrip("delegation", *delegation, DelegationCodec::toJson, DelegationCodec::fromJson);

    for (const auto kind :
         {DelegationCodec::GrantKind::Customer, DelegationCodec::GrantKind::SubDelegation}) {
        if (const auto grant = DelegationCodec::grantFromJson(json, kind)) {
            GrantValidator::validate(*grant, Now);
            GrantValidator::actionsNotInCatalog(*grant, ActionCatalog::builtIn());
            checkRoundTrip(
                "grant", *grant,
                [kind](const DelegationGrant &g) { return DelegationCodec::grantToJson(g, kind); },
                [kind](const QJsonObject &j) { return DelegationCodec::grantFromJson(j, kind); });
        }
    }

    if (const auto request = AuthorizeCodec::requestFromJson(json))
        checkRoundTrip("request", *request, AuthorizeCodec::requestToJson, AuthorizeCodec::requestFromJson);
    if (const auto decision = AuthorizeCodec::decisionFromJson(json))
        checkRoundTrip("decision", *decision, AuthorizeCodec::decisionToJson,
                       AuthorizeCodec::decisionFromJson);
    if (const auto approval = ApprovalCodec::fromJson(json))
        checkRoundTrip("approval", *approval, ApprovalCodec::toJson, ApprovalCodec::fromJson);
    if (const auto body = ApprovalCodec::decisionBodyFromJson(json))
        checkRoundTrip("decision body", *body, ApprovalCodec::decisionBodyToJson,
                       ApprovalCodec::decisionBodyFromJson);
    if (const auto event = AuditEventCodec::fromJson(json)) {
        checkRoundTrip(
            "audit event", *event, [](const AuditEvent &e) { return AuditEventCodec::toJson(e); },
            AuditEventCodec::fromJson);
    }

    decideEmbedded(json);
    return 0;
}
