#include "core/ActionCatalog.h"

#include "core/JsonReader.h"

#include <QJsonValue>

#include <algorithm>
#include <vector>

namespace mandate {

namespace {

constexpr qsizetype MaxActionLength = 64;
constexpr qsizetype MaxLabelLength = 80;
constexpr qsizetype MaxDescriptionLength = 500;

bool isLowerAlpha(char16_t unit)
{
    return unit >= u'a' && unit <= u'z';
}

bool isActionNameChar(char16_t unit)
{
    return isLowerAlpha(unit) || (unit >= u'0' && unit <= u'9') || unit == u'_';
}

// One part of "domain.verb": a lowercase letter, then lowercase letters, digits or underscores.
bool isWellFormedActionPart(QStringView part)
{
    if (part.isEmpty() || !isLowerAlpha(part.front().unicode()))
        return false;
    return std::all_of(part.begin(), part.end(), [](QChar c) { return isActionNameChar(c.unicode()); });
}

// Levenshtein distance, two rows.
qsizetype editDistance(QStringView a, QStringView b)
{
    std::vector<qsizetype> previous(static_cast<size_t>(b.size()) + 1);
    std::vector<qsizetype> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<qsizetype>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype substitution =
                previous[static_cast<size_t>(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[static_cast<size_t>(j)] =
                std::min({previous[static_cast<size_t>(j)] + 1, current[static_cast<size_t>(j - 1)] + 1,
                          substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

QList<ActionDefinition> builtInActions()
{
    const auto action = [](const char *name, const char *label, bool movesValue,
                           std::optional<Sensitivity> sensitivity, const char *description) {
        return ActionDefinition{QString::fromLatin1(name), QString::fromLatin1(label), movesValue,
                                sensitivity, QString::fromLatin1(description)};
    };
    return {
        action("payments.initiate", "Payments", true, std::nullopt,
               "Start a payment from an account to a payee."),
        action("data.read", "Read data", false, Sensitivity::Internal, "Read records or documents."),
        action("data.export", "Data export", false, Sensitivity::Confidential,
               "Copy data out of the system, as a file or to another service."),
        action("records.update", "Update records", false, std::nullopt, "Change existing records."),
        action("records.delete", "Delete records", false, std::nullopt, "Delete records."),
        action("data.share_external", "External sharing", false, Sensitivity::Confidential,
               "Share data with someone outside the organisation."),
    };
}

} // namespace

ActionCatalog::ActionCatalog()
    : m_actions(builtInActions())
    , m_builtInCount(m_actions.size())
{}

const ActionCatalog &ActionCatalog::builtIn()
{
    static const ActionCatalog catalog;
    return catalog;
}

bool ActionCatalog::isWellFormed(QStringView action)
{
    if (action.size() > MaxActionLength)
        return false;
    const qsizetype dot = action.indexOf(u'.');
    if (dot < 0)
        return false;
    return isWellFormedActionPart(action.left(dot)) && isWellFormedActionPart(action.mid(dot + 1));
}

QString ActionCatalog::wellFormedRule()
{
    return QStringLiteral("must be an action name of the form domain.verb, such as payments.initiate");
}

bool ActionCatalog::add(ActionDefinition action)
{
    if (!isWellFormed(action.name) || isBuiltIn(action.name))
        return false;
    const auto existing =
        std::find_if(m_actions.begin(), m_actions.end(),
                     [&](const ActionDefinition &known) { return known.name == action.name; });
    if (existing != m_actions.end())
        *existing = std::move(action);
    else
        m_actions.append(std::move(action));
    return true;
}

QStringList ActionCatalog::names() const
{
    QStringList names;
    names.reserve(m_actions.size());
    for (const ActionDefinition &action : m_actions)
        names.append(action.name);
    return names;
}

const ActionDefinition *ActionCatalog::find(QStringView name) const
{
    for (const ActionDefinition &action : m_actions) {
        if (action.name == name)
            return &action;
    }
    return nullptr;
}

bool ActionCatalog::isBuiltIn(QStringView name) const
{
    for (qsizetype i = 0; i < m_builtInCount; ++i) {
        if (m_actions.at(i).name == name)
            return true;
    }
    return false;
}

bool ActionCatalog::movesValue(QStringView name) const
{
    const ActionDefinition *action = find(name);
    return action && action->movesValue;
}

QString ActionCatalog::labelOf(const QString &name) const
{
    const ActionDefinition *action = find(name);
    return action && !action->label.isEmpty() ? action->label : name;
}

QString ActionCatalog::nearest(QStringView name) const
{
    QString best;
    qsizetype bestDistance = 0;
    for (const ActionDefinition &action : m_actions) {
        const qsizetype distance = editDistance(name, action.name);
        if (best.isEmpty() || distance < bestDistance) {
            best = action.name;
            bestDistance = distance;
        }
    }
    // Further than half the name away it is another word, not a typo.
    return bestDistance * 2 <= std::max<qsizetype>(name.size(), 4) ? best : QString();
}

QString ActionCatalog::unknownMessage(QStringView name) const
{
    if (contains(name))
        return QString();
    if (!isWellFormed(name))
        return wellFormedRule();
    const QString suggestion = nearest(name);
    if (suggestion.isEmpty())
        return QStringLiteral("is not in the action catalog; an admin registers new actions");
    return QStringLiteral("is not in the action catalog; did you mean %1?").arg(suggestion);
}

QJsonObject ActionCatalog::toJson(const ActionDefinition &action)
{
    return {{QStringLiteral("name"), action.name},
            {QStringLiteral("label"), action.label},
            {QStringLiteral("moves_value"), action.movesValue},
            {QStringLiteral("default_sensitivity"),
             action.defaultSensitivity ? QJsonValue(sensitivityToString(*action.defaultSensitivity))
                                       : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("description"), action.description}};
}

Expected<ActionDefinition, FieldErrors> ActionCatalog::fromJson(const QJsonObject &json)
{
    QJsonObject body = json;
    const bool noSensitivity = body.value(QStringLiteral("default_sensitivity")).isNull();
    if (noSensitivity)
        body.remove(QStringLiteral("default_sensitivity"));
    FieldErrors errors;
    JsonReader reader(body, QString(), &errors);
    ActionDefinition action;
    if (const auto name = reader.requiredString(u"name", MaxActionLength + 1)) {
        if (isWellFormed(*name))
            action.name = *name;
        else
            reader.addError(u"name", wellFormedRule());
    }
    action.label = reader.requiredNonEmptyString(u"label", MaxLabelLength).value_or(QString()).trimmed();
    action.movesValue = reader.optionalBool(u"moves_value").value_or(false);
    action.defaultSensitivity = reader.optionalSensitivity(u"default_sensitivity");
    action.description =
        reader.optionalString(u"description", MaxDescriptionLength).value_or(QString()).trimmed();
    reader.finish();
    if (!errors.isEmpty())
        return unexpected(errors);
    return action;
}

} // namespace mandate
