// The console against a large population: seeds N delegations (spread over the demo customers)
// through the real API, then measures, with the console's own client, model and QTableView:
// time to the first page, search answers, paging down to row 50,000 (with the longest event-loop
// stall seen meanwhile) and the process's resident memory. A raw GET of the same page is the
// baseline measured in the same run.
#include "client/ApiClient.h"
#include "client/MandateApi.h"
#include "core/Clock.h"
#include "models/DelegationListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

using mandate::models::DelegationListModel;
using mandate::test::DemoFixtures;

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[qMin(values.size() - 1, static_cast<qsizetype>(p * static_cast<double>(values.size())))];
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Runs the event loop until `done` holds; returns the elapsed milliseconds.
template <typename Predicate>
double runUntil(Predicate done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void seed(const QString &url, int count)
{
    const QStringList customers{QStringLiteral("alice"), QStringLiteral("bob")};
    QList<mandate::test::TestClient::Call> calls;
    QString token[2];
    QString agent;
    for (int c = 0; c < 2; ++c) {
        auto person = DemoFixtures::person(url, customers[c]);
        token[c] = person->token();
        agent = DemoFixtures::agentId(*person, QStringLiteral("Bill payer"));
    }
    constexpr int Chunk = 2000;
    for (int done = 0; done < count; done += Chunk) {
        calls.clear();
        for (int i = done; i < qMin(count, done + Chunk); ++i) {
            calls.append(
                {token[i % 2], "POST", QStringLiteral("/v1/delegations"),
                 DemoFixtures::paymentGrant(
                     agent, QStringLiteral("Invoice %1 for the utilities").arg(i, 6, 10, QLatin1Char('0')),
                     1 + i % 80)});
        }
        for (const auto &reply : mandate::test::TestClient::sendConcurrently(url, calls, 32)) {
            if (reply.status != 201)
                qFatal("seeding failed: %d %s", reply.status, reply.body.constData());
        }
        std::fprintf(stderr, "\rseeded %d", qMin(count, done + Chunk));
    }
    std::fprintf(stderr, "\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_console_scale URL [SEED_COUNT] [SCROLL_TO_ROW]\n");
        return 2;
    }
    const QString url = args[1];
    const int seedCount = args.size() > 2 ? args[2].toInt() : 100000;
    const int scrollTo = args.size() > 3 ? args[3].toInt() : 50000;
    if (seedCount > 0)
        seed(url, seedCount);

    auto sam = DemoFixtures::person(url, QStringLiteral("sam"));
    mandate::client::ApiClient client;
    client.setServer(QUrl(url));
    client.setToken(sam->token());
    mandate::client::MandateApi api(client);
    mandate::SystemClock clock;
    const qint64 rssBefore = residentKiB();

    // Baseline: the raw first page over the same client, no decoding, no model, no view.
    QList<double> raw;
    for (int i = 0; i < 7; ++i) {
        bool done = false;
        mandate::client::ApiJob *job = client.get(
            QStringLiteral("/v1/delegations"), QUrlQuery{{QStringLiteral("limit"), QStringLiteral("100")}});
        QObject::connect(job, &mandate::client::ApiJob::succeeded, &app, [&done] { done = true; });
        raw.append(runUntil([&done] { return done; }));
    }

    DelegationListModel model(api, clock);
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(24);
    view.resize(1200, 700);
    view.show();

    QList<double> firstPage;
    for (int i = 0; i < 7; ++i) {
        int pages = 0;
        auto connection =
            QObject::connect(&model, &DelegationListModel::pageLoaded, &app, [&pages] { ++pages; });
        QElapsedTimer timer;
        timer.start();
        model.setFilter({});
        runUntil([&pages] { return pages > 0; });
        QCoreApplication::processEvents(); // the view lays the rows out
        firstPage.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QObject::disconnect(connection);
    }

    QList<double> search;
    QList<double> searchBroad;
    for (int i = 0; i < 7; ++i) {
        for (auto [text, into] :
             {std::pair{QStringLiteral("Invoice %1").arg(12345 + i * 7919, 6, 10, QLatin1Char('0')), &search},
              std::pair{QStringLiteral("Invoice 0%1").arg(7 + i), &searchBroad}}) {
            int pages = 0;
            auto connection =
                QObject::connect(&model, &DelegationListModel::pageLoaded, &app, [&pages] { ++pages; });
            mandate::client::DelegationFilter filter;
            filter.text = text;
            QElapsedTimer timer;
            timer.start();
            model.setFilter(filter);
            runUntil([&pages] { return pages > 0; });
            QCoreApplication::processEvents();
            into->append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            QObject::disconnect(connection);
        }
    }

    // Page down as a person holding End would, measuring every page and the longest stall of the
    // event loop (the gap between two ticks of a 10 ms timer) while it happens.
    model.setFilter({});
    runUntil([&model] { return model.rowCount() > 0 && !model.isLoading(); });
    QList<double> pageTimes;
    QElapsedTimer sincePage;
    QObject::connect(&model, &DelegationListModel::pageLoaded, &app,
                     [&] { pageTimes.append(static_cast<double>(sincePage.nsecsElapsed()) / 1e6); });
    QElapsedTimer tickGap;
    double longestStall = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        longestStall = qMax(longestStall, static_cast<double>(tickGap.nsecsElapsed()) / 1e6);
        tickGap.restart();
    });
    tickGap.start();
    ticker.start();
    QElapsedTimer scrollTimer;
    scrollTimer.start();
    while (model.rowCount() <= scrollTo && model.canFetchMore({})) {
        sincePage.restart();
        view.scrollToBottom(); // the view calls fetchMore, as it does when a person scrolls
        runUntil([&model] { return !model.isLoading(); });
    }
    view.scrollTo(model.index(scrollTo, 0));
    QCoreApplication::processEvents();
    const double scrollMs = static_cast<double>(scrollTimer.nsecsElapsed()) / 1e6;
    ticker.stop();
    const qint64 rssAfter = residentKiB();

    std::printf("console at scale: %d delegations seeded, support user sees them all, page size %d\n",
                seedCount, mandate::client::MandateApi::PageSize);
    std::printf("raw GET first page (baseline)   p50 %7.1f ms   max %7.1f ms\n", percentile(raw, 0.5),
                percentile(raw, 1.0));
    std::printf("model+view first page           p50 %7.1f ms   max %7.1f ms   (%.2fx baseline)\n",
                percentile(firstPage, 0.5), percentile(firstPage, 1.0),
                percentile(firstPage, 0.5) / percentile(raw, 0.5));
    std::printf("search, one match               p50 %7.1f ms   max %7.1f ms\n", percentile(search, 0.5),
                percentile(search, 1.0));
    std::printf("search, a page of matches       p50 %7.1f ms   max %7.1f ms\n", percentile(searchBroad, 0.5),
                percentile(searchBroad, 1.0));
    std::printf("paging to row %d: %lld rows in %.1f s; per page p50 %.1f ms p99 %.1f ms max %.1f ms; "
                "longest event-loop stall %.1f ms\n",
                scrollTo, static_cast<long long>(model.rowCount()), scrollMs / 1000,
                percentile(pageTimes, 0.5), percentile(pageTimes, 0.99), percentile(pageTimes, 1.0),
                longestStall);
    std::printf("resident memory: %.1f MiB before the model, %.1f MiB with %lld rows loaded\n",
                static_cast<double>(rssBefore) / 1024.0, static_cast<double>(rssAfter) / 1024.0,
                static_cast<long long>(model.rowCount()));
    return 0;
}
