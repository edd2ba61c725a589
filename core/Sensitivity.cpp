#include "core/Sensitivity.h"

#include <array>

namespace mandate {

namespace {

constexpr std::array kLevels{Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential,
                             Sensitivity::Restricted};

constexpr QStringView wireName(Sensitivity level)
{
    switch (level) {
    case Sensitivity::Public:
        return u"public";
    case Sensitivity::Internal:
        return u"internal";
    case Sensitivity::Confidential:
        return u"confidential";
    case Sensitivity::Restricted:
        return u"restricted";
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

std::optional<Sensitivity> sensitivityFromString(QStringView text)
{
    for (const Sensitivity level : kLevels) {
        if (wireName(level) == text)
            return level;
    }
    return std::nullopt;
}

QString sensitivityToString(Sensitivity level)
{
    return wireName(level).toString();
}

} // namespace mandate
