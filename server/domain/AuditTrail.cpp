#include "server/domain/AuditTrail.h"

#include "core/AuditChain.h"
#include "server/store/Store.h"

namespace mandate::server {

namespace {

AuditEvent baseEvent(const QString &type, const Principal &actor, const QDateTime &at)
{
    AuditEvent event;
    event.at = at;
    event.type = type;
    switch (actor.kind) {
    case Principal::Kind::User:
        event.actorKind = AuditEvent::ActorKind::User;
        break;
    case Principal::Kind::Agent:
        event.actorKind = AuditEvent::ActorKind::Agent;
        break;
    case Principal::Kind::Anonymous:
    case Principal::Kind::EnforcementPoint:
    case Principal::Kind::Receiver: // receivers change only their own streams, which are not audited
        event.actorKind = AuditEvent::ActorKind::System;
        break;
    }
    event.actorId = actor.kind == Principal::Kind::Anonymous ? QStringLiteral("system") : actor.id;
    event.actorName = actor.name;
    return event;
}

} // namespace

bool AuditTrail::enqueue(AuditEvent event, const QString &agentId, const QString &customerId,
                         const QString &decisionId)
{
    // Investigators read people and agents by name, as they were called when it happened.
    if (event.actorName.isEmpty() && event.actorKind == AuditEvent::ActorKind::User) {
        if (const auto user = m_store.users().findById(event.actorId))
            event.actorName = user->displayName;
    } else if (event.actorName.isEmpty() && event.actorKind == AuditEvent::ActorKind::Agent) {
        if (const auto agent = m_store.agents().find(event.actorId))
            event.actorName = agent->name;
    }
    AuditLogRepository::Recorded recorded;
    recorded.at = event.at;
    recorded.type = event.type;
    recorded.delegationId = event.delegationId.value_or(QString());
    recorded.agentId = agentId;
    recorded.customerId = customerId;
    recorded.decisionId = decisionId;
    // The form the sequencer seals: everything but seq and the hashes, which it assigns.
    recorded.event = AuditChain::recordedForm(event);
    return m_store.log().record(recorded);
}

bool AuditTrail::record(const QString &type, const Principal &actor, const Delegation &delegation,
                        const QJsonObject &data)
{
    AuditEvent event = baseEvent(type, actor, m_clock.now());
    event.delegationId = delegation.id;
    event.chain = delegation.chain;
    event.data = data;
    const QString decisionId =
        type == u"decision.made" ? data.value(QStringLiteral("decision_id")).toString() : QString();
    return enqueue(event, delegation.agentId, delegation.customerId, decisionId);
}

bool AuditTrail::record(const QString &type, const Principal &actor, const QString &agentId,
                        const QJsonObject &data)
{
    AuditEvent event = baseEvent(type, actor, m_clock.now());
    event.data = data;
    return enqueue(event, agentId, QString(), QString());
}

bool AuditTrail::recordCanonical(const QString &type, const Principal &actor, const Delegation &delegation,
                                 QByteArray data, const QString &decisionId)
{
    AuditEvent event = baseEvent(type, actor, m_clock.now());
    event.delegationId = delegation.id;
    event.chain = delegation.chain;
    event.canonicalData = std::move(data);
    return enqueue(event, delegation.agentId, delegation.customerId, decisionId);
}

bool AuditTrail::recordCanonical(const QString &type, const Principal &actor, const QString &agentId,
                                 QByteArray data)
{
    AuditEvent event = baseEvent(type, actor, m_clock.now());
    event.canonicalData = std::move(data);
    return enqueue(event, agentId, QString(), QString());
}

} // namespace mandate::server
