#pragma once

#include <QList>
#include <QString>

namespace mandate::client {

// One page of a list answer (API.md "Lists"), already read into domain values.
template <typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; // empty on the last page

    bool isLast() const { return nextCursor.isEmpty(); }
};

} // namespace mandate::client
