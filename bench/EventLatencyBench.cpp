// Event latency: how long after an agent's authorize call that opens a dual-control request does
// an approver's live stream (SSE) carry the approval.created event? Prints p50/p95/max.
//
//   bench_event_latency URL [ITERATIONS]     (a mandate-server started with --demo)

#include "tests/support/DemoFixtures.h"
#include "tests/support/SseClient.h"
#include "tests/support/TestClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using mandate::test::DemoFixtures;
using mandate::test::SseClient;
using mandate::test::TestClient;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_event_latency URL [ITERATIONS]\n");
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[1]);
    const int iterations = argc > 2 ? QByteArray(argv[2]).toInt() : 200;

    TestClient alice(url);
    TestClient carol(url);
    if (!alice.signIn(QStringLiteral("alice")) || !carol.signIn(QStringLiteral("carol")))
        return 1;
    const auto payer = DemoFixtures::agentClient(url, QStringLiteral("Bill payer"));
    QJsonObject grant =
        DemoFixtures::paymentGrant(DemoFixtures::agentId(alice, QStringLiteral("Bill payer")));
    grant.insert(QStringLiteral("dual_control"),
                 QJsonObject{{QStringLiteral("above"), DemoFixtures::money(10)}});
    const QString delegation =
        alice.post(QStringLiteral("/v1/delegations"), grant).json().value(QStringLiteral("id")).toString();

    SseClient stream(url, carol.token());
    if (!stream.waitFor([&] { return stream.status() == 200; }, 5000))
        return 1;
    QList<double> latencies;
    for (int i = 0; i < iterations; ++i) {
        // A different amount each time, so every call opens a new approval.
        const qint64 sentAt = stream.elapsedMs();
        const auto reply =
            payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(delegation, 100 + i));
        const QString approvalId = reply.json().value(QStringLiteral("approval_id")).toString();
        const auto arrived = [&] {
            for (const auto &event : stream.events()) {
                if (event.type == QStringLiteral("approval.created") &&
                    event.data.value(QStringLiteral("id")).toString() == approvalId)
                    return event.receivedAtMs;
            }
            return qint64(-1);
        };
        if (!stream.waitFor([&] { return arrived() >= 0; }, 5000)) {
            std::fprintf(stderr, "approval %s never arrived\n", qPrintable(approvalId));
            return 1;
        }
        latencies.append(static_cast<double>(arrived() - sentAt));
    }
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies[static_cast<qsizetype>(q * static_cast<double>(latencies.size() - 1))];
    };
    std::printf("event latency over %d approvals: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", iterations,
                at(0.5), at(0.95), latencies.last());
    return 0;
}
