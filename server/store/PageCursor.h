#pragma once

#include <QString>

#include <optional>

namespace mandate::server {

// Keyset paging position: the sort key and id of the last row a page returned, encoded as an
// opaque URL-safe string so clients cannot build one by hand and the format can change.
struct PageCursor
{
    QString sortKey;
    QString id;

    QString encode() const;
    static std::optional<PageCursor> decode(const QString &text);
};

} // namespace mandate::server
