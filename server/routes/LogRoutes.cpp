#include "server/routes/LogRoutes.h"

#include "core/AuditReceipt.h"
#include "core/MerkleTree.h"
#include "core/StrictJson.h"
#include "server/domain/AccessPolicy.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/log/AuditLog.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

namespace {

// A tree-size or seq parameter: a whole number ≥ `min`; nothing when absent.
Expected<std::optional<qint64>, ApiResponse> count(const ApiRequest &request, const QString &name, qint64 min)
{
    const std::optional<QString> text = request.queryValue(name);
    if (!text)
        return std::optional<qint64>();
    bool ok = false;
    const qint64 value = text->toLongLong(&ok);
    if (!ok || value < min)
        return unexpected(
            Problem::validation({{name, QStringLiteral("must be a whole number ≥ %1").arg(min)}}));
    return std::optional<qint64>(value);
}

QJsonArray hexList(const QList<QByteArray> &hashes)
{
    QJsonArray out;
    for (const QByteArray &hash : hashes)
        out.append(QString::fromLatin1(hash.toHex()));
    return out;
}

ApiResponse notYetInCheckpoint()
{
    ApiResponse response = ApiResponse::json(
        202, {{QStringLiteral("status"), QStringLiteral("pending")},
              {QStringLiteral("detail"), QStringLiteral("The event is recorded and will be in a signed "
                                                        "checkpoint within a second; ask again.")}});
    response.headers.emplaceBack("Retry-After", "1");
    return response;
}

} // namespace

void LogRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/audit/checkpoint"), Router::Access::Public, this,
               &LogRoutes::checkpoint);
    router.add("GET", QStringLiteral("/v1/audit/proofs/inclusion"), Router::Access::UserOrAgent, this,
               &LogRoutes::inclusion);
    router.add("GET", QStringLiteral("/v1/audit/proofs/consistency"), Router::Access::Public, this,
               &LogRoutes::consistency);
    router.add("GET", QStringLiteral("/v1/decisions/{id}/receipt"), Router::Access::UserOrAgent, this,
               &LogRoutes::decisionReceipt);
    router.add("GET", QStringLiteral("/v1/delegations/{id}/receipt"), Router::Access::UserOrAgent, this,
               &LogRoutes::delegationReceipt);
}

void LogRoutes::checkpoint(ApiRequest &, const Responder &respond)
{
    const auto stored = m_store.log().checkpoint();
    if (!stored) {
        respond(Problem::unavailable(QStringLiteral("The log has not signed its first checkpoint yet.")));
        return;
    }
    respond(ApiResponse::json(
        200, {{QStringLiteral("tree_size"), stored->treeSize},
              {QStringLiteral("root_hash"), QString::fromLatin1(stored->rootHash.toBase64())},
              {QStringLiteral("checkpoint"), QString::fromUtf8(stored->note)},
              {QStringLiteral("verifier_key"), m_log.signer().verifierKey().toString()}}));
}

void LogRoutes::inclusion(ApiRequest &request, const Responder &respond)
{
    const auto seq = count(request, QStringLiteral("seq"), 1);
    const auto size = seq ? count(request, QStringLiteral("tree_size"), 1) : seq;
    if (!seq || !size) {
        respond(!seq ? seq.error() : size.error());
        return;
    }
    if (!*seq) {
        respond(Problem::validation({{QStringLiteral("seq"), QStringLiteral("is required")}}));
        return;
    }
    const auto stored = m_store.log().checkpoint();
    const qint64 current = stored ? stored->treeSize : 0;
    const qint64 treeSize = size->value_or(current);
    if (treeSize > current) {
        respond(Problem::validation(
            {{QStringLiteral("tree_size"),
              QStringLiteral("is beyond the newest checkpoint (%1 events)").arg(current)}}));
        return;
    }
    if (**seq > treeSize) {
        respond(Problem::validation(
            {{size->has_value() ? QStringLiteral("tree_size") : QStringLiteral("seq"),
              QStringLiteral("seq %1 is not inside a tree of %2 events").arg(**seq).arg(treeSize)}}));
        return;
    }
    const qint64 leafIndex = **seq - 1;
    const auto subtrees = [this](int level, qint64 index) {
        return m_store.log().subtree(level, index);
    };
    const auto proof = MerkleTree::inclusionProof(leafIndex, treeSize, subtrees);
    const auto leaf = m_store.log().subtree(0, leafIndex);
    if (!proof || !leaf) {
        respond(Problem::internal());
        return;
    }
    respond(ApiResponse::json(200, {{QStringLiteral("leaf_index"), leafIndex},
                                    {QStringLiteral("tree_size"), treeSize},
                                    {QStringLiteral("leaf_hash"), QString::fromLatin1(leaf->toHex())},
                                    {QStringLiteral("audit_path"), hexList(*proof)}}));
}

