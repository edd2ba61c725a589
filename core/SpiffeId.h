#pragma once

#include "core/Expected.h"

#include <QString>

namespace mandate {

// A SPIFFE ID ("spiffe://trust-domain/path"), validated per the SPIFFE ID standard:
// lowercase trust domain of [a-z0-9.-_], path segments of [a-zA-Z0-9.-_], no empty, "." or ".."
// segments, no trailing slash, no query, fragment, port, userinfo or percent-encoding, ≤ 2048 bytes.
class SpiffeId
{
public:
    SpiffeId() = default;

    // The error is a sentence a person understands ("trust domain characters are limited to ...").
    static Expected<SpiffeId, QString> parse(QStringView text);

    const QString &trustDomain() const { return m_trustDomain; }
    const QString &path() const { return m_path; }
    QString toString() const;
    bool isValid() const { return !m_trustDomain.isEmpty(); }

    friend bool operator==(const SpiffeId &, const SpiffeId &) = default;

private:
    QString m_trustDomain;
    QString m_path;
};

} // namespace mandate
