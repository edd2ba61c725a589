#include "ui/wizard/ConsoleStyle.h"

#include "ui/wizard/ThemeColors.h"

#include <QApplication>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace mandate::ui {

ConsoleStyle::ConsoleStyle(QStyle *base)
    : QProxyStyle(base)
    , m_overFusion(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
{}

void ConsoleStyle::install()
{
    if (qobject_cast<ConsoleStyle *>(QApplication::style()))
        return;
    QApplication::setStyle(new ConsoleStyle(QStyleFactory::create(QApplication::style()->name())));
}

QColor ConsoleStyle::checkFrame(const QPalette &palette)
{
    // Halfway from the base to the text: 3:1 or more against the base wherever the text reads at
    // 4.5:1, which the palettes' own test holds.
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    return QColor((base.red() + text.red()) / 2, (base.green() + text.green()) / 2,
                  (base.blue() + text.blue()) / 2);
}

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                 const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    // Item views hand their check marks to PE_IndicatorCheckBox through proxy(), so this one case
    // covers plain check boxes and the check boxes of list rows alike. A box with keyboard focus
    // keeps the focus colour Fusion framed it in.
    const bool focusFramed =
        option->state.testFlag(State_HasFocus) && option->state.testFlag(State_KeyboardFocusChange);
    if (element != PE_IndicatorCheckBox || focusFramed || !m_overFusion ||
        !ThemeColors::isDark(option->palette))
        return;
    painter->save();
    // The geometry Fusion draws its own frame in, so this one lies exactly over it.
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(0.5, 0.5);
    painter->setPen(checkFrame(option->palette));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}

} // namespace mandate::ui
