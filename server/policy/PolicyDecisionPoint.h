#pragma once

#include "core/AuthZen.h"
#include "core/OrgPolicyVerdict.h"
#include "server/policy/OrgPolicyQuestion.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace mandate::server {

class Metrics;

// The organisation's own policy engine, an OpenID AuthZEN 1.0 PDP (API.md, "Org policy"), asked
// on the event loop over kept-alive connections; never from the store thread. Every question
// ends within the timeout: an engine that is unreachable, slow, not 200 or not JSON gives
// Unavailable (or Allow, when the operator chose to fail open), never an error to the agent.
class PolicyDecisionPoint : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl url; // the PDP's base URL; /access/v1/evaluation is appended
        QByteArray token;
        std::chrono::milliseconds timeout{250};
        bool failOpen = false;
    };

    // The verdict the decision uses, and what its audit event records as `org_policy`.
    struct Consultation
    {
        OrgPolicyVerdict verdict;
        QJsonObject audit;
    };
    using Answer = std::function<void(Consultation)>;

    PolicyDecisionPoint(Settings settings, Metrics &metrics, QObject *parent = nullptr);

    // Asks "with nobody confirming?" and, only when refused, "if a person confirms?".
    void consult(const OrgPolicyQuestion &question, Answer answer);

    bool healthy() const { return m_healthy; }
    QString displayUrl() const;
    bool failsOpen() const { return m_settings.failOpen; }

private:
    using Reply = std::function<void(Expected<authzen::Decision, QString>)>;
    void ask(const QJsonObject &evaluation, const QString &requestId, Reply reply);
    void finish(const QElapsedTimer &started, const Answer &answer, OrgPolicyVerdict verdict,
                const QString &decision, const QString &reason);
    // Keeps `healthy` true to life when no decision asked lately.
    void probe();

    Settings m_settings;
    Metrics &m_metrics;
    QUrl m_evaluationUrl;
    QNetworkAccessManager m_network;
    QTimer m_probeTimer;
    QElapsedTimer m_sinceExchange;
    bool m_healthy = false;
};

} // namespace mandate::server
