#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace mandate {

// RFC 3339 timestamps on the wire. Parsing accepts any RFC 3339 offset and converts to UTC;
// formatting always writes UTC with "Z" and milliseconds ("2026-12-03T10:00:00.000Z").
std::optional<QDateTime> parseTimestamp(QStringView text);
QString formatTimestamp(const QDateTime &utc);

} // namespace mandate
