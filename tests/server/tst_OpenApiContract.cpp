#include "server/instance/MandateServer.h"
#include "tests/support/MockClock.h"
#include "tests/support/YamlDocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using mandate::server::MandateServer;
using mandate::server::Router;
using mandate::server::ServerOptions;
using mandate::test::YamlDocument;

// The OpenAPI document and the server's route table must describe the same API: a route nobody
// documented, or a documented route the server lacks, fails here.
class TstOpenApiContract : public QObject
{
    Q_OBJECT

private:
    // Read with a YAML library, not by pattern: a path written in flow style or with a comment
    // must count as well.
    static QSet<QString> documentedOperations()
    {
        QString error;
        const QJsonObject paths =
            YamlDocument::load(QStringLiteral(MANDATE_OPENAPI), &error).toObject().value(u"paths").toObject();
        QSet<QString> operations;
        const QStringList methods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
                                  QStringLiteral("patch"), QStringLiteral("delete")};
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject item = path.value().toObject();
            for (auto it = item.begin(); it != item.end(); ++it) {
                if (methods.contains(it.key()))
                    operations.insert(it.key().toUpper() + u' ' + path.key());
            }
        }
        return operations;
    }

    // One server whose route table both tests read.
    QTemporaryDir m_dir;
    mandate::test::MockClock m_clock;
    std::unique_ptr<MandateServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        ServerOptions options;
        options.port = 0;
        options.dataDir = m_dir.path();
        options.accessLog = false;
        m_server = std::make_unique<MandateServer>(options, m_clock);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void routesAndDocumentAgree()
    {

        QSet<QString> registered;
        for (const auto &route : m_server->router().routes())
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

    // Who may call a route, and in which body format, as the route table and the document say:
    // a client generated from the document sends credentials (and forms) exactly where it says.
    void accessAndBodiesAgree()
    {
        QString error;
        const QJsonObject document = YamlDocument::load(QStringLiteral(MANDATE_OPENAPI), &error).toObject();
        QVERIFY2(!document.isEmpty(), qPrintable(error));

        QStringList disagreements;
        for (const auto &route : m_server->router().routes()) {
            const QString name = QString::fromLatin1(route.method) + u' ' + route.pattern;
            const QJsonObject operation = document.value(u"paths")
                                              .toObject()
                                              .value(route.pattern)
                                              .toObject()
                                              .value(QString::fromLatin1(route.method).toLower())
                                              .toObject();
            if (operation.isEmpty())
                continue; // routesAndDocumentAgree names it
            const QJsonArray security = operation.contains(u"security")
                                            ? operation.value(u"security").toArray()
                                            : document.value(u"security").toArray();
            // An empty requirement object is OpenAPI's "no credentials needed".
            const bool anonymous = security.isEmpty() || security.contains(QJsonObject());
            // Routes that check their own requests (AuthZEN) authenticate in the handler.
            const bool routeIsOpen = route.access == Router::Access::Public && !route.checksOwnRequests;
            if (anonymous != routeIsOpen)
                disagreements.append(name + (anonymous ? QStringLiteral(": the document needs no credentials")
                                                       : QStringLiteral(": the document needs credentials")));
            if (!anonymous && !operation.value(u"responses").toObject().contains(u"401"))
                disagreements.append(name + QStringLiteral(": needs credentials but documents no 401"));
            // HttpApiServer turns any answer into 503 while the instance has lost its store.
            if (!operation.value(u"responses").toObject().contains(u"503"))
                disagreements.append(name + QStringLiteral(": documents no 503 unavailable"));
            const bool form = operation.value(u"requestBody")
                                  .toObject()
                                  .value(u"content")
                                  .toObject()
                                  .contains(u"application/x-www-form-urlencoded");
            if (form != route.acceptsForm)
                disagreements.append(name + QStringLiteral(": form bodies ") +
                                     (route.acceptsForm ? QStringLiteral("accepted but not documented")
                                                        : QStringLiteral("documented but refused")));
        }
        QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstOpenApiContract)
#include "tst_OpenApiContract.moc"
