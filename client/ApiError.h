#pragma once

#include "core/FieldError.h"

#include <QByteArray>
#include <QString>

namespace mandate::client {

// What went wrong with one REST call, typed so the console can react to the kind (sign in again,
// mark a field, show who resolved a request) instead of parsing messages.
struct ApiError
{
    enum class Kind
    {
        Network, // no answer: refused, reset, DNS, TLS
        Timeout, // no answer in time
        Validation,
        Unauthenticated,
        Forbidden,
        NotFound,
        Conflict,
        PayloadTooLarge,
        RateLimited,
        IdempotencyMismatch,
        Unavailable,
        Internal,
        Protocol, // an answer that is not what the contract promises
        LocalFile // this computer could not write what arrived
    };

    Kind kind = Kind::Internal;
    int status = 0; // HTTP status; 0 when there was no answer
    QString title;
    QString detail;
    FieldErrors fieldErrors; // validation problems with their JSON paths
    int retryAfterSeconds = 0;
    QByteArray body; // the whole problem document as it arrived (a 409 carries the current object)

    // No answer at all: the server (or the network to it) is away, not the request wrong.
    bool isConnectivity() const { return kind == Kind::Network || kind == Kind::Timeout; }
    // One sentence for a person: the server's detail where it gave one.
    QString message() const;

    static ApiError fromProblem(int status, const QByteArray &body, int retryAfterSeconds);
    static ApiError network(Kind kind, const QString &detail);
    static ApiError protocol(const QString &detail);
    static ApiError localFile(const QString &file, const QString &detail);
};

} // namespace mandate::client
