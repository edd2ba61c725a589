#pragma once

#include <QString>

namespace mandate::server {

// The key and token loaders say why they failed through an optional out-parameter.
inline void reportError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace mandate::server
