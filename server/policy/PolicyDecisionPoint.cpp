#include "server/policy/PolicyDecisionPoint.h"

#include "server/ops/Metrics.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <memory>

namespace mandate::server {

namespace {

// An AuthZEN decision is a few hundred bytes; a PDP that sends more is not answering the question.
constexpr qint64 MaxPdpAnswerBytes = 64 * 1024;
constexpr std::chrono::seconds PdpProbeInterval{5};

QString pdpReasonOf(const authzen::Decision &decision)
{
    return decision.context.value(QStringLiteral("reason_user"))
        .toObject()
        .value(QStringLiteral("en"))
        .toString()
        .left(500);
}

} // namespace

PolicyDecisionPoint::PolicyDecisionPoint(Settings settings, Metrics &metrics, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_metrics(metrics)
{
    m_evaluationUrl = m_settings.url;
    QString path = m_evaluationUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_evaluationUrl.setPath(path + QStringLiteral("/access/v1/evaluation"));
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network.setAutoDeleteReplies(true);
    m_probeTimer.setInterval(PdpProbeInterval);
    connect(&m_probeTimer, &QTimer::timeout, this, &PolicyDecisionPoint::probe);
    m_probeTimer.start();
    QTimer::singleShot(0, this, &PolicyDecisionPoint::probe);
}

QString PolicyDecisionPoint::displayUrl() const
{
    return m_settings.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void PolicyDecisionPoint::consult(const OrgPolicyQuestion &question, Answer answer)
{
    QElapsedTimer started;
    started.start();
    const QJsonObject asPerson = question.evaluation(QStringLiteral("person"));
    const QString requestId = question.decisionId;
    ask(question.evaluation(QStringLiteral("none")), requestId,
        [this, started, answer, asPerson, requestId](Expected<authzen::Decision, QString> alone) {
            if (!alone) {
                finish(started, answer, {OrgPolicyVerdict::Answer::Unavailable, QString()},
                       QStringLiteral("unavailable"), alone.error());
                return;
            }
            if (alone->decision) {
                finish(started, answer, {OrgPolicyVerdict::Answer::Allow, QString()}, QStringLiteral("allow"),
                       pdpReasonOf(*alone));
                return;
            }
            const QString refusal = pdpReasonOf(*alone);
            ask(asPerson, requestId,
                [this, started, answer, refusal](Expected<authzen::Decision, QString> withPerson) {
                    if (!withPerson) {
                        finish(started, answer, {OrgPolicyVerdict::Answer::Unavailable, QString()},
                               QStringLiteral("unavailable"), withPerson.error());
                    } else if (withPerson->decision) {
                        const QString reason = pdpReasonOf(*withPerson);
                        finish(
                            started, answer,
                            {OrgPolicyVerdict::Answer::PersonRequired, reason.isEmpty() ? refusal : reason},
                            QStringLiteral("step_up"), reason.isEmpty() ? refusal : reason);
                    } else {
                        const QString reason = pdpReasonOf(*withPerson);
                        finish(started, answer,
                               {OrgPolicyVerdict::Answer::Denied, reason.isEmpty() ? refusal : reason},
                               QStringLiteral("deny"), reason.isEmpty() ? refusal : reason);
                    }
                });
        });
}

void PolicyDecisionPoint::finish(const QElapsedTimer &started, const Answer &answer, OrgPolicyVerdict verdict,
                                 const QString &decision, const QString &reason)
{
    const qint64 elapsedNs = started.nsecsElapsed();
    m_metrics.observePolicyQuestion(decision, static_cast<double>(elapsedNs) / 1e9);
    QJsonObject audit{{QStringLiteral("pdp"), displayUrl()},
                      {QStringLiteral("decision"), decision},
                      {QStringLiteral("latency_ms"), (elapsedNs + 999'999) / 1'000'000}};
    if (!reason.isEmpty())
        audit.insert(QStringLiteral("reason"), reason);
    if (verdict.answer == OrgPolicyVerdict::Answer::Unavailable && m_settings.failOpen) {
        // The operator chose availability over the organisation's rules; the record says so.
        verdict = {OrgPolicyVerdict::Answer::Allow, QString()};
        audit.insert(QStringLiteral("failed_open"), true);
    }
    answer(Consultation{std::move(verdict), std::move(audit)});
}

void PolicyDecisionPoint::ask(const QJsonObject &evaluation, const QString &requestId, Reply reply)
{
    QNetworkRequest request(m_evaluationUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!requestId.isEmpty())
        request.setRawHeader("X-Request-ID", requestId.toUtf8());
    if (!m_settings.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings.token);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    QNetworkReply *pending =
        m_network.post(request, QJsonDocument(evaluation).toJson(QJsonDocument::Compact));
    auto timedOut = std::make_shared<bool>(false);
    auto deadline = std::make_shared<QTimer>();
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    connect(deadline.get(), &QTimer::timeout, pending, [pending, timedOut] {
        *timedOut = true;
        pending->abort();
    });
    deadline->start(m_settings.timeout);
    connect(pending, &QNetworkReply::readyRead, pending, [pending] {
        if (pending->bytesAvailable() > MaxPdpAnswerBytes)
            pending->abort();
    });
    connect(pending, &QNetworkReply::finished, this, [this, pending, timedOut, deadline, reply] {
        deadline->stop();
        m_sinceExchange.start();
        const int status = pending->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*timedOut) {
            m_healthy = false;
            reply(unexpected(QStringLiteral("no answer within %1 ms").arg(m_settings.timeout.count())));
            return;
        }
        if (status == 0) {
            m_healthy = false;
            reply(unexpected(QStringLiteral("unreachable: %1").arg(pending->errorString())));
            return;
        }
        if (status != 200) {
            m_healthy = false;
            reply(unexpected(QStringLiteral("answered HTTP %1").arg(status)));
            return;
        }
        if (pending->error() != QNetworkReply::NoError) {
            m_healthy = false;
            reply(unexpected(QStringLiteral("the answer broke off or was too large")));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(pending->read(MaxPdpAnswerBytes + 1), &parseError);
        if (parseError.error != QJsonParseError::NoError || !body.isObject()) {
            m_healthy = false;
            reply(unexpected(QStringLiteral("answered with something other than a JSON object")));
            return;
        }
        auto decision = authzen::Decision::fromJson(body.object());
        m_healthy = static_cast<bool>(decision);
        if (!decision)
            reply(
                unexpected(QStringLiteral("answered without a boolean decision: %1").arg(decision.error())));
        else
            reply(std::move(decision));
    });
}

void PolicyDecisionPoint::probe()
{
    if (m_sinceExchange.isValid() &&
        m_sinceExchange.elapsed() < std::chrono::milliseconds(PdpProbeInterval).count())
        return;
    const QJsonObject evaluation{
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("agent")},
                     {QStringLiteral("id"), QStringLiteral("spiffe://mandate.invalid/health")}}},
        {QStringLiteral("action"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("mandate.health_check")}}},
        {QStringLiteral("resource"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mandate")},
                                                 {QStringLiteral("id"), QStringLiteral("health")}}}};
    ask(evaluation, QString(), [](const Expected<authzen::Decision, QString> &) {});
}

} // namespace mandate::server
