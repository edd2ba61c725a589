#pragma once

#include "core/Money.h"
#include "core/Sensitivity.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate {

// An agent's request to act under a delegation (POST /v1/authorize).
struct AuthorizeRequest
{
    QString delegationId;
    QString action;
    QString resource;
    std::optional<Money> amount;
    std::optional<QString> destination;
    std::optional<Sensitivity> sensitivity;
    QJsonObject context;
    std::optional<QString> approvalId;

    friend bool operator==(const AuthorizeRequest &, const AuthorizeRequest &) = default;
};

} // namespace mandate
