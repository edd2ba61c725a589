// Approval to row: how long after an agent's authorize call that opens a dual-control request is
// the request a row in an approver's console — through the console's own EventStream and
// ApprovalListModel, not a test client? The raw SSE arrival of the same event, measured in the same
// run on a second stream, is the baseline. Prints p50/p95/max of both.
//
//   bench_approval_row_latency URL [ITERATIONS]     (a mandate-server started with --demo)

#include "client/ApiClient.h"
#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "core/Clock.h"
#include "models/ApprovalListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/SseClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using mandate::test::DemoFixtures;

namespace {

double at(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values[static_cast<qsizetype>(q * static_cast<double>(values.size() - 1))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_approval_row_latency URL [ITERATIONS]\n");
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[1]);
    const int iterations = argc > 2 ? QByteArray(argv[2]).toInt() : 200;

    auto alice = DemoFixtures::person(url, QStringLiteral("alice"));
    auto carolRest = DemoFixtures::person(url, QStringLiteral("carol"));
    const auto payer = DemoFixtures::agentClient(url, QStringLiteral("Bill payer"));
    QJsonObject grant =
        DemoFixtures::paymentGrant(DemoFixtures::agentId(*alice, QStringLiteral("Bill payer")));
    grant.insert(QStringLiteral("dual_control"),
                 QJsonObject{{QStringLiteral("above"), DemoFixtures::money(10)}});
    const QString delegation =
        alice->post(QStringLiteral("/v1/delegations"), grant).json().value(QStringLiteral("id")).toString();

    // Carol's console: its client, its stream, its model.
    mandate::client::ApiClient client;
    client.setServer(QUrl(url));
    client.setToken(carolRest->token());
    mandate::client::MandateApi api(client);
    mandate::SystemClock clock;
    mandate::models::ApprovalListModel model(api, clock);
    mandate::client::EventStream stream(client.network());
    model.follow(stream);
    stream.start(QUrl(url), carolRest->token());
    model.setFilter({});
    mandate::test::SseClient baseline(url, carolRest->token());
    QElapsedTimer wait;
    wait.start();
    while ((!stream.isConnected() || baseline.status() != 200 || model.isLoading()) && wait.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);

    QList<double> toRow;
    QList<double> toStream;
    QElapsedTimer clockMs;
    clockMs.start();
    for (int i = 0; i < iterations; ++i) {
        const qint64 sentAt = baseline.elapsedMs();
        const qint64 sentAtLocal = clockMs.elapsed();
        const auto reply =
            payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(delegation, 100 + i));
        const QString approvalId = reply.json().value(QStringLiteral("approval_id")).toString();
        qint64 rowAt = -1;
        qint64 streamAt = -1;
        QElapsedTimer limit;
        limit.start();
        while ((rowAt < 0 || streamAt < 0) && limit.elapsed() < 5000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            if (rowAt < 0 && model.rowOf(approvalId) >= 0)
                rowAt = clockMs.elapsed();
            if (streamAt < 0) {
                for (const auto &event : baseline.events()) {
                    if (event.type == QStringLiteral("approval.created") &&
                        event.data.value(QStringLiteral("id")).toString() == approvalId)
                        streamAt = event.receivedAtMs;
                }
            }
        }
        if (rowAt < 0 || streamAt < 0) {
            std::fprintf(stderr, "approval %s never became a row\n", qPrintable(approvalId));
            return 1;
        }
        toRow.append(static_cast<double>(rowAt - sentAtLocal));
        toStream.append(static_cast<double>(streamAt - sentAt));
    }
    std::printf("over %d dual-control approvals created by an agent:\n", iterations);
    std::printf("  raw SSE arrival (baseline)  p50 %5.1f ms  p95 %5.1f ms  max %5.1f ms\n", at(toStream, 0.5),
                at(toStream, 0.95), at(toStream, 1.0));
    std::printf("  row in the console's model  p50 %5.1f ms  p95 %5.1f ms  max %5.1f ms\n", at(toRow, 0.5),
                at(toRow, 0.95), at(toRow, 1.0));
    return 0;
}
