#include "ui/wizard/ReservedErrorLine.h"

#include <QLabel>
#include <QVariant>

namespace mandate::ui {

namespace {

constexpr const char *reservedErrorLineProperty = "mandateReservedErrorLine";

} // namespace

void ReservedErrorLine::reserve(QLabel *label)
{
    label->setProperty(reservedErrorLineProperty, true);
    label->setMinimumHeight(label->fontMetrics().lineSpacing());
    label->setVisible(true);
}

bool ReservedErrorLine::isReserved(const QLabel *label)
{
    return label->property(reservedErrorLineProperty).toBool();
}

} // namespace mandate::ui
