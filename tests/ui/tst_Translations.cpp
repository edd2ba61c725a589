#include "client/ConsoleSession.h"
#include "client/ConsoleSettings.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "ui/SignInDialog.h"
#include "ui/TranslationLoader.h"

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace mandate;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QDomElement translation;
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QDomDocument doc;
    if (!doc.setContent(&file))
        qFatal("%s is not XML", qPrintable(path));
    QList<TsMessage> messages;
    for (QDomElement context = doc.documentElement().firstChildElement(QStringLiteral("context"));
         !context.isNull(); context = context.nextSiblingElement(QStringLiteral("context"))) {
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = context.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message")))
            messages.append({name, m.firstChildElement(QStringLiteral("source")).text(),
                             m.firstChildElement(QStringLiteral("translation")),
                             m.attribute(QStringLiteral("numerus")) == QLatin1String("yes")});
    }
    return messages;
}

QString key(const TsMessage &m)
{
    return m.context + QStringLiteral(" | ") + m.source;
}

const QString GermanTs = QStringLiteral(MANDATE_SOURCE_DIR "/translations/mandate_de.ts");

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every German message is translated, none is left over from deleted code, and every numerus
    // message has German's two forms.
    void germanIsComplete()
    {
        QStringList problems;
        for (const TsMessage &m : readTs(GermanTs)) {
            const QString type = m.translation.attribute(QStringLiteral("type"));
            if (type == QLatin1String("unfinished") || type == QLatin1String("obsolete") ||
                type == QLatin1String("vanished"))
                problems.append(QStringLiteral("%1 (%2)").arg(key(m), type));
            if (m.numerus) {
                const QDomNodeList forms = m.translation.elementsByTagName(QStringLiteral("numerusform"));
                if (forms.size() != 2)
                    problems.append(
                        QStringLiteral("%1 (%2 numerus forms, German has 2)").arg(key(m)).arg(forms.size()));
                for (int i = 0; i < forms.size(); ++i)
                    if (forms.at(i).toElement().text().trimmed().isEmpty())
                        problems.append(QStringLiteral("%1 (empty numerus form)").arg(key(m)));
            } else if (m.translation.text().isEmpty()) {
                problems.append(QStringLiteral("%1 (empty)").arg(key(m)));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // lupdate over today's sources finds no tr() string that the committed German file lacks.
    void germanKnowsEveryTrString()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(QStringLiteral("fresh_de.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(MANDATE_SOURCE_DIR));
        lupdate.start(QStringLiteral(MANDATE_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                       // Includes name their layer from the root ("models/AgentListModel.h"): lupdate
                       // needs the root to find the classes' namespaces.
                       QStringLiteral("-I"), QStringLiteral(MANDATE_SOURCE_DIR), QStringLiteral("ui"),
                       QStringLiteral("models"), QStringLiteral("client"), QStringLiteral("app/console"),
                       QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);

        QSet<QString> committed;
        for (const TsMessage &m : readTs(GermanTs))
            committed.insert(key(m));
        QStringList missing;
        for (const TsMessage &m : readTs(fresh))
            if (!committed.contains(key(m)))
                missing.append(key(m));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in translations/mandate_de.ts (build update_translations and "
                                           "translate them):\n") +
                            missing.join(QLatin1Char('\n'))));
    }

    void signInDialogSpeaksGerman()
    {
        QVERIFY(ui::TranslationLoader::install(*QCoreApplication::instance(), QLocale(QLocale::German)));
        QTemporaryDir dir;
        client::TokenVault vault(client::TokenVault::Backend::MemoryOnly);
        client::ConsoleSession session(vault);
        client::SandboxLauncher sandbox(QString(), dir.filePath(QStringLiteral("sandbox")));
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        client::ConsoleSettings consoleSettings(settings);
        ui::SignInDialog dialog(session, sandbox, consoleSettings);
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("signIn"))->text(),
                 QStringLiteral("&Anmelden"));
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("cancel"))->text(),
                 QStringLiteral("Abbrechen"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Bei Mandate anmelden"));
        // Numerus forms reach the screen through the German file.
        QCOMPARE(QCoreApplication::translate("mandate::ui::RevocationController", "Revoke %n", nullptr, 3),
                 QStringLiteral("3 widerrufen"));
    }
};

QTEST_MAIN(TranslationsTest)
#include "tst_Translations.moc"
