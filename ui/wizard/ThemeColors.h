#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace mandate::ui {

// The few colours the console adds to the palette (errors, warnings, all is well), chosen per palette
// so that text in them keeps WCAG AA contrast (4.5:1) on both light and dark window backgrounds.
// Qt 6.4 has no colour-scheme hint, so "dark" means the palette's window colour is dark.
class ThemeColors
{
public:
    enum class Role
    {
        Error,
        Warning,
        Success
    };

    static bool isDark(const QPalette &palette);
    // A dark palette for Fusion, for MANDATE_THEME=dark and for tests; normally the console takes the
    // desktop's palette as it is.
    static QPalette darkPalette();
    static QColor text(Role role, const QPalette &palette);
    // "#rrggbb", for style sheets and rich text.
    static QString name(Role role, const QPalette &palette) { return text(role, palette).name(); }

    // WCAG 2 relative luminance and contrast ratio (1 to 21).
    static double luminance(const QColor &colour);
    static double contrast(const QColor &a, const QColor &b);
};

} // namespace mandate::ui
