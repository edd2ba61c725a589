#include "server/domain/AuditTrail.h"

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
        event.actorKind = AuditEvent::ActorKind::System;
        break;
    }
    event.actorId = actor.kind == Principal::Kind::Anonymous ? QStringLiteral("system") : actor.id;
    return event;
}

} // namespace

bool AuditTrail::record(const QString &type, const Principal &actor, const Delegation &delegation,
                        const QJsonObject &data)
{
    AuditEvent event = baseEvent(type, actor, m_clock.now());
    event.delegationId = delegation.id;
    event.chain = delegation.chain;
    event.data = data;
    return m_store.audit().append(std::move(event), delegation.agentId, delegation.customerId).has_value();
}

bool AuditTrail::record(const QString &type, const Principal &actor, const QString &agentId,
                        const QJsonObject &data)
{
    AuditEvent event = baseEvent(type, actor, m_clock.now());
    event.data = data;
    return m_store.audit().append(std::move(event), agentId, QString()).has_value();
}

} // namespace mandate::server
