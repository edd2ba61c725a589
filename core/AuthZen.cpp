#include "core/AuthZen.h"

#include <QJsonArray>

namespace mandate::authzen {

namespace {

constexpr int MaxEvaluations = 100;

// Reads member `key` of `object` as an object; an error when absent (if required) or not an object.
Expected<std::optional<QJsonObject>, QString> objectMember(const QJsonObject &object, const QString &key,
                                                           const QString &path, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            return unexpected(QStringLiteral("%1 is required").arg(path));
        return std::optional<QJsonObject>();
    }
    if (!value.isObject())
        return unexpected(QStringLiteral("%1 must be an object").arg(path));
    return std::optional<QJsonObject>(value.toObject());
}

Expected<QString, QString> stringMember(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return unexpected(QStringLiteral("%1 is required").arg(path));
    if (!value.isString())
        return unexpected(QStringLiteral("%1 must be a string").arg(path));
    if (value.toString().isEmpty())
        return unexpected(QStringLiteral("%1 must not be empty").arg(path));
    return value.toString();
}

Expected<QJsonObject, QString> properties(const QJsonObject &object, const QString &path)
{
    auto member =
        objectMember(object, QStringLiteral("properties"), path + QStringLiteral(".properties"), false);
    if (!member)
        return unexpected(member.error());
    return member->value_or(QJsonObject());
}

Expected<Entity, QString> entity(const QJsonObject &json, const QString &path, bool idRequired)
{
    Entity entity;
    auto type = stringMember(json, QStringLiteral("type"), path + QStringLiteral(".type"));
    if (!type)
        return unexpected(type.error());
    entity.type = *type;
    if (idRequired || json.contains(QStringLiteral("id"))) {
        auto id = stringMember(json, QStringLiteral("id"), path + QStringLiteral(".id"));
        if (!id)
            return unexpected(id.error());
        entity.id = *id;
    }
    auto props = properties(json, path);
    if (!props)
        return unexpected(props.error());
    entity.properties = *props;
    return entity;
}

Expected<Action, QString> action(const QJsonObject &json, const QString &path)
{
    auto name = stringMember(json, QStringLiteral("name"), path + QStringLiteral(".name"));
    if (!name)
        return unexpected(name.error());
    auto props = properties(json, path);
    if (!props)
        return unexpected(props.error());
    return Action{*name, *props};
}

// One evaluation from `item`, falling back to `defaults` member by member.
Expected<Evaluation, QString> evaluation(const QJsonObject &item, const QJsonObject &defaults,
                                         const QString &path)
{
    const auto pick = [&](const QString &key) -> Expected<std::optional<QJsonObject>, QString> {
        if (item.contains(key))
            return objectMember(item, key, path + key, true);
        return objectMember(defaults, key, key, false);
    };
    Evaluation result;
    for (const QString &key :
         {QStringLiteral("subject"), QStringLiteral("action"), QStringLiteral("resource")}) {
        auto member = pick(key);
        if (!member)
            return unexpected(member.error());
        if (!*member)
            return unexpected(QStringLiteral("%1%2 is required").arg(path, key));
        const QString at = item.contains(key) ? path + key : key;
        if (key == u"action") {
            auto parsed = action(**member, at);
            if (!parsed)
                return unexpected(parsed.error());
            result.action = *parsed;
        } else {
            auto parsed = entity(**member, at, true);
            if (!parsed)
                return unexpected(parsed.error());
            (key == u"subject" ? result.subject : result.resource) = *parsed;
        }
    }
    auto context = pick(QStringLiteral("context"));
    if (!context)
        return unexpected(context.error());
    result.context = context->value_or(QJsonObject());
    return result;
}

Expected<Search, QString> search(const QJsonObject &body, bool wantsAction)
{
    Search request;
    auto subject = objectMember(body, QStringLiteral("subject"), QStringLiteral("subject"), true);
    if (!subject)
        return unexpected(subject.error());
    auto parsedSubject = entity(**subject, QStringLiteral("subject"), true);
    if (!parsedSubject)
        return unexpected(parsedSubject.error());
    request.subject = *parsedSubject;
    auto resource = objectMember(body, QStringLiteral("resource"), QStringLiteral("resource"), true);
    if (!resource)
        return unexpected(resource.error());
    // An action search names the resource; a resource search names only its type.
    auto parsedResource = entity(**resource, QStringLiteral("resource"), wantsAction);
    if (!parsedResource)
        return unexpected(parsedResource.error());
    request.resource = *parsedResource;
    if (!wantsAction) {
        auto actionMember = objectMember(body, QStringLiteral("action"), QStringLiteral("action"), true);
        if (!actionMember)
            return unexpected(actionMember.error());
        auto parsedAction = action(**actionMember, QStringLiteral("action"));
        if (!parsedAction)
            return unexpected(parsedAction.error());
        request.action = *parsedAction;
    }
    auto context = objectMember(body, QStringLiteral("context"), QStringLiteral("context"), false);
    if (!context)
        return unexpected(context.error());
    request.context = context->value_or(QJsonObject());
    auto page = objectMember(body, QStringLiteral("page"), QStringLiteral("page"), false);
    if (!page)
        return unexpected(page.error());
    if (*page) {
        const QJsonValue token = (*page)->value(QStringLiteral("token"));
        if (!token.isUndefined() && !token.isString())
            return unexpected(QStringLiteral("page.token must be a string"));
        request.pageToken = token.toString();
        const QJsonValue limit = (*page)->value(QStringLiteral("limit"));
        if (!limit.isUndefined()) {
            if (!limit.isDouble() || limit.toDouble() < 0 || limit.toDouble() != double(limit.toInt()))
                return unexpected(QStringLiteral("page.limit must be a non-negative integer"));
            request.pageLimit = limit.toInt();
        }
    }
    return request;
}

} // namespace

