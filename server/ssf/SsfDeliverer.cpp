#include "server/ssf/SsfDeliverer.h"

#include "server/ops/Metrics.h"
#include "server/ssf/SetSigner.h"
#include "server/ssf/SignalOutbox.h"
#include "server/ssf/StreamConfig.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <memory>

namespace mandate::server {

namespace {

QString errorOf(QNetworkReply *reply, int status)
{
    if (status >= 300 && status < 400)
        return QStringLiteral("HTTP %1 (redirects are not followed; register the final URL)").arg(status);
    if (status != 0)
        return QStringLiteral("HTTP %1 instead of 202").arg(status);
    return reply->errorString();
}

} // namespace

SsfDeliverer::SsfDeliverer(Store &reader, WriteBatcher &writes, const Clock &clock, const SetSigner &signer,
                           Metrics &metrics, Settings settings, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_writes(writes)
    , m_clock(clock)
    , m_signer(signer)
    , m_metrics(metrics)
    , m_settings(std::move(settings))
{
    // Receivers answer with a status; nothing they set (cookies, cached credentials) is kept.
    m_network.setCookieJar(nullptr);
    m_network.setAutoDeleteReplies(false);
    m_timer.setInterval(m_settings.interval);
    connect(&m_timer, &QTimer::timeout, this, &SsfDeliverer::wake);
    m_timer.start();
    addGauges(metrics);
}

std::chrono::milliseconds SsfDeliverer::backoff(int attempt, std::chrono::seconds max)
{
    const qint64 cap = std::chrono::duration_cast<std::chrono::milliseconds>(max).count();
    qint64 ceiling = 1000;
    for (int i = 1; i < attempt && ceiling < cap; ++i)
        ceiling *= 2;
    ceiling = qMin(ceiling, cap);
    const qint64 floor = ceiling / 2;
    return std::chrono::milliseconds(floor + QRandomGenerator::global()->bounded(ceiling - floor + 1));
}

void SsfDeliverer::wake()
{
    if (m_stopped)
        return;
    const QDateTime now = m_clock.now();
    for (const QString &id : m_reader.ssfStreams().pushStreamsDue(m_settings.instance, now)) {
        if (m_busy.contains(id))
            continue;
        m_busy.insert(id);
        // A lease that outlasts one more push (its timeout) is used as it is; otherwise renewed first.
        const QDateTime held = m_leases.value(id);
        if (held.isValid() && now.msecsTo(held) > m_settings.timeout.count() + 5000)
            sendHead(id);
        else
            claimThenSend(id);
    }
}

void SsfDeliverer::stop()
{
    m_stopped = true;
    m_timer.stop();
    for (const QPointer<QNetworkReply> &reply : std::exchange(m_inFlight, {})) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void SsfDeliverer::claimThenSend(const QString &streamId)
{
    auto claimed = std::make_shared<std::optional<QDateTime>>();
    m_writes.submit(
        [this, streamId, claimed](Store &store) {
            const QDateTime now = m_clock.now();
            const QDateTime until = now.addSecs(LeaseSeconds);
            const auto ours = store.ssfStreams().claim(streamId, m_settings.instance, now, until);
            if (!ours)
                return WriteResult::Drop;
            if (*ours)
                *claimed = until;
            return WriteResult::Keep;
        },
        [this, streamId, claimed](CommitStatus status) {
            if (m_stopped || status != CommitStatus::Committed || !*claimed) {
                release(streamId);
                return;
            }
            m_leases.insert(streamId, **claimed);
            sendHead(streamId);
        });
}

void SsfDeliverer::sendHead(const QString &streamId)
{
    if (m_stopped) {
        release(streamId);
        return;
    }
    const auto stream = m_reader.ssfStreams().stream(streamId);
    if (!stream || stream->deliveryMethod != u"push" ||
        (stream->nextAttemptAt && *stream->nextAttemptAt > m_clock.now())) {
        release(streamId);
        return;
    }
    const QList<SsfOutboxRepository::Entry> head =
        m_reader.ssfOutbox().pending(streamId, stream->status != u"enabled", 1);
    if (head.isEmpty()) {
        release(streamId);
        return;
    }
    const SsfOutboxRepository::Entry entry = head.first();
    const QString set = m_signer.signFor(entry.claims, m_settings.issuer, stream->receiverId,
                                         StreamConfig::algorithmOf(stream->config));
    const QJsonObject delivery = stream->config.value(u"delivery").toObject();
    QNetworkRequest request(QUrl(delivery.value(u"endpoint_url").toString(), QUrl::StrictMode));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/secevent+jwt"));
    request.setRawHeader("Accept", "application/json");
    if (const QString authorization = delivery.value(u"authorization_header").toString();
        !authorization.isEmpty())
        request.setRawHeader("Authorization", authorization.toUtf8());
    // The target is what the receiver registered, nowhere else: a redirect is a failure.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(static_cast<int>(m_settings.timeout.count()));
    if (set.isEmpty() || !request.url().isValid()) {
        fail(streamId, entry,
             set.isEmpty() ? QStringLiteral("the SET could not be signed")
                           : QStringLiteral("the endpoint URL is not valid"));
        return;
    }
    QNetworkReply *reply = m_network.post(request, set.toLatin1());
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::readyRead, this, [reply] {
        if (reply->bytesAvailable() > MaxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, streamId, entry, reply] { answered(streamId, entry, reply); });
}

void SsfDeliverer::answered(const QString &streamId, const SsfOutboxRepository::Entry &entry,
                            QNetworkReply *reply)
{
    m_inFlight.removeAll(reply);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 202) {
        m_metrics.countSignalPush(QStringLiteral("delivered"));
        m_metrics.observeSignalDelivery(static_cast<double>(entry.queuedAt.msecsTo(m_clock.now())) / 1000.0);
        settle(streamId, entry, QStringLiteral("delivered"), QString());
        return;
    }
    if (status == 400) {
        // RFC 8935 §2.3: the receiver refused this SET for good ({"err", "description"}); sending
        // it again would only block the stream behind it.
        const QJsonObject answer = QJsonDocument::fromJson(reply->read(MaxAnswerBytes)).object();
        const QString why =
            QStringLiteral("%1: %2").arg(answer.value(u"err").toString(QStringLiteral("rejected")),
                                         answer.value(u"description").toString());
        m_metrics.countSignalPush(QStringLiteral("rejected"));
        settle(streamId, entry, QStringLiteral("rejected: ") + why,
               QStringLiteral("The receiver refused SET %1 (%2).").arg(entry.jti, why));
        return;
    }
    m_metrics.countSignalPush(QStringLiteral("failed"));
    fail(streamId, entry, errorOf(reply, status));
}

void SsfDeliverer::settle(const QString &streamId, const SsfOutboxRepository::Entry &entry,
                          const QString &outcome, const QString &error)
{
    auto renewed = std::make_shared<std::optional<QDateTime>>();
    m_writes.submit(
        [this, streamId, entry, outcome, error, renewed](Store &store) {
            const QDateTime now = m_clock.now();
            const auto ours =
                store.ssfStreams().claim(streamId, m_settings.instance, now, now.addSecs(LeaseSeconds));
            if (!ours || !store.ssfOutbox().markDone(entry.seq, now, outcome) ||
                !store.ssfStreams().noteDelivered(streamId, now) ||
                (!error.isEmpty() && !store.ssfStreams().noteError(streamId, error)))
                return WriteResult::Drop;
            if (*ours)
                *renewed = now.addSecs(LeaseSeconds);
            return WriteResult::Keep;
        },
        [this, streamId, renewed](CommitStatus status) {
            if (status != CommitStatus::Committed || !*renewed) {
                m_leases.remove(streamId);
                release(streamId);
                return;
            }
            m_leases.insert(streamId, **renewed);
            sendHead(streamId);
        });
}

void SsfDeliverer::fail(const QString &streamId, const SsfOutboxRepository::Entry &entry,
                        const QString &error)
{
    const auto delay = backoff(entry.attempts + 1, m_settings.retryMax);
    const qint64 pauseAfter = m_settings.pauseAfter.count();
    m_writes.submit(
        [this, streamId, entry, error, delay, pauseAfter](Store &store) {
            const QDateTime now = m_clock.now();
            auto stream = store.ssfStreams().stream(streamId);
            if (!stream || !store.ssfOutbox().noteAttempt(entry.seq) ||
                !store.ssfStreams().noteFailure(streamId, now, error, now.addMSecs(delay.count())))
                return WriteResult::Drop;
            const QDateTime since = stream->failingSince.value_or(now);
            if (stream->status == u"enabled" && since.secsTo(now) >= pauseAfter) {
                const QString reason =
                    QStringLiteral(
                        "The receiver has not accepted events since %1 (%2); resume the stream once it "
                        "is reachable again.")
                        .arg(since.toUTC().toString(Qt::ISODate), error);
                // SSF §8.1.5: a stream the transmitter pauses hears so first (when it can hear again).
                if (!store.ssfStreams().setStatus(streamId, QStringLiteral("paused"), reason) ||
                    !SignalOutbox(store, m_clock).streamUpdated(streamId, QStringLiteral("paused"), reason))
                    return WriteResult::Drop;
                qInfo().noquote() << "ssf: paused stream" << streamId << "-" << reason;
            }
            return WriteResult::Keep;
        },
        [this, streamId](CommitStatus) { release(streamId); });
}

void SsfDeliverer::addGauges(Metrics &metrics)
{
    metrics.addGauge(QStringLiteral("mandate_ssf_queue_depth"),
                     QStringLiteral("Security Event Tokens queued and not yet taken by their receiver."),
                     [this] { return static_cast<double>(m_reader.ssfOutbox().pendingTotal()); });
    metrics.addGauge(QStringLiteral("mandate_ssf_delivery_lag_seconds"),
                     QStringLiteral("How long the oldest SET a stream may transmit now has waited."), [this] {
                         const auto oldest = m_reader.ssfOutbox().oldestDeliverable();
                         return oldest ? static_cast<double>(oldest->msecsTo(m_clock.now())) / 1000.0 : 0.0;
                     });
}

} // namespace mandate::server
