#include "server/routes/AuditRoutes.h"

#include "core/AuditEventCodec.h"
#include "core/Money.h"
#include "core/Timestamp.h"
#include "server/domain/AccessPolicy.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/log/AuditLog.h"
#include "server/log/LogVerification.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace mandate::server {

namespace {

constexpr int DefaultAuditPage = 100;
constexpr int ExportPage = 500;

QByteArray csvCell(const QString &value)
{
    QString cell = value;
    // Spreadsheets execute cells that start like a formula; an investigator's export must not.
    if (!cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
        cell.prepend(u'\'');
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r'))
        cell = u'"' + cell.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return cell.toUtf8();
}

// One plain sentence per event, for people reading the export in a spreadsheet: who did what, in
// words, so nobody has to read JSON in a cell. The data column keeps every detail.
QString auditCsvSentence(const QJsonObject &event)
{
    const QJsonObject actor = event.value(QStringLiteral("actor")).toObject();
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    const QJsonArray chain = event.value(QStringLiteral("chain")).toArray();
    QString who = actor.value(QStringLiteral("name")).toString();
    if (who.isEmpty())
        who = actor.value(QStringLiteral("kind")).toString() == u"system"
                  ? QStringLiteral("Mandate")
                  : actor.value(QStringLiteral("id")).toString();
    const QString agent =
        chain.isEmpty() ? QString() : chain.last().toObject().value(QStringLiteral("name")).toString();
    const QString customer =
        chain.isEmpty() ? QString() : chain.first().toObject().value(QStringLiteral("name")).toString();
    const QString type = event.value(QStringLiteral("type")).toString();
    const QString reason = data.value(QStringLiteral("reason")).toString();
    QString sentence;
    if (type == u"decision.made") {
        const QJsonObject asked = data.value(QStringLiteral("request")).toObject();
        const QJsonObject amount = asked.value(QStringLiteral("amount")).toObject();
        QString what = asked.value(QStringLiteral("action")).toString();
        if (const auto money = Money::of(amount.value(QStringLiteral("amount_minor")).toInteger(),
                                         amount.value(QStringLiteral("currency")).toString()))
            what += u' ' + money->toDisplayString();
        if (const QString to = asked.value(QStringLiteral("destination")).toString(); !to.isEmpty())
            what += QStringLiteral(" to ") + to;
        sentence = QStringLiteral("%1 asked for %2: %3 (%4).")
                       .arg(who, what, data.value(QStringLiteral("decision")).toString(), reason);
    } else if (type == u"delegation.granted") {
        sentence = QStringLiteral("%1 let %2 act for %3.").arg(who, agent, customer);
    } else if (reason.isEmpty()) {
        sentence = QStringLiteral("%1: %2.").arg(who, type);
    } else {
        sentence = QStringLiteral("%1: %2, %3.").arg(who, type, reason);
    }
    return sentence.simplified();
}

QByteArray csvRow(const QJsonObject &event)
{
    const auto compact = [](const QJsonValue &value) {
        return value.isArray()
                   ? QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
                   : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    };
    const QJsonObject actor = event.value(QStringLiteral("actor")).toObject();
    const QList<QByteArray> cells{
        QByteArray::number(event.value(QStringLiteral("seq")).toInteger()),
        csvCell(event.value(QStringLiteral("at")).toString()),
        csvCell(event.value(QStringLiteral("type")).toString()),
        csvCell(actor.value(QStringLiteral("kind")).toString()),
        csvCell(actor.value(QStringLiteral("id")).toString()),
        csvCell(actor.value(QStringLiteral("name")).toString()),
        csvCell(event.value(QStringLiteral("delegation_id")).toString()),
        csvCell(auditCsvSentence(event)),
        csvCell(compact(event.value(QStringLiteral("chain")))),
        csvCell(compact(event.value(QStringLiteral("data")))),
        csvCell(event.value(QStringLiteral("prev_hash")).toString()),
        csvCell(event.value(QStringLiteral("hash")).toString()),
    };
    return cells.join(',') + "\r\n";
}

} // namespace

void AuditRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/audit"), Router::Access::User, this, &AuditRoutes::list);
    router.add("GET", QStringLiteral("/v1/audit/verify"), Router::Access::User, this, &AuditRoutes::verify);
    router.add("GET", QStringLiteral("/v1/audit/export"), Router::Access::User, this,
               &AuditRoutes::exportTrail);
}

Expected<std::optional<AuditRepository::Filter>, ApiResponse>
AuditRoutes::filterFor(const ApiRequest &request) const
{
    AuditRepository::Filter filter;
    for (const auto &[name, field] :
         {std::pair{QStringLiteral("delegation_id"), &filter.delegationId},
          std::pair{QStringLiteral("agent_id"), &filter.agentId},
          std::pair{QStringLiteral("customer_id"), &filter.customerId},
          std::pair{QStringLiteral("type"), &filter.type}, std::pair{QStringLiteral("q"), &filter.text}}) {
        const auto value = RequestParsing::text(request, name);
        if (!value)
            return unexpected(value.error());
        *field = *value;
    }
    if (const auto after = request.queryValue(QStringLiteral("after_seq"))) {
        bool ok = false;
        filter.afterSeq = after->toLongLong(&ok);
        if (!ok || filter.afterSeq < 0)
            return unexpected(Problem::validation(
                {{QStringLiteral("after_seq"), QStringLiteral("must be a whole number ≥ 0")}}));
    }
    switch (AccessPolicy::auditTrail(request.principal)) {
    case AccessPolicy::Visibility::None:
        return unexpected(Problem::forbidden(
            QStringLiteral("Only customers (their own trail) and support staff read the audit trail.")));
    case AccessPolicy::Visibility::OwnAsCustomer:
        if (filter.customerId && *filter.customerId != request.principal.id)
            return std::optional<AuditRepository::Filter>();
        filter.customerId = request.principal.id;
        break;
    case AccessPolicy::Visibility::All:
        break;
    }
    return std::optional<AuditRepository::Filter>(filter);
}

