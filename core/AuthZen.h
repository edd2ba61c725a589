#pragma once

#include "core/Expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mandate {

// The OpenID AuthZEN Authorization API 1.0 wire forms, shared by Mandate as a PDP (the
// /access/v1 routes), Mandate as a client of the organisation's PDP, and mandate-agent.
// Readers follow the 1.0 text: required members must be there with their JSON types, unknown
// members are ignored, and an error is one sentence for the {"error": …} body of a 400.
namespace authzen {

// A Subject or a Resource: type and id required, properties optional.
struct Entity
{
    QString type;
    QString id;
    QJsonObject properties;

    QJsonObject toJson() const;
};

struct Action
{
    QString name;
    QJsonObject properties;

    QJsonObject toJson() const;
};

struct Evaluation
{
    Entity subject;
    Action action;
    Entity resource;
    QJsonObject context;

    QJsonObject toJson() const;
};

enum class Semantic
{
    ExecuteAll,
    DenyOnFirstDeny,
    PermitOnFirstPermit,
};

struct Evaluations
{
    QList<Evaluation> items;   // defaults already merged
    QList<QString> itemErrors; // aligned with items: why an item is malformed (it is then denied), or empty
    Semantic semantic = Semantic::ExecuteAll;
    bool batch = false; // false: no "evaluations" member, answered as a single evaluation
};

struct Decision
{
    bool decision = false;
    QJsonObject context;

    QJsonObject toJson() const;
    // A PDP's answer: `decision` must be a boolean; `context`, when present, an object.
    static Expected<Decision, QString> fromJson(const QJsonObject &json);
};

// POST /access/v1/evaluation.
Expected<Evaluation, QString> parseEvaluation(const QJsonObject &body);
// POST /access/v1/evaluations: top-level subject, action, resource and context are defaults that
// an item's own members replace whole. A malformed item does not fail the batch: it is denied with
// its error (AuthZEN 1.0 §7.2.1 and the certification scenario's c-3-4-1). Without items, or with
// none, the body is a single evaluation.
Expected<Evaluations, QString> parseEvaluations(const QJsonObject &body);

// A search request: the entity being searched for may lack its id (resource search) or be absent
// (action search); `page.token` resumes.
struct Search
{
    Entity subject;
    std::optional<Action> action;
    Entity resource; // for a resource search only its type is required
    QJsonObject context;
    QString pageToken;
    std::optional<int> pageLimit;
};
Expected<Search, QString> parseActionSearch(const QJsonObject &body);
Expected<Search, QString> parseResourceSearch(const QJsonObject &body);

} // namespace authzen
} // namespace mandate
