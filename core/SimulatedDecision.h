#pragma once

#include "core/Decision.h"
#include "core/DecisionForecast.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate {

// The answer of POST /v1/authorize/simulate: the decision a request would get now and what it
// would leave (see DecisionForecast). The server writes it; the console reads it, and the grant
// wizard builds one from a draft with the same engine.
struct SimulatedDecision
{
    DecisionOutcome outcome = DecisionOutcome::Deny;
    ReasonCode reason = ReasonCode::DelegationNotActive;
    QString message;
    std::optional<QString> approvalId;
    DecisionForecast forecast;

    static SimulatedDecision of(const EngineResult &result, const DecisionForecast &forecast);
    QJsonObject toJson() const;
    static std::optional<SimulatedDecision> fromJson(const QJsonObject &json);
};

} // namespace mandate
