#pragma once

#include <QString>

namespace mandate::client {

// Creates FILE (and its folder) if needed and makes it readable and writable by its owner only
// (0600): the console's local files name customers, purposes and decisions.
bool createPrivateFile(const QString &file, QString *error);

} // namespace mandate::client
