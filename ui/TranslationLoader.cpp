#include "ui/TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mandate::ui {

bool TranslationLoader::install(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings first, so the console's translation (installed later, asked first) wins on overlap.
    auto *qtbase = new QTranslator(&app);
    if (qtbase->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtbase);
    else
        delete qtbase;

    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("mandate"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

} // namespace mandate::ui
