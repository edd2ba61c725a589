#include "models/AuditFormatter.h"

#include "client/AuditFacts.h"
#include "core/AuditEventCodec.h"
#include "core/Money.h"
#include "core/Timestamp.h"
#include "models/DelegationFormatter.h"

#include <QCoreApplication>

namespace mandate::models {

namespace {

QString chainAgent(const AuditEvent &event)
{
    for (qsizetype i = event.chain.size() - 1; i >= 0; --i) {
        if (event.chain[i].kind == ChainLink::Kind::Agent)
            return event.chain[i].name;
    }
    return {};
}

} // namespace

QString AuditFormatter::requestText(const AuthorizeRequest &request)
{
    QString text = DelegationFormatter::actionLabel(request.action);
    if (request.amount)
        text += QLatin1Char(' ') + request.amount->toLocaleString();
    if (request.destination && !request.destination->isEmpty())
        text += tr(" to %1").arg(*request.destination);
    if (!request.resource.isEmpty())
        text += tr(" on %1").arg(request.resource);
    return text;
}

QStringList AuditFormatter::knownTypes()
{
    return {QStringLiteral("delegation.granted"), QStringLiteral("delegation.revoked"),
            QStringLiteral("delegation.expired"), QStringLiteral("delegation.completed"),
            QStringLiteral("decision.made"),      QStringLiteral("approval.requested"),
            QStringLiteral("approval.decided"),   QStringLiteral("approval.expired"),
            QStringLiteral("credential.issued"),  QStringLiteral("agent.registered"),
            QStringLiteral("agent.suspended"),    QStringLiteral("access.refused"),
            QStringLiteral("approval.cancelled"), QStringLiteral("agent.reinstated"),
            QStringLiteral("user.unlocked")};
}

QString AuditFormatter::typeText(const QString &type)
{
    static const QHash<QString, const char *> Names = {
        {QStringLiteral("delegation.granted"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Delegation granted")},
        {QStringLiteral("delegation.revoked"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Delegation revoked")},
        {QStringLiteral("delegation.expired"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Delegation expired")},
        {QStringLiteral("delegation.completed"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Task completed")},
        {QStringLiteral("decision.made"), QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Decision")},
        {QStringLiteral("approval.requested"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Approval requested")},
        {QStringLiteral("approval.decided"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Approval decided")},
        {QStringLiteral("approval.expired"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Approval expired")},
        {QStringLiteral("credential.issued"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Credential issued")},
        {QStringLiteral("agent.registered"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Agent registered")},
        {QStringLiteral("agent.suspended"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Agent suspended")},
        {QStringLiteral("access.refused"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Access refused")},
        {QStringLiteral("approval.cancelled"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Approval cancelled")},
        {QStringLiteral("agent.reinstated"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Agent reinstated")},
        {QStringLiteral("user.unlocked"),
         QT_TRANSLATE_NOOP("mandate::models::AuditFormatter", "Sign-in unlocked")}};
    const auto it = Names.constFind(type);
    return it == Names.cend() ? type : tr(*it);
}

QString AuditFormatter::actorText(const AuditEvent &event)
{
    // The name the server recorded with the event; older events fall back to the chain.
    if (!event.actorName.isEmpty())
        return event.actorName;
    switch (event.actorKind) {
    case AuditEvent::ActorKind::System:
        return tr("Mandate");
    case AuditEvent::ActorKind::Agent:
        return chainAgent(event).isEmpty() ? event.actorId : chainAgent(event);
    case AuditEvent::ActorKind::User:
        break;
    }
    for (const ChainLink &link : event.chain) {
        if (link.kind == ChainLink::Kind::Customer && link.id == event.actorId)
            return link.name;
    }
    return event.actorId;
}

QString AuditFormatter::summary(const AuditEvent &event)
{
    const client::AuditFacts facts = client::AuditFacts::of(event);
    const QString &reason = facts.reason;
    if (event.type == QLatin1String("decision.made")) {
        const QString &decision = facts.decision;
        const QString request = facts.request ? requestText(*facts.request) : QString();
        if (decision == QLatin1String("allow"))
            return tr("Allowed: %1 (%2)").arg(request, reason);
        if (decision == QLatin1String("deny"))
            return tr("Denied: %1 (%2)").arg(request, reason);
        return tr("A person must approve: %1 (%2)").arg(request, reason);
    }
    if (event.type == QLatin1String("access.refused"))
        return tr("Refused: %1 under delegation %2, which this agent does not hold")
            .arg(facts.request ? requestText(*facts.request) : tr("a request"), facts.requestedDelegationId);
    if (event.type == QLatin1String("delegation.granted")) {
        const QString customer = event.chain.isEmpty() ? QString() : event.chain.first().name;
        return facts.grantPurpose.isEmpty()
                   ? tr("%1 may act for %2").arg(chainAgent(event), customer)
                   : tr("%1 may act for %2: %3").arg(chainAgent(event), customer, facts.grantPurpose);
    }
    if (event.type == QLatin1String("approval.requested")) {
        const QString who =
            facts.routedTo == QLatin1String("customer") ? tr("the customer") : tr("the approvers");
        return facts.approvalSummary.isEmpty()
                   ? tr("Asked %1 to approve").arg(who)
                   : tr("Asked %1 to approve: %2").arg(who, facts.approvalSummary);
    }
    if (event.type == QLatin1String("approval.cancelled"))
        return tr("Cancelled: the delegation stopped being active (%1)").arg(facts.cause);
    if (event.type == QLatin1String("approval.decided") && !facts.decision.isEmpty())
        return (facts.decision == QLatin1String("approve") ? tr("Approved: %1") : tr("Denied: %1"))
            .arg(reason);
    if (!reason.isEmpty())
        return reason;
    QStringList fields;
    for (const auto &[key, value] : facts.plainFields)
        fields.append(key + QLatin1Char('=') + value);
    return fields.join(QStringLiteral(", "));
}

QString AuditFormatter::details(const AuditEvent &event)
{
    QStringList lines{
        tr("Event %1 at %2").arg(event.seq).arg(formatTimestamp(event.at)),
        tr("Type: %1 (%2)").arg(typeText(event.type), event.type),
        tr("Actor: %1 (%2 %3)")
            .arg(actorText(event), AuditEventCodec::actorKindToString(event.actorKind), event.actorId)};
    if (event.delegationId)
        lines.append(tr("Delegation: %1").arg(*event.delegationId));
    QStringList chain;
    for (const ChainLink &link : event.chain)
        chain.append(link.spiffeId.isEmpty()
                         ? link.name
                         : link.name + QStringLiteral(" <") + link.spiffeId + QLatin1Char('>'));
    if (!chain.isEmpty())
        lines.append(tr("Chain: %1").arg(chain.join(QStringLiteral(" → "))));
    lines.append(tr("Data: %1").arg(client::AuditFacts::of(event).dataText));
    lines.append(tr("Previous hash: %1").arg(event.prevHash));
    lines.append(tr("Hash: %1").arg(event.hash));
    return lines.join(QLatin1Char('\n'));
}

} // namespace mandate::models
