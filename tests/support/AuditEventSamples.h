#pragma once

#include "core/AuditChain.h"
#include "core/AuditEvent.h"
#include "tests/support/MockClock.h"

#include <QJsonArray>
#include <QStringList>

namespace mandate::test {

// Audit events as the server writes them, for codec and chain tests.
class AuditEventSamples
{
public:
    static QList<ChainLink> travelChain()
    {
        return {
            ChainLink{ChainLink::Kind::Customer, QStringLiteral("usr_alice"), QStringLiteral("Alice"),
                      QString()},
            ChainLink{ChainLink::Kind::Agent, QStringLiteral("agt_travel"), QStringLiteral("Travel booker"),
                      QStringLiteral("spiffe://demo.mandate.local/travel-booker")},
        };
    }

    // The travel booker's first allowed payment, sealed as the first event of a chain.
    static AuditEvent decision()
    {
        AuditEvent event;
        event.seq = 1;
        event.at = MockClock().now();
        event.type = QStringLiteral("decision.made");
        event.actorKind = AuditEvent::ActorKind::Agent;
        event.actorId = QStringLiteral("agt_travel");
        event.delegationId = QStringLiteral("dlg_1");
        event.chain = travelChain();
        event.data = QJsonObject{
            {QStringLiteral("decision_id"), QStringLiteral("dec_1")},
            {QStringLiteral("decision"), QStringLiteral("allow")},
            {QStringLiteral("reason"), QStringLiteral("within_scope")},
            {QStringLiteral("amount"), QJsonObject{{QStringLiteral("amount_minor"), 25000},
                                                   {QStringLiteral("currency"), QStringLiteral("EUR")}}},
        };
        return AuditChain::seal(event, AuditChain::genesisHash());
    }

    // `count` sealed events of every actor kind, with and without a delegation, and varied data.
    static QList<AuditEvent> chain(int count)
    {
        static const QStringList types{QStringLiteral("delegation.granted"), QStringLiteral("decision.made"),
                                       QStringLiteral("approval.requested"),
                                       QStringLiteral("approval.decided"), QStringLiteral("agent.suspended")};
        static const QList<AuditEvent::ActorKind> actors{
            AuditEvent::ActorKind::User, AuditEvent::ActorKind::Agent, AuditEvent::ActorKind::System};
        QList<AuditEvent> events;
        QString prevHash = AuditChain::genesisHash();
        for (int i = 0; i < count; ++i) {
            AuditEvent event;
            event.seq = i + 1;
            event.at = MockClock().now().addSecs(i).addMSecs(i % 1000);
            event.type = types.at(i % types.size());
            event.actorKind = actors.at(i % actors.size());
            event.actorId = QStringLiteral("id_%1").arg(i % 4);
            if (i % 7 != 3) {
                event.delegationId = QStringLiteral("dlg_%1").arg(i % 5);
            }
            event.chain = travelChain().mid(0, 1 + i % 2);
            event.data = QJsonObject{
                {QStringLiteral("n"), i},
                {QStringLiteral("note"), QStringLiteral("event \"%1\" — ok").arg(i)},
                {QStringLiteral("nested"),
                 QJsonObject{{QStringLiteral("list"), QJsonArray{i, QStringLiteral("x")}}}},
            };
            event = AuditChain::seal(event, prevHash);
            prevHash = event.hash;
            events.append(event);
        }
        return events;
    }
};

} // namespace mandate::test
