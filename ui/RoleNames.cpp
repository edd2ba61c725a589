#include "ui/RoleNames.h"

namespace mandate::ui {

QString RoleNames::of(const QStringList &roles)
{
    QStringList names;
    for (const QString &role : roles) {
        if (role == QLatin1String("customer"))
            names.append(tr("customer"));
        else if (role == QLatin1String("approver"))
            names.append(tr("approver"));
        else if (role == QLatin1String("support"))
            names.append(tr("support"));
        else if (role == QLatin1String("admin"))
            names.append(tr("administrator"));
        else
            names.append(role);
    }
    return names.join(tr(", "));
}

} // namespace mandate::ui
