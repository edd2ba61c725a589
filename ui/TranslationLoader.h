#pragma once

#include <QList>
#include <QLocale>

class QCoreApplication;
class QTranslator;

namespace mandate::ui {

// Installs the console's own translation (embedded as a resource, so packages need no extra files)
// and Qt's qtbase translation (so standard dialog buttons speak the same language) for a locale.
// The translators are owned by the application object they are installed on.
class TranslationLoader
{
public:
    // Returns true when the console's translation for the locale was found; English needs none.
    static bool install(QCoreApplication &app, const QLocale &locale);
};

} // namespace mandate::ui
