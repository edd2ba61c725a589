#include "server/ssf/SignalCause.h"

#include "server/auth/SecureRandom.h"

namespace mandate::server {

namespace {

QString actorName(const Principal &actor)
{
    if (actor.kind == Principal::Kind::Anonymous)
        return QStringLiteral("the system");
    return actor.name.isEmpty() ? actor.id : QStringLiteral("%1 (%2)").arg(actor.name, actor.id);
}

QString withReason(const QString &what, const QString &reason)
{
    return reason.trimmed().isEmpty() ? what + u'.' : QStringLiteral("%1: %2").arg(what, reason.trimmed());
}

} // namespace

SignalCause SignalCause::delegationEnded(const Principal &actor, const QString &cause, const QString &reason,
                                         const QDateTime &at)
{
    SignalCause signal;
    signal.txn = SecureRandom::id(u"txn_");
    signal.at = at;
    if (cause == u"expired") {
        signal.initiatingEntity = QStringLiteral("system");
        signal.reasonAdmin = withReason(QStringLiteral("The delegation expired"), reason);
        signal.reasonUser = QStringLiteral("The authority given to this agent has expired.");
    } else if (cause == u"context_changed") {
        // The delegation's own revocation trigger fired: a rule the customer set, not a person.
        signal.initiatingEntity = QStringLiteral("policy");
        signal.reasonAdmin =
            QStringLiteral("The delegation was revoked because the agent's context changed.");
        signal.reasonUser = QStringLiteral("The authority given to this agent was revoked.");
    } else if (cause == u"completed" || cause == u"parent_completed") {
        signal.initiatingEntity = QStringLiteral("policy");
        signal.reasonAdmin = cause == u"completed"
                                 ? QStringLiteral("The delegation's task is complete.")
                                 : QStringLiteral("The delegation it derives from completed its task.");
        signal.reasonUser = QStringLiteral("The agent's task is complete.");
    } else if (cause == u"agent_suspended") {
        signal.initiatingEntity = QStringLiteral("admin");
        signal.reasonAdmin =
            withReason(QStringLiteral("The agent was suspended by %1").arg(actorName(actor)), reason);
        signal.reasonUser = QStringLiteral("The agent was suspended.");
    } else {
        // A person revoked it: the customer who granted it, or staff acting on it.
        signal.initiatingEntity =
            actor.isUser() && !actor.isStaff() ? QStringLiteral("user") : QStringLiteral("admin");
        signal.reasonAdmin =
            withReason(QStringLiteral("The delegation was revoked by %1").arg(actorName(actor)), reason);
        signal.reasonUser = QStringLiteral("The authority given to this agent was revoked.");
    }
    return signal;
}

} // namespace mandate::server
