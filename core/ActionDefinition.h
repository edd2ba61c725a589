#pragma once

#include "core/Sensitivity.h"

#include <QString>

#include <optional>

namespace mandate {

// One entry of the action catalog (API.md, "Action catalog").
struct ActionDefinition
{
    QString name;  // domain.verb
    QString label; // what people read: "Pay"
    // A request for it without an amount counts as above every value threshold.
    bool movesValue = false;
    std::optional<Sensitivity> defaultSensitivity;
    QString description;

    friend bool operator==(const ActionDefinition &, const ActionDefinition &) = default;
};

} // namespace mandate
