#pragma once

#include "tests/support/DemoFixtures.h"
#include "tests/support/SetReceiver.h"
#include "tests/support/TestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace mandate::test {

// Shared Signals set-ups over the demo organisation, shared by the transmitter's integration tests.
class SignalFixtures
{
public:
    static constexpr QStringView SessionRevoked =
        u"https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    static constexpr QStringView CredentialChange =
        u"https://schemas.openid.net/secevent/caep/event-type/credential-change";
    static constexpr QStringView Verification =
        u"https://schemas.openid.net/secevent/ssf/event-type/verification";
    static constexpr QStringView StreamUpdated =
        u"https://schemas.openid.net/secevent/ssf/event-type/stream-updated";

    struct Receiver
    {
        QString id;
        std::unique_ptr<TestClient> client; // speaks with the receiver's token
    };

    // ada registers a receiver; its client carries the token.
    static Receiver registerReceiver(TestClient &admin, const QString &baseUrl, const QString &name)
    {
        const auto created =
            admin.post(QStringLiteral("/v1/ssf/receivers"), {{QStringLiteral("name"), name}});
        Receiver receiver{created.json().value(u"id").toString(), std::make_unique<TestClient>(baseUrl)};
        receiver.client->setToken(created.json().value(u"token").toString());
        return receiver;
    }

    static QJsonObject pushDelivery(const QString &endpoint)
    {
        return {{QStringLiteral("method"), QStringLiteral("urn:ietf:rfc:8935")},
                {QStringLiteral("endpoint_url"), endpoint}};
    }

    // A stream's id, empty when it was not created.
    static QString createStream(TestClient &receiver, const QJsonObject &body = {})
    {
        return receiver.post(QStringLiteral("/v1/ssf/stream"), body).json().value(u"stream_id").toString();
    }

    // Everything a poll stream holds now, verified; acknowledged when `ack`.
    static QList<QJsonObject> pollVerified(TestClient &receiver, const QString &streamId,
                                           const QString &serverUrl, const QString &audience, bool ack = true)
    {
        const auto polled = receiver.post(QStringLiteral("/v1/ssf/poll/") + streamId,
                                          {{QStringLiteral("returnImmediately"), true}});
        const QJsonObject sets = polled.json().value(u"sets").toObject();
        QStringList tokens;
        QJsonArray ids;
        for (auto it = sets.begin(); it != sets.end(); ++it) {
            tokens.append(it.value().toString());
            ids.append(it.key());
        }
        if (ack && !ids.isEmpty())
            receiver.post(QStringLiteral("/v1/ssf/poll/") + streamId,
                          {{QStringLiteral("ack"), ids}, {QStringLiteral("maxEvents"), 0}});
        return SetReceiver::verify(tokens, serverUrl, serverUrl, audience);
    }

    // The delegation id in a verified SET's sub_id.
    static QString sessionOf(const QJsonObject &verified)
    {
        return verified.value(u"claims")
            .toObject()
            .value(u"sub_id")
            .toObject()
            .value(u"session")
            .toObject()
            .value(u"id")
            .toString();
    }

    // The "jti" claim of a JWT, read without verifying it (the test's own credential).
    static QString jtiOf(const QString &token)
    {
        const QByteArray payload =
            QByteArray::fromBase64(token.section(u'.', 1, 1).toLatin1(), QByteArray::Base64UrlEncoding);
        return QJsonDocument::fromJson(payload).object().value(u"jti").toString();
    }
};

} // namespace mandate::test