QJsonObject Entity::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), type}};
    if (!id.isEmpty())
        json.insert(QStringLiteral("id"), id);
    if (!properties.isEmpty())
        json.insert(QStringLiteral("properties"), properties);
    return json;
}

QJsonObject Action::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name}};
    if (!properties.isEmpty())
        json.insert(QStringLiteral("properties"), properties);
    return json;
}

QJsonObject Evaluation::toJson() const
{
    QJsonObject json{{QStringLiteral("subject"), subject.toJson()},
                     {QStringLiteral("action"), action.toJson()},
                     {QStringLiteral("resource"), resource.toJson()}};
    if (!context.isEmpty())
        json.insert(QStringLiteral("context"), context);
    return json;
}

QJsonObject Decision::toJson() const
{
    QJsonObject json{{QStringLiteral("decision"), decision}};
    if (!context.isEmpty())
        json.insert(QStringLiteral("context"), context);
    return json;
}

Expected<Decision, QString> Decision::fromJson(const QJsonObject &json)
{
    const QJsonValue decision = json.value(QStringLiteral("decision"));
    if (!decision.isBool())
        return unexpected(QStringLiteral("decision must be a boolean"));
    const QJsonValue context = json.value(QStringLiteral("context"));
    if (!context.isUndefined() && !context.isObject())
        return unexpected(QStringLiteral("context must be an object"));
    return Decision{decision.toBool(), context.toObject()};
}

Expected<Evaluation, QString> parseEvaluation(const QJsonObject &body)
{
    return evaluation(body, QJsonObject(), QString());
}

Expected<Evaluations, QString> parseEvaluations(const QJsonObject &body)
{
    Evaluations result;
    const QJsonValue items = body.value(QStringLiteral("evaluations"));
    if (!items.isUndefined() && !items.isArray())
        return unexpected(QStringLiteral("evaluations must be an array"));
    if (items.toArray().isEmpty()) {
        auto single = parseEvaluation(body);
        if (!single)
            return unexpected(single.error());
        result.items.append(*single);
        result.itemErrors.append(QString());
        return result;
    }
    if (items.toArray().size() > MaxEvaluations)
        return unexpected(QStringLiteral("evaluations may hold at most %1 items").arg(MaxEvaluations));
    result.batch = true;
    auto options = objectMember(body, QStringLiteral("options"), QStringLiteral("options"), false);
    if (!options)
        return unexpected(options.error());
    if (*options) {
        const QJsonValue semantic = (*options)->value(QStringLiteral("evaluations_semantic"));
        if (semantic == QJsonValue(QStringLiteral("deny_on_first_deny")))
            result.semantic = Semantic::DenyOnFirstDeny;
        else if (semantic == QJsonValue(QStringLiteral("permit_on_first_permit")))
            result.semantic = Semantic::PermitOnFirstPermit;
        else if (!semantic.isUndefined() && semantic != QJsonValue(QStringLiteral("execute_all")))
            return unexpected(
                QStringLiteral("options.evaluations_semantic must be execute_all, deny_on_first_deny "
                               "or permit_on_first_permit"));
    }
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("evaluations[%1].").arg(i);
        auto item = array.at(i).isObject() ? evaluation(array.at(i).toObject(), body, path)
                                           : Expected<Evaluation, QString>(unexpected(
                                                 QStringLiteral("evaluations[%1] must be an object").arg(i)));
        result.items.append(item ? *item : Evaluation{});
        result.itemErrors.append(item ? QString() : item.error());
    }
    return result;
}

Expected<Search, QString> parseActionSearch(const QJsonObject &body)
{
    return search(body, true);
}

Expected<Search, QString> parseResourceSearch(const QJsonObject &body)
{
    return search(body, false);
}

} // namespace mandate::authzen
