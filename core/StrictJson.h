#pragma once

#include "core/Expected.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

namespace mandate {

// A strict RFC 8259 parser for untrusted input. Unlike QJsonDocument it rejects duplicate object
// keys (a classic way to smuggle a second limit past a validator), invalid UTF-8, lone surrogates,
// nesting deeper than the limit and trailing garbage. Integer literals that fit in int64 become
// integer QJsonValues; every other number becomes a double, so codecs can refuse floats and
// out-of-range integers where the contract wants an integer: a number holds an integer exactly
// when `toVariant().typeId() == QMetaType::LongLong`.
//
// A literal with a fraction or exponent whose value is a whole number within int64 range ("1.0",
// "1e2", "1e17") is refused: Qt 6 stores integral doubles up to 2^53 as integers, which would make
// "1.0" indistinguishable from "1", and writes larger ones as plain digits that read back as a
// different integer. Write such a number as an integer; Mandate's own output always does. A
// non-zero number a double cannot hold (overflow to infinity, underflow to zero) is refused too,
// and so is an integer literal just below INT64_MIN, whose double would read back as INT64_MIN.
// Positions in error messages and ParseError::offset are 0-based byte offsets into the input.
class StrictJson
{
public:
    struct ParseError
    {
        qsizetype offset = 0;
        QString message; // "unexpected character '}' at byte 17"
    };

    static constexpr int DefaultMaxDepth = 32;
    // Qt's parser, which builds what these checks passed, nests no deeper; a larger limit is lowered.
    static constexpr int MaxDepth = 1024;

    static Expected<QJsonValue, ParseError> parse(QByteArrayView utf8, int maxDepth = DefaultMaxDepth);
    // Same, but the top-level value must be an object (every request body of the API).
    static Expected<QJsonObject, ParseError> parseObject(QByteArrayView utf8, int maxDepth = DefaultMaxDepth);
};

} // namespace mandate
