#include "ui/wizard/ScopeDraft.h"

#include "core/ActionCatalog.h"
#include "core/Currency.h"
#include "ui/wizard/MoneyInput.h"

namespace mandate::ui {

namespace {

std::optional<Money> parsedMoney(const QString &amount, const QString &currency)
{
    if (amount.trimmed().isEmpty())
        return std::nullopt;
    const auto money = MoneyInput::parse(amount, currency);
    return money ? std::optional<Money>(money.value()) : std::nullopt;
}

void checkMoney(FieldErrors &errors, const QString &path, const QString &amount, const QString &currency)
{
    if (amount.trimmed().isEmpty())
        return;
    if (!Currency::isKnown(currency)) {
        errors.append(FieldError{path + QStringLiteral(".currency"),
                                 ScopeDraft::tr("%1 is not a currency code.").arg(currency)});
        return;
    }
    const auto money = MoneyInput::parse(amount, currency);
    if (!money)
        errors.append(FieldError{path + QStringLiteral(".amount_minor"), money.error()});
}

// "100.00" in EUR, "100" in JPY: a whole amount written as the currency is written.
QString majorAmount(qint64 major, const QString &currency)
{
    qint64 minor = major;
    for (int i = 0; i < Currency::minorUnits(currency).value_or(0); ++i)
        minor *= 10;
    const auto money = Money::of(minor, currency);
    return money ? MoneyInput::format(money.value()) : QString();
}

} // namespace

ScopeDraft ScopeDraft::fromTemplate(Template kind, const QString &currency)
{
    ScopeDraft draft;
    draft.perActionCurrency = currency;
    draft.totalCurrency = currency;
    switch (kind) {
    case Template::Payments:
        draft.action = QStringLiteral("payments.initiate");
        draft.resource = QStringLiteral("account:");
        // Modest caps to start from: a template that allowed unlimited spending would be a trap.
        draft.perActionAmount = majorAmount(100, currency);
        draft.totalAmount = majorAmount(500, currency);
        break;
    case Template::DataExport:
        draft.action = QStringLiteral("data.export");
        draft.resource = QStringLiteral("dataset:");
        draft.maxSensitivity = Sensitivity::Internal;
        break;
    case Template::Deletes:
        draft.action = QStringLiteral("records.delete");
        draft.resource = QStringLiteral("record:");
        break;
    case Template::ExternalSharing:
        draft.action = QStringLiteral("data.share_external");
        draft.resource = QStringLiteral("dataset:");
        draft.maxSensitivity = Sensitivity::Public;
        break;
    case Template::Custom:
        break;
    }
    return draft;
}

bool ScopeDraft::usesMoney(const QString &action, const ActionCatalog &actions)
{
    return actions.movesValue(action) || !actions.contains(action);
}

bool ScopeDraft::usesDestinations(const QString &action, const ActionCatalog &actions)
{
    return actions.movesValue(action) || action == u"data.share_external" || !actions.isBuiltIn(action);
}

bool ScopeDraft::usesSensitivity(const QString &action, const ActionCatalog &actions)
{
    const ActionDefinition *known = actions.find(action);
    return action.startsWith(u"data.") || !known || known->defaultSensitivity.has_value();
}

QString ScopeDraft::actionHelp(const QString &action)
{
    if (action == u"payments.initiate")
        return tr("Pay money from an account. Set how much each payment and all payments together may be, "
                  "and list the payees it may pay (one per line, such as payee:lufthansa).");
    if (action == u"data.read")
        return tr("Read data without taking a copy out.");
    if (action == u"data.export")
        return tr("Take a copy of data out, such as a CSV download. Cap how sensitive the data may be.");
    if (action == u"records.update")
        return tr("Change existing records.");
    if (action == u"records.delete")
        return tr("Delete records for good. Consider requiring two approvers on the next page.");
    if (action == u"data.share_external")
        return tr(
            "Send data to people or systems outside your organisation. List the recipients it may share "
            "with (one per line, such as recipient:partner-agency).");
    return {};
}

QString ScopeDraft::title() const
{
    QString kind;
    if (action == u"payments.initiate")
        kind = tr("Payments");
    else if (action == u"data.export")
        kind = tr("Data export");
    else if (action == u"records.delete")
        kind = tr("Deletes");
    else if (action == u"data.share_external")
        kind = tr("External sharing");
    else if (action.isEmpty())
        kind = tr("New scope");
    else
        kind = action;
    return resource.isEmpty() ? kind : tr("%1 \u00b7 %2").arg(kind, resource.trimmed());
}

QStringList ScopeDraft::destinationLines() const
{
    QStringList lines;
    for (const QString &line : destinations.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

Scope ScopeDraft::toScope(const ActionCatalog &actions) const
{
    Scope scope;
    scope.action = action.trimmed();
    if (const auto pattern = ResourcePattern::parse(resource.trimmed()))
        scope.resource = pattern.value();
    if (usesMoney(scope.action, actions)) {
        scope.maxPerAction = parsedMoney(perActionAmount, perActionCurrency);
        scope.maxTotal = parsedMoney(totalAmount, totalCurrency);
    }
    if (maxUses > 0)
        scope.maxUses = maxUses;
    const QStringList lines = usesDestinations(scope.action, actions) ? destinationLines() : QStringList();
    if (!lines.isEmpty()) {
        QList<ResourcePattern> patterns;
        for (const QString &line : lines) {
            if (const auto pattern = ResourcePattern::parse(line))
                patterns.append(pattern.value());
        }
        scope.destinations = patterns;
    }
    if (usesSensitivity(scope.action, actions))
        scope.maxSensitivity = maxSensitivity;
    return scope;
}

FieldErrors ScopeDraft::inputErrors(const QString &path, const ActionCatalog &actions) const
{
    FieldErrors errors;
    const auto pattern = ResourcePattern::parse(resource.trimmed());
    if (!pattern)
        errors.append(FieldError{path + QStringLiteral(".resource"), pattern.error()});
    const QString trimmedAction = action.trimmed();
    if (usesMoney(trimmedAction, actions)) {
        checkMoney(errors, path + QStringLiteral(".max_per_action"), perActionAmount, perActionCurrency);
        checkMoney(errors, path + QStringLiteral(".max_total"), totalAmount, totalCurrency);
    }
    if (maxUsesTypedWithSeparator)
        errors.append(
            FieldError{path + QStringLiteral(".max_uses"),
                       tr("is a count of uses: type it without separators (1000, not 1,000). Amounts "
                          "go in the fields above.")});
    const QStringList lines = usesDestinations(trimmedAction, actions) ? destinationLines() : QStringList();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto destination = ResourcePattern::parse(lines.at(i));
        if (!destination) {
            errors.append(FieldError{path + QStringLiteral(".destinations[%1]").arg(i),
                                     tr("%1: %2").arg(lines.at(i), destination.error())});
        }
    }
    return errors;
}

} // namespace mandate::ui