void LogRoutes::consistency(ApiRequest &request, const Responder &respond)
{
    const auto from = count(request, QStringLiteral("from"), 1);
    const auto to = from ? count(request, QStringLiteral("to"), 1) : from;
    if (!from || !to) {
        respond(!from ? from.error() : to.error());
        return;
    }
    const auto stored = m_store.log().checkpoint();
    const qint64 current = stored ? stored->treeSize : 0;
    const qint64 newer = to->value_or(current);
    if (!*from) {
        respond(Problem::validation({{QStringLiteral("from"), QStringLiteral("is required")}}));
        return;
    }
    if (newer > current) {
        respond(Problem::validation(
            {{QStringLiteral("to"),
              QStringLiteral("is beyond the newest checkpoint (%1 events)").arg(current)}}));
        return;
    }
    if (**from > newer) {
        respond(Problem::validation(
            {{QStringLiteral("from"), QStringLiteral("must not be greater than to (%1)").arg(newer)}}));
        return;
    }
    const auto subtrees = [this](int level, qint64 index) {
        return m_store.log().subtree(level, index);
    };
    const auto proof = MerkleTree::consistencyProof(**from, newer, subtrees);
    if (!proof) {
        respond(Problem::internal());
        return;
    }
    respond(ApiResponse::json(200, {{QStringLiteral("from"), **from},
                                    {QStringLiteral("to"), newer},
                                    {QStringLiteral("proof"), hexList(*proof)}}));
}

ApiResponse LogRoutes::receiptFor(const AuditRepository::Stored &event)
{
    const auto stored = m_store.log().checkpoint();
    if (!stored || stored->treeSize < event.seq)
        return notYetInCheckpoint();
    Expected<QJsonObject, StrictJson::ParseError> json = StrictJson::parseObject(event.event);
    const auto subtrees = [this](int level, qint64 index) {
        return m_store.log().subtree(level, index);
    };
    const auto proof = MerkleTree::inclusionProof(event.seq - 1, stored->treeSize, subtrees);
    const auto leaf = m_store.log().subtree(0, event.seq - 1);
    if (!json || !proof || !leaf)
        return Problem::internal();
    AuditReceipt receipt;
    receipt.event = *json;
    receipt.leafIndex = event.seq - 1;
    receipt.treeSize = stored->treeSize;
    receipt.leafHash = *leaf;
    receipt.auditPath = *proof;
    receipt.checkpoint = stored->note;
    receipt.verifierKey = m_log.signer().verifierKey().toString();
    return ApiResponse::json(200, receipt.toJson());
}

void LogRoutes::delegationReceipt(ApiRequest &request, const Responder &respond)
{
    const QString id = request.param(0);
    const std::optional<Delegation> delegation = m_store.delegations().find(id);
    const bool visible = delegation && (request.principal.kind == Principal::Kind::Agent
                                            ? AccessPolicy::agentHolds(request.principal, *delegation)
                                            : AccessPolicy::canSeeDelegation(request.principal, *delegation));
    if (!visible) {
        respond(Problem::noSuch(u"delegation", id));
        return;
    }
    const QString granted = QStringLiteral("delegation.granted");
    // The inbox before the log (see decisionReceipt).
    if (m_store.log().waiting(QStringLiteral("delegation_id"), id, granted)) {
        respond(notYetInCheckpoint());
        return;
    }
    const auto event = m_store.audit().first(QStringLiteral("delegation_id"), id, granted);
    respond(event
                ? receiptFor(*event)
                : Problem::notFound(QStringLiteral("The grant of delegation %1 is not in the log.").arg(id)));
}

void LogRoutes::decisionReceipt(ApiRequest &request, const Responder &respond)
{
    const QString id = request.param(0);
    const QString column = QStringLiteral("decision_id");
    // The inbox before the log: an event only ever moves from the one to the other, and each read
    // sees the newest commit (PostgreSQL), so one that moved between the reads is still found.
    const std::optional<AuditLogRepository::Recorded> waiting = m_store.log().waiting(column, id);
    const std::optional<AuditRepository::Stored> sequenced =
        waiting ? std::nullopt : m_store.audit().first(column, id);
    Expected<QJsonObject, StrictJson::ParseError> json =
        StrictJson::parseObject(sequenced ? sequenced->event
                                : waiting ? waiting->event
                                          : QByteArray("null"));
    bool visible = false;
    if (json && request.principal.kind == Principal::Kind::Agent) {
        const QJsonObject actor = json->value(QStringLiteral("actor")).toObject();
        visible = actor.value(QStringLiteral("kind")).toString() == u"agent" &&
                  actor.value(QStringLiteral("id")).toString() == request.principal.id;
    } else if (json) {
        const auto delegation =
            m_store.delegations().find(json->value(QStringLiteral("delegation_id")).toString());
        visible = delegation && AccessPolicy::canSeeDelegation(request.principal, *delegation);
    }
    if (!visible) {
        respond(Problem::noSuch(u"decision", id));
        return;
    }
    respond(sequenced ? receiptFor(*sequenced) : notYetInCheckpoint());
}

} // namespace mandate::server
