#pragma once

#include "server/http/HttpLimits.h"
#include "server/http/RawHttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace mandate::server {

// The server's one HTTP/1.1 request parser. It follows the message boundaries of a request stream
// and enforces limits on bytes as they arrive: a declared body over the limit is refused as soon
// as its headers end, a chunked body as soon as its decoded size passes the limit. Requests that
// are ambiguous to frame (both Content-Length and Transfer-Encoding, conflicting lengths) are
// refused too: they are how request smuggling starts, and with a single parser there is no second
// one to disagree with. Complete requests queue up in arrival order until taken.
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
        BadHost,             // 400: an HTTP/1.1 request without one Host field, or any with two
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

    // Complete requests not yet taken, oldest first.
    qsizetype pendingRequests() const { return m_ready.size(); }
    RawHttpRequest takeRequest() { return m_ready.takeFirst(); }
    // The request being read asked for "100-continue" and its body is still to come (RFC 9110
    // §10.1.1): the caller sends the interim answer, once the answers before it are out.
    bool awaitsContinue() const { return m_expectsContinue; }
    void continueSent() { m_expectsContinue = false; }

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
    RawHttpRequest m_request; // the one being read
    QList<RawHttpRequest> m_ready;
    bool m_expectsContinue = false;
};

} // namespace mandate::server
