// What the event loop spends decoding one authorize request body: StrictJson's parse and
// AuthorizeCodec's read of the contract, each timed over many iterations. Prints the median of
// the rounds in nanoseconds per request.
//
//   bench_request_decode [ITERATIONS] [ROUNDS]

#include "core/AuthorizeCodec.h"
#include "core/StrictJson.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using mandate::AuthorizeCodec;
using mandate::StrictJson;

namespace {

// The body bench/authorize.lua sends.
const QByteArray Body = R"({"delegation_id":"dlg_01jf2k3m4n5p6q7r8s9t0v1w2x","action":"payments.initiate",)"
                        R"("resource":"account:acc_1","amount":{"amount_minor":1,"currency":"EUR"},)"
                        R"("destination":"payee:landlord"})";

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    if (iterations <= 0 || rounds <= 0) {
        std::fprintf(stderr, "usage: bench_request_decode [ITERATIONS] [ROUNDS]\n");
        return 2;
    }
    const auto object = StrictJson::parseObject(Body);
    if (!object || !AuthorizeCodec::requestFromJson(*object)) {
        std::fprintf(stderr, "the body does not decode\n");
        return 1;
    }
    std::vector<double> parse;
    std::vector<double> read;
    int decoded = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < iterations; ++i)
            decoded += StrictJson::parseObject(Body).hasValue();
        parse.push_back(double(timer.nsecsElapsed()) / iterations);
        timer.restart();
        for (int i = 0; i < iterations; ++i)
            decoded += AuthorizeCodec::requestFromJson(*object).hasValue();
        read.push_back(double(timer.nsecsElapsed()) / iterations);
    }
    std::printf("parse (StrictJson)            %7.0f ns\n", median(parse));
    std::printf("read (AuthorizeCodec)         %7.0f ns\n", median(read));
    std::printf("decoded %d of %d\n", decoded, 2 * iterations * rounds);
    return 0;
}
