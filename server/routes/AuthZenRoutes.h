#pragma once

#include "core/AuthZen.h"
#include "core/Clock.h"
#include "server/domain/AuthZenEvaluator.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class Authenticator;
class IdempotentWrites;
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
                  Settings settings)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_authenticator(authenticator)
        , m_settings(std::move(settings))
        , m_evaluator(clock, m_settings.approvalTtlSeconds)
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
    // The caller and the request's JSON object, or the error answer already sent.
    std::optional<QJsonObject> admit(ApiRequest &request, const Responder &answer);
    QString baseUrl(const ApiRequest &request) const;

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    Authenticator &m_authenticator;
    Settings m_settings;
    AuthZenEvaluator m_evaluator;
};

} // namespace mandate::server
