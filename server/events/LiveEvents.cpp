#include "server/events/LiveEvents.h"

#include "core/ApprovalCodec.h"
#include "server/routes/ResourceJson.h"
#include "server/store/Store.h"

#include <QJsonDocument>

namespace mandate::server {

bool LiveEvents::delegation(Store &store, const QString &type, const Delegation &delegation)
{
    LiveEvent event;
    event.type = type;
    event.audience = LiveEvent::Audience::Customer;
    event.customerId = delegation.customerId;
    event.at = QDateTime::currentDateTimeUtc();
    return store.publishDelegation(std::move(event), delegation);
}

bool LiveEvents::approval(Store &store, const QString &type, const Approval &approval,
                          ApprovalRepository::Route route)
{
    LiveEvent event;
    event.type = type;
    event.audience = route == ApprovalRepository::Route::Customer ? LiveEvent::Audience::Customer
                                                                  : LiveEvent::Audience::Approvers;
    event.customerId = approval.customer.id;
    event.payload = QJsonDocument(ApprovalCodec::toJson(approval)).toJson(QJsonDocument::Compact);
    event.at = QDateTime::currentDateTimeUtc();
    return store.publish(std::move(event));
}

bool LiveEvents::agent(Store &store, const AgentRecord &agent)
{
    LiveEvent event;
    event.type = QStringLiteral("agent.updated");
    event.audience = LiveEvent::Audience::Everyone;
    event.payload = QJsonDocument(ResourceJson::agent(agent)).toJson(QJsonDocument::Compact);
    event.at = QDateTime::currentDateTimeUtc();
    return store.publish(std::move(event));
}

} // namespace mandate::server
