#pragma once

#include "core/ActionCatalog.h"
#include "core/FieldError.h"
#include "core/Scope.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace mandate::ui {

// One scope as the customer is typing it: texts that may not parse yet, turned into a Scope (and
// the problems with what does not parse) only when needed.
struct ScopeDraft
{
    Q_DECLARE_TR_FUNCTIONS(ScopeDraft)

public:
    enum class Template
    {
        Payments,
        DataExport,
        Deletes,
        ExternalSharing,
        Custom
    };

    QString action;
    QString resource;
    QString perActionAmount;
    QString perActionCurrency;
    QString totalAmount;
    QString totalCurrency;
    qint64 maxUses = 0; // 0 means no limit
    // The count was typed with a separator ("1,000"): most likely an amount in the wrong field, so
    // it is refused rather than read as a thousand uses.
    bool maxUsesTypedWithSeparator = false;
    QString destinations; // one pattern per line
    std::optional<Sensitivity> maxSensitivity;

    static ScopeDraft fromTemplate(Template kind, const QString &currency);
    // Which limits an action can use. A known action shows only those that apply to it, and a
    // limit that is not shown is not granted either, so what the customer sees is what they grant.
    static bool usesMoney(const QString &action, const ActionCatalog &actions);
    static bool usesDestinations(const QString &action, const ActionCatalog &actions);
    static bool usesSensitivity(const QString &action, const ActionCatalog &actions);
    // What the action is for, in words; empty for an action the console does not know.
    static QString actionHelp(const QString &action);
    // "Payments · account:acc_1", for the list of scopes.
    QString title() const;

    // Everything that parses; a field that does not is left out (inputErrors() says why).
    Scope toScope(const ActionCatalog &actions) const;
    // Problems with what was typed, addressed as the server would: "scopes[0].max_total.amount_minor".
    FieldErrors inputErrors(const QString &path, const ActionCatalog &actions) const;
    // The non-empty lines of the destinations text, in order: destinations[k] is the k-th of these.
    QStringList destinationLines() const;
};

} // namespace mandate::ui
