#include "agent/SubDelegationDraft.h"

#include "core/DelegationCodec.h"
#include "core/Timestamp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace mandate::agent {

Expected<DelegationGrant, QString> SubDelegationDraft::fromFile(const QString &path,
                                                                const QString &toSpiffeId,
                                                                const QString &purpose,
                                                                const QDateTime &expiresAt)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1024 * 1024));
    QJsonObject body{{QStringLiteral("agent_spiffe_id"), toSpiffeId},
                     {QStringLiteral("purpose"), purpose},
                     {QStringLiteral("expires_at"), formatTimestamp(expiresAt)},
                     {QStringLiteral("revoke_on"), QJsonObject{{QStringLiteral("task_complete"), true}}}};
    if (document.isArray()) {
        body.insert(QStringLiteral("scopes"), document.array());
    } else if (document.isObject()) {
        const QJsonObject fields = document.object();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
    } else {
        return unexpected(QStringLiteral("%1 holds neither a JSON array of scopes nor an object.").arg(path));
    }
    // The server's reader names a typo by its field path before anything is sent.
    const auto grant = DelegationCodec::grantFromJson(body, DelegationCodec::GrantKind::SubDelegation);
    if (!grant) {
        QStringList problems;
        for (const FieldError &e : grant.error())
            problems.append(e.field + QStringLiteral(": ") + e.message);
        return unexpected(problems.join(QStringLiteral("; ")));
    }
    return *grant;
}

Expected<DelegationGrant, QString> SubDelegationDraft::fromParent(const Delegation &parent,
                                                                  const QString &toSpiffeId,
                                                                  const QString &purpose,
                                                                  const QDateTime &expiresAt)
{
    // MandateApi read the parent with the codec: one that does not follow the contract fails there.
    DelegationGrant grant;
    grant.agentSpiffeId = toSpiffeId;
    grant.purpose = purpose;
    grant.expiresAt = qMin(expiresAt, parent.expiresAt);
    grant.scopes = parent.scopes;
    grant.stepUp = parent.stepUp;
    grant.dualControl = parent.dualControl;
    grant.revokeOn = parent.revokeOn;
    return grant;
}

} // namespace mandate::agent