void AuditRoutes::list(ApiRequest &request, const Responder &respond)
{
    auto filter = filterFor(request);
    if (!filter) {
        respond(filter.error());
        return;
    }
    int limit = DefaultAuditPage;
    if (const auto text = request.queryValue(QStringLiteral("limit"))) {
        bool ok = false;
        limit = text->toInt(&ok);
        if (!ok || limit < 1 || limit > RequestParsing::MaxPageSize) {
            respond(Problem::validation(
                {{QStringLiteral("limit"), QStringLiteral("must be a whole number from 1 to 500")}}));
            return;
        }
    }
    // Whoever just caused an event expects to find it: list once it has its place in the log.
    m_log.whenCurrent([this, filter = *filter, limit, respond] {
        QJsonArray items;
        QJsonValue next = QJsonValue::Null;
        if (filter) {
            AuditRepository::Filter page = *filter;
            page.limit = limit;
            const auto rows = m_store.audit().list(page);
            if (!rows) {
                respond(Problem::internal());
                return;
            }
            for (const AuditRepository::Row &row : *rows) {
                if (!row.event) {
                    respond(Problem::make(
                        500, QStringLiteral("internal"), QStringLiteral("Audit trail damaged"),
                        QStringLiteral("Audit event %1 can no longer be read; run /v1/audit/verify.")
                            .arg(row.seq)));
                    return;
                }
                items.append(AuditEventCodec::toJson(*row.event));
            }
            if (rows->size() == limit)
                next = QString::number(rows->last().seq);
        }
        respond(ApiResponse::json(200,
                                  {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}}));
    });
}

void AuditRoutes::verify(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canVerifyAudit(request.principal)) {
        respond(Problem::forbidden(
            QStringLiteral("Only support staff and administrators verify the whole audit chain.")));
        return;
    }
    m_log.whenCurrent([this, respond] {
        const std::optional<LogVerification::Result> result =
            LogVerification::run(m_store, m_log.signer().verifierKey());
        if (!result) {
            respond(Problem::internal());
            return;
        }
        QJsonObject body{{QStringLiteral("ok"), result->ok},
                         {QStringLiteral("events"), result->events},
                         {QStringLiteral("tree_size"), result->treeSize},
                         {QStringLiteral("root_hash"), QString::fromLatin1(result->rootHash.toBase64())}};
        if (result->firstBadSeq)
            body.insert(QStringLiteral("first_bad_seq"), *result->firstBadSeq);
        if (!result->ok)
            body.insert(QStringLiteral("reason"), result->reason);
        respond(ApiResponse::json(200, body));
    });
}

void AuditRoutes::exportTrail(ApiRequest &request, const Responder &respond)
{
    const QString format = request.queryValue(QStringLiteral("format")).value_or(QStringLiteral("jsonl"));
    if (format != QStringLiteral("jsonl") && format != QStringLiteral("csv")) {
        respond(Problem::validation({{QStringLiteral("format"), QStringLiteral("must be jsonl or csv")}}));
        return;
    }
    auto filter = filterFor(request);
    if (!filter) {
        respond(filter.error());
        return;
    }
    const bool csv = format == QStringLiteral("csv");
    ApiResponse response =
        ApiResponse::text(200, csv ? "text/csv; charset=utf-8" : "application/x-ndjson", {});
    response.headers.emplaceBack("Content-Disposition", csv ? "attachment; filename=\"mandate-audit.csv\""
                                                            : "attachment; filename=\"mandate-audit.jsonl\"");
    struct State
    {
        std::optional<AuditRepository::Filter> filter;
        bool headerSent = false;
        bool finished = false;
    };
    auto state = std::make_shared<State>(State{*filter, false, !filter->has_value()});
    response.stream = [store = &m_store, state, csv]() -> QByteArray {
        QByteArray piece;
        if (csv && !state->headerSent) {
            state->headerSent = true;
            piece = "seq,at,type,actor_kind,actor_id,actor_name,delegation_id,summary,chain,data,prev_hash,"
                    "hash\r\n";
        }
        // Loop so that a page of unreadable rows does not end the body early.
        while (piece.isEmpty() && !state->finished) {
            state->filter->limit = ExportPage;
            const auto rows = store->audit().list(*state->filter);
            if (!rows || rows->size() < ExportPage)
                state->finished = true;
            if (!rows)
                break;
            for (const AuditRepository::Row &row : *rows) {
                if (!row.event)
                    continue; // verification names damaged events; an export carries what still reads
                const QJsonObject json = AuditEventCodec::toJson(*row.event);
                piece += csv ? csvRow(json) : QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
            }
            if (!rows->isEmpty())
                state->filter->afterSeq = rows->last().seq;
        }
        return piece;
    };
    respond(response);
}

} // namespace mandate::server
