#pragma once

#include <QProxyStyle>

namespace mandate::ui {

// The application's style as it is, with one correction: Fusion draws a check box's frame a shade
// darker than the window, which on a dark palette's base (a list's background) leaves an unchecked
// box all but invisible. In a dark palette this style draws that frame in a colour that stands out
// from the base at 3:1 or more (WCAG 1.4.11, non-text contrast). Other styles draw their own.
class ConsoleStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // Wraps the application's current style; QApplication owns the result.
    static void install();
    // The frame colour for check boxes in `palette` (dark palettes only).
    static QColor checkFrame(const QPalette &palette);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

private:
    explicit ConsoleStyle(QStyle *base);

    const bool m_overFusion; // other styles frame their check boxes well enough
};

} // namespace mandate::ui
