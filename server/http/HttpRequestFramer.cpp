#include "server/http/HttpRequestFramer.h"

#include <QList>

#include <optional>
#include <utility>

namespace mandate::server {

namespace {

constexpr qsizetype MaxChunkLineBytes = 1024;
constexpr QByteArrayView HeaderEnd = "\r\n\r\n";

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// RFC 9110 §5.6.2: tchar.
bool isToken(QByteArrayView text)
{
    static constexpr QByteArrayView Extra = "!#$%&'*+-.^_`|~";
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && !Extra.contains(c))
            return false;
    }
    return true;
}

// RFC 9112 §3: method SP request-target SP HTTP-version, and only the versions this server speaks.
bool isRequestLine(QByteArrayView line)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    if (first <= 0 || last <= first + 1)
        return false;
    const QByteArrayView version = line.sliced(last + 1);
    return isToken(line.first(first)) && !line.sliced(first + 1, last - first - 1).contains(' ') &&
           (version == "HTTP/1.1" || version == "HTTP/1.0");
}

std::optional<qint64> parseHex(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 15)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        int digit = 0;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return std::nullopt;
        value = value * 16 + digit;
    }
    return value;
}

} // namespace

HttpRequestFramer::Rejection HttpRequestFramer::feed(QByteArrayView bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        switch (m_state) {
        case State::Dead:
            return Rejection::MalformedFraming;
        case State::Idle:
            // RFC 9112 §2.2: empty lines before a request line are ignored.
            if (bytes[pos] == '\r' || bytes[pos] == '\n') {
                ++pos;
                break;
            }
            m_state = State::Headers;
            m_line.clear();
            break;
        case State::Headers: {
            const qsizetype searchFrom = qMax<qsizetype>(0, m_line.size() - 3);
            const qsizetype room = m_limits.maxHeaderBytes + HeaderEnd.size() - m_line.size();
            const qsizetype take = qMin(room, bytes.size() - pos);
            m_line.append(bytes.sliced(pos, take));
            const qsizetype end = m_line.indexOf(HeaderEnd, searchFrom);
            if (end < 0) {
                if (m_line.size() >= m_limits.maxHeaderBytes + HeaderEnd.size()) {
                    m_state = State::Dead;
                    return Rejection::HeadersTooLarge;
                }
                pos += take;
                break;
            }
            const qsizetype blockSize = end + HeaderEnd.size();
            if (blockSize > m_limits.maxHeaderBytes + HeaderEnd.size()) {
                m_state = State::Dead;
                return Rejection::HeadersTooLarge;
            }
            // Only the part of this feed that belongs to the header block is consumed here.
            pos += take - (m_line.size() - blockSize);
            m_line.truncate(end);
            if (const Rejection r = onHeadersComplete(); r != Rejection::None) {
                m_state = State::Dead;
                return r;
            }
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_remaining, bytes.size() - pos);
            m_request.body.append(bytes.sliced(pos, take));
            m_remaining -= take;
            pos += take;
            if (m_remaining == 0)
                finishMessage();
            break;
        }
        case State::ChunkSize: {
            bool done = false;
            if (const Rejection r = feedLine(bytes, pos, done); r != Rejection::None)
                return r;
            if (!done)
                break;
            const qsizetype semicolon = m_line.indexOf(';');
            const QByteArray sizeText = (semicolon < 0 ? m_line : m_line.left(semicolon)).trimmed();
            const std::optional<qint64> size = parseHex(sizeText);
            m_line.clear();
            if (!size) {
                m_state = State::Dead;
                return Rejection::MalformedFraming;
            }
            if (*size == 0) {
                m_state = State::Trailers;
                m_trailerLines = 0;
                break;
            }
            m_bodyBytes += *size;
            if (m_bodyBytes > m_limits.maxBodyBytes) {
                m_state = State::Dead;
                return Rejection::BodyTooLarge;
            }
            m_remaining = *size;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, bytes.size() - pos);
            m_request.body.append(bytes.sliced(pos, take));
            m_remaining -= take;
            pos += take;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
        case State::Trailers: {
            bool done = false;
            if (const Rejection r = feedLine(bytes, pos, done); r != Rejection::None)
                return r;
            if (!done)
                break;
            const bool empty = m_line.trimmed().isEmpty();
            m_line.clear();
            if (m_state == State::ChunkDataEnd) {
                if (!empty) {
                    m_state = State::Dead;
                    return Rejection::MalformedFraming;
                }
                m_state = State::ChunkSize;
            } else if (empty) {
                finishMessage();
            } else if (++m_trailerLines > m_limits.maxHeaderCount) {
                m_state = State::Dead;
                return Rejection::TooManyHeaders;
            }
            break;
        }
        }
    }
    return Rejection::None;
}

