#include "server/instance/MandateServer.h"
#include "tests/support/MockClock.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using mandate::server::MandateServer;
using mandate::server::ServerOptions;

// The OpenAPI document and the server's route table must describe the same API: a route nobody
// documented, or a documented route the server lacks, fails here.
class TstOpenApiContract : public QObject
{
    Q_OBJECT

private:
    static QSet<QString> documentedOperations()
    {
        QFile file(QStringLiteral(MANDATE_OPENAPI));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QSet<QString> operations;
        bool inPaths = false;
        QString path;
        const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
        const QRegularExpression methodLine(QStringLiteral("^    (get|post|put|patch|delete):\\s*$"));
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.startsWith(QStringLiteral("paths:"))) {
                inPaths = true;
                continue;
            }
            if (inPaths && !line.isEmpty() && !line.startsWith(u' ') && !line.startsWith(u'#'))
                inPaths = false;
            if (!inPaths)
                continue;
            if (const auto m = pathLine.match(line); m.hasMatch())
                path = m.captured(1);
            else if (const auto m2 = methodLine.match(line); m2.hasMatch() && !path.isEmpty())
                operations.insert(m2.captured(1).toUpper() + u' ' + path);
        }
        return operations;
    }

private Q_SLOTS:
    void routesAndDocumentAgree()
    {
        QTemporaryDir dir;
        ServerOptions options;
        options.port = 0;
        options.dataDir = dir.path();
        options.accessLog = false;
        mandate::test::MockClock clock;
        MandateServer server(options, clock);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QSet<QString> registered;
        for (const auto &route : server.router().routes())
            registered.insert(QString::fromLatin1(route.method) + u' ' + route.pattern);
        const QSet<QString> documented = documentedOperations();
        QVERIFY2(!documented.isEmpty(), "resources/api/openapi.yaml has no paths");

        QStringList undocumented = (registered - documented).values();
        QStringList unregistered = (documented - registered).values();
        undocumented.sort();
        unregistered.sort();
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("registered but not documented: ") +
                                                    undocumented.join(QStringLiteral(", "))));
        QVERIFY2(unregistered.isEmpty(), qPrintable(QStringLiteral("documented but not registered: ") +
                                                    unregistered.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TstOpenApiContract)
#include "tst_OpenApiContract.moc"
