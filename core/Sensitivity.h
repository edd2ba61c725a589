#pragma once

#include <QString>

#include <optional>

namespace mandate {

// Data-sensitivity levels, ordered so that a ceiling is a plain comparison.
enum class Sensitivity
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
    Restricted = 3
};

std::optional<Sensitivity> sensitivityFromString(QStringView text);
QString sensitivityToString(Sensitivity level);

} // namespace mandate
