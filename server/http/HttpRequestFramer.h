#pragma once

#include "server/http/HttpLimits.h"

#include <QByteArray>
#include <QByteArrayView>

namespace mandate::server {

// Follows the message boundaries of an HTTP/1.1 request stream without keeping bodies, so limits
// can be enforced on bytes as they arrive: a declared body over the limit is refused as soon as
// its headers end, a chunked body as soon as its decoded size passes the limit. Requests that are
// ambiguous to frame (both Content-Length and Transfer-Encoding, conflicting lengths) are refused
// too: they are how request smuggling starts.
class HttpRequestFramer
{
public:
    enum class Rejection
    {
        None,
        HeadersTooLarge,     // 431
        TooManyHeaders,      // 431
        BodyTooLarge,        // 413
        MalformedFraming,    // 400
        UnsupportedEncoding, // 501: a transfer coding other than chunked
        BadRequestLine,      // 400: not "METHOD SP target SP HTTP/1.x"
        BadFieldName,        // 400: a field name that is not a token (whitespace before the colon)
    };

    explicit HttpRequestFramer(const HttpLimits &limits)
        : m_limits(limits)
    {}

    // Consumes the next bytes of the stream; once a rejection is returned the stream is dead.
    Rejection feed(QByteArrayView bytes);

    // Between requests (no byte of a next request seen yet).
    bool isIdle() const { return m_state == State::Idle; }
    bool inHeaders() const { return m_state == State::Headers; }
    int completedRequests() const { return m_completed; }

private:
    enum class State
    {
        Idle,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Dead
    };

    Rejection onHeadersComplete();
    Rejection feedLine(QByteArrayView bytes, qsizetype &pos, bool &lineDone);
    void finishMessage();

    HttpLimits m_limits;
    State m_state = State::Idle;
    QByteArray m_line;      // the header block or the current chunk-size/trailer line
    qint64 m_remaining = 0; // body or chunk bytes still expected
    qint64 m_bodyBytes = 0; // decoded body so far (chunked)
    int m_trailerLines = 0;
    int m_completed = 0;
};

} // namespace mandate::server
