#pragma once

#include "core/AuthZen.h"
#include "core/Clock.h"
#include "server/domain/AuthZenEvaluator.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/http/IdempotentWrites.h"

#include <functional>
#include <memory>

namespace mandate::server {

class ActionDirectory;
class Authenticator;
class Router;
class Store;

// OpenID AuthZEN Authorization API 1.0 (API.md "Mandate as an AuthZEN 1.0 PDP"): discovery,
// evaluation, evaluations and the action and resource searches. These routes authenticate and
// check media types themselves, because AuthZEN answers errors as {"error": …} with 400 for every
// malformed request, not as problem+json; and they echo X-Request-ID on every answer.
class AuthZenRoutes
{
public:
    struct Settings
    {
        qint64 approvalTtlSeconds = 900;
        bool tls = false;
        QString fallbackBaseUrl; // when a request names no Host
    };

    AuthZenRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, Authenticator &authenticator,
                  ActionDirectory &actions, OrgPolicyGate &orgPolicy, Settings settings)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_authenticator(authenticator)
        , m_actions(actions)
        , m_orgPolicy(orgPolicy)
        , m_settings(std::move(settings))
        , m_evaluator(clock, m_settings.approvalTtlSeconds, orgPolicy)
    {}

    void registerRoutes(Router &router);

private:
    void configuration(ApiRequest &request, const Responder &respond);
    void evaluation(ApiRequest &request, const Responder &respond) { evaluate(request, respond, false); }
    void evaluations(ApiRequest &request, const Responder &respond) { evaluate(request, respond, true); }
    void searchActions(ApiRequest &request, const Responder &respond) { search(request, respond, true); }
    void searchResources(ApiRequest &request, const Responder &respond) { search(request, respond, false); }
    void evaluate(ApiRequest &request, const Responder &respond, bool batch);
    void search(ApiRequest &request, const Responder &respond, bool actions);
    // One request's evaluations, past the organisation's engine and into the write job.
    struct Batch
    {
        authzen::Semantic semantic;
        bool isBatch;
        Principal caller;
        QString baseUrl;
        IdempotentWrites::Idempotency idempotency;
        std::shared_ptr<const ActionCatalog> actions;
    };
    void decide(QList<AuthZenEvaluator::Resolved> resolved, Batch batch, bool force, const Responder &answer);
    void screenFrom(QList<AuthZenEvaluator::Resolved> resolved, qsizetype next, const Batch &batch,
                    bool force, std::function<void(QList<AuthZenEvaluator::Resolved>)> then);
    // The caller and the request's JSON object, or the error answer already sent.
    std::optional<QJsonObject> admit(ApiRequest &request, const Responder &answer);
    QString baseUrl(const ApiRequest &request) const;

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    Authenticator &m_authenticator;
    ActionDirectory &m_actions;
    OrgPolicyGate &m_orgPolicy;
    Settings m_settings;
    AuthZenEvaluator m_evaluator;
};

} // namespace mandate::server
