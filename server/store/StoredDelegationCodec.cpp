#include "server/store/StoredDelegationCodec.h"

#include "core/CanonicalJsonWriter.h"
#include "core/DelegationCodec.h"
#include "core/Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mandate::server {

namespace {

std::optional<Money> moneyFromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const auto money = Money::of(o.value(QStringLiteral("amount_minor")).toInteger(-1),
                                 o.value(QStringLiteral("currency")).toString());
    return money ? std::optional<Money>(*money) : std::nullopt;
}

bool moneyListFromJson(const QJsonValue &value, QList<Money> &out)
{
    for (const QJsonValue &item : value.toArray()) {
        const std::optional<Money> money = moneyFromJson(item);
        if (!money)
            return false;
        out.append(*money);
    }
    return true;
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray StoredDelegationCodec::writePolicy(const Delegation &d)
{
    DelegationGrant grant;
    grant.agentId = d.agentId;
    grant.purpose = d.purpose;
    grant.expiresAt = d.expiresAt;
    grant.notBefore = d.notBefore;
    grant.scopes = d.scopes;
    grant.stepUp = d.stepUp;
    grant.dualControl = d.dualControl;
    grant.revokeOn = d.revokeOn;
    return compact(DelegationCodec::grantToJson(grant, DelegationCodec::GrantKind::Customer));
}

bool StoredDelegationCodec::readPolicy(const QByteArray &json, Delegation &d)
{
    const auto grant = DelegationCodec::grantFromJson(QJsonDocument::fromJson(json).object(),
                                                      DelegationCodec::GrantKind::Customer);
    if (!grant)
        return false;
    d.notBefore = grant->notBefore;
    d.scopes = grant->scopes;
    d.stepUp = grant->stepUp;
    d.dualControl = grant->dualControl;
    d.revokeOn = grant->revokeOn;
    return true;
}

QByteArray StoredDelegationCodec::writeChain(const Delegation &d)
{
    QJsonArray chain;
    for (const ChainLink &link : d.chain)
        chain.append(DelegationCodec::chainLinkToJson(link));
    return compact(chain);
}

bool StoredDelegationCodec::readChain(const QByteArray &json, Delegation &d)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray())
        return false;
    for (const QJsonValue &value : doc.array()) {
        const QJsonObject o = value.toObject();
        ChainLink link;
        link.kind = o.value(QStringLiteral("kind")).toString() == QStringLiteral("agent")
                        ? ChainLink::Kind::Agent
                        : ChainLink::Kind::Customer;
        link.id = o.value(QStringLiteral("id")).toString();
        link.name = o.value(QStringLiteral("name")).toString();
        link.spiffeId = o.value(QStringLiteral("spiffe_id")).toString();
        d.chain.append(link);
    }
    return true;
}

QByteArray StoredDelegationCodec::writeUsage(const Delegation &d)
{
    // Written on every decision: straight to bytes (canonical member order), no QJsonObject.
    const auto writeSpent = [](CanonicalJsonWriter &out, const QList<Money> &spent) {
        out.beginArray();
        for (const Money &money : spent) {
            out.beginObject();
            out.key(u"amount_minor");
            out.integer(money.amountMinor());
            out.key(u"currency");
            out.string(money.currency());
            out.endObject();
        }
        out.endArray();
    };
    CanonicalJsonWriter out;
    out.beginObject();
    out.key(u"last_used_at");
    if (d.usage.lastUsedAt)
        out.string(formatTimestamp(*d.usage.lastUsedAt));
    else
        out.null();
    out.key(u"scopes");
    out.beginArray();
    for (const ScopeUsage &usage : d.scopeUsage) {
        out.beginObject();
        out.key(u"spent");
        writeSpent(out, usage.spent);
        out.key(u"uses");
        out.integer(usage.uses);
        out.endObject();
    }
    out.endArray();
    out.key(u"spent");
    writeSpent(out, d.usage.spent);
    out.key(u"uses");
    out.integer(d.usage.uses);
    out.endObject();
    return out.take();
}

bool StoredDelegationCodec::readUsage(const QByteArray &json, Delegation &d)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    d.usage.uses = o.value(QStringLiteral("uses")).toInteger();
    if (!moneyListFromJson(o.value(QStringLiteral("spent")), d.usage.spent))
        return false;
    if (const QJsonValue last = o.value(QStringLiteral("last_used_at")); last.isString())
        d.usage.lastUsedAt = parseTimestamp(last.toString());
    d.scopeUsage.clear();
    for (const QJsonValue &value : o.value(QStringLiteral("scopes")).toArray()) {
        ScopeUsage usage;
        usage.uses = value.toObject().value(QStringLiteral("uses")).toInteger();
        if (!moneyListFromJson(value.toObject().value(QStringLiteral("spent")), usage.spent))
            return false;
        d.scopeUsage.append(usage);
    }
    // A delegation always carries one usage entry per scope, even before its first use.
    while (d.scopeUsage.size() < d.scopes.size())
        d.scopeUsage.append(ScopeUsage{});
    return true;
}

} // namespace mandate::server
