#pragma once

#include <QList>
#include <QString>

namespace mandate {

// One validation problem, addressed by a JSON path such as "scopes[0].max_total.currency",
// so a client can put the message next to the field that caused it.
struct FieldError
{
    QString field;
    QString message;

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

using FieldErrors = QList<FieldError>;

} // namespace mandate