HttpRequestFramer::Rejection HttpRequestFramer::feedLine(QByteArrayView bytes, qsizetype &pos, bool &lineDone)
{
    const qsizetype newline = bytes.indexOf('\n', pos);
    const qsizetype end = newline < 0 ? bytes.size() : newline;
    m_line.append(bytes.sliced(pos, end - pos));
    pos = newline < 0 ? bytes.size() : newline + 1;
    lineDone = newline >= 0;
    if (m_line.size() > MaxChunkLineBytes) {
        m_state = State::Dead;
        return Rejection::MalformedFraming;
    }
    return Rejection::None;
}

HttpRequestFramer::Rejection HttpRequestFramer::onHeadersComplete()
{
    const QByteArray block = std::exchange(m_line, QByteArray());
    const QByteArrayView lines(block);
    qsizetype lineStart = 0;
    // The next line of the block without its CR LF; false at the end.
    const auto nextLine = [&](QByteArrayView &line) {
        if (lineStart > lines.size())
            return false;
        qsizetype newline = lines.indexOf('\n', lineStart);
        if (newline < 0)
            newline = lines.size();
        line = lines.sliced(lineStart, newline - lineStart);
        if (line.endsWith('\r'))
            line.chop(1);
        lineStart = newline + 1;
        return true;
    };

    QByteArrayView requestLine;
    nextLine(requestLine);
    if (!isRequestLine(requestLine))
        return Rejection::BadRequestLine;
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    m_request.method = requestLine.first(firstSpace).toByteArray();
    m_request.target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1).toByteArray();
    m_request.http10 = requestLine.endsWith("HTTP/1.0");

    std::optional<qint64> contentLength;
    bool chunked = false;
    bool hasTransferEncoding = false;
    bool expectsContinue = false;
    int hosts = 0;
    int fields = 0;
    QByteArrayView line;
    while (nextLine(line)) {
        if (line.isEmpty())
            continue;
        if (++fields > m_limits.maxHeaderCount)
            return Rejection::TooManyHeaders;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return Rejection::MalformedFraming; // obsolete line folding (RFC 9112 §5.2)
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Rejection::MalformedFraming;
        // RFC 9112 §5.1: whitespace between the name and the colon must be answered 400, since
        // proxies disagree on what such a field means.
        if (!isToken(line.first(colon)))
            return Rejection::BadFieldName;
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (name == "content-length") {
            if (!isDigits(value) || value.size() > 18)
                return Rejection::MalformedFraming;
            const qint64 length = value.toLongLong();
            if (contentLength && *contentLength != length)
                return Rejection::MalformedFraming;
            contentLength = length;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            if (value.toLower() != "chunked")
                return Rejection::UnsupportedEncoding;
            chunked = true;
        } else if (name == "expect") {
            expectsContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        } else if (name == "host") {
            ++hosts;
        }
        m_request.headers.emplaceBack(name, value);
    }
    if (hasTransferEncoding && contentLength)
        return Rejection::MalformedFraming;
    // RFC 9112 §3.2: a request without its authority, or with two to choose from, is a 400.
    if (hosts > 1 || (hosts == 0 && !m_request.http10))
        return Rejection::BadHost;

    if (chunked) {
        m_bodyBytes = 0;
        m_state = State::ChunkSize;
        m_expectsContinue = expectsContinue;
        return Rejection::None;
    }
    const qint64 length = contentLength.value_or(0);
    if (length > m_limits.maxBodyBytes)
        return Rejection::BodyTooLarge;
    if (length == 0) {
        finishMessage();
        return Rejection::None;
    }
    // A declared length is only a claim: what a silent client can make the server hold is bounded.
    m_request.body.reserve(qMin<qint64>(length, 64 * 1024));
    m_remaining = length;
    m_state = State::Body;
    m_expectsContinue = expectsContinue;
    return Rejection::None;
}

void HttpRequestFramer::finishMessage()
{
    m_ready.append(std::exchange(m_request, RawHttpRequest()));
    m_expectsContinue = false;
    m_state = State::Idle;
    m_line.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
    ++m_completed;
}

} // namespace mandate::server
