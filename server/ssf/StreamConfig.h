#pragma once

#include "core/Expected.h"
#include "core/FieldError.h"
#include "server/ssf/SetSigner.h"
#include "server/store/SsfStreamRepository.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate::server {

// A stream's configuration as SSF 1.0 §8.1.1 shapes it. The receiver supplies the delivery
// (push: its endpoint_url and an optional authorization_header; poll: nothing, the transmitter
// names the URL), events_requested, a description and — Mandate's extension — the signing
// algorithm ("RS256" unless it asks for "EdDSA"). Everything else the transmitter supplies; a
// request may repeat those values but must not change them.
class StreamConfig
{
public:
    static constexpr QStringView PushMethod = u"urn:ietf:rfc:8935";
    static constexpr QStringView PollMethod = u"urn:ietf:rfc:8936";
    // Limits beyond which a request is refused (400) with the field named.
    static constexpr qsizetype MaxBodyBytes = 64 * 1024;
    static constexpr qsizetype MaxDescription = 1000;
    static constexpr qsizetype MaxEventsRequested = 32;
    static constexpr qsizetype MaxUrlLength = 2048;
    static constexpr qsizetype MaxAuthorizationHeader = 4096;
    // Seconds a receiver waits between verification requests (429 sooner).
    static constexpr int MinVerificationInterval = 5;

    enum class Mode
    {
        Create,  // POST: receiver-supplied values only
        Update,  // PATCH: stream_id and what changes; the rest stays
        Replace, // PUT: stream_id and every receiver-supplied value; what is missing goes
    };

    struct Parsed
    {
        QString streamId;                // Update, Replace
        QJsonObject config;              // the receiver-supplied configuration after the request
        QJsonObject transmitterSupplied; // values the request repeated, to compare with ours
    };

    // `current`: the stream's receiver-supplied configuration (Update starts from it).
    static Expected<Parsed, FieldErrors> parse(const QJsonObject &body, Mode mode,
                                               const QJsonObject &current);
    // Why a push endpoint is refused, or nothing: only absolute http(s) URLs with a host, without
    // user information (credentials belong in authorization_header) and without a fragment.
    static std::optional<QString> pushUrlProblem(const QString &url);
    // The values a request repeated that differ from what the transmitter says (field errors).
    static FieldErrors mismatches(const QJsonObject &supplied, const QJsonObject &stream);

    static QString deliveryMethodOf(const QJsonObject &config); // "push" or "poll"
    static SetSigner::Algorithm algorithmOf(const QJsonObject &config);
    static QString pollUrl(const QString &issuer, const QString &streamId);
    // The whole configuration as the receiver reads it.
    static QJsonObject toJson(const SsfStreamRepository::Stream &stream, const QString &issuer);
};

} // namespace mandate::server
