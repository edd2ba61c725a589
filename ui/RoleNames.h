#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mandate::ui {

// Roles arrive as the server's identifiers; people read them in their own language.
class RoleNames
{
    Q_DECLARE_TR_FUNCTIONS(mandate::ui::RoleNames)

public:
    // "customer, approver" in the console's language; an unknown role as the server named it.
    static QString of(const QStringList &roles);
};

} // namespace mandate::ui
