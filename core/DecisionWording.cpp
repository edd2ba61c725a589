#include "core/DecisionWording.h"

namespace mandate {

QString DecisionWording::capitalized(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

QString DecisionWording::labelOf(const Delegation &delegation, const Delegation &requested)
{
    if (&delegation == &requested) {
        return QStringLiteral("this delegation");
    }
    return QStringLiteral("ancestor delegation %1").arg(delegation.id);
}

QString DecisionWording::possessive(const QString &label)
{
    return label + QStringLiteral("'s");
}

Denial DecisionWording::currencyMismatch(const Money &amount, const QString &label, QStringView limitName,
                                         const Money &limit)
{
    return Denial{ReasonCode::CurrencyMismatch,
                  QStringLiteral("The amount is in %1, but %2 %3 is in %4.")
                      .arg(amount.currency(), possessive(label), limitName, limit.currency()),
                  QString()};
}

QString DecisionWording::statedAmount(const AuthorizeRequest &request)
{
    return request.amount ? request.amount->toDisplayString() : QStringLiteral("An unstated amount");
}

} // namespace mandate
