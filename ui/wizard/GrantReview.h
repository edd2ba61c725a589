#pragma once

#include "core/Delegation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace mandate::ui {

// Something in a grant that a careful customer would want to think twice about.
struct ReviewCallOut
{
    enum class Kind
    {
        NoTotalCap,
        NoPerActionCap,
        NoDestinationAllowlist,
        BroadSensitivity,
        LongLifetime,
        NoStepUpOnPayments,
        WildcardResource,
        DeleteWithoutDualControl
    };
    Kind kind = Kind::NoTotalCap;
    qsizetype scope = -1; // the scope it is about, or -1 for the grant as a whole
    QString text;

    friend bool operator==(const ReviewCallOut &, const ReviewCallOut &) = default;
};

struct GrantSummary
{
    QString opening;       // who may act, and for what
    QStringList scopes;    // one sentence per scope
    QStringList approvals; // step-up and dual control
    QString lifetime;      // when it ends, and what ends it earlier
    QList<ReviewCallOut> callOuts;

    // Every sentence in reading order.
    QStringList sentences() const;
};

// The plain-language reading of a grant that the customer confirms before granting. Widget-free,
// so every sentence and call-out is tested without a window.
class GrantReview
{
    Q_DECLARE_TR_FUNCTIONS(GrantReview)

public:
    static constexpr qint64 LongLifetimeDays = 30;

    static GrantSummary describe(const DelegationGrant &grant, const QString &agentName, const QDateTime &now,
                                 const QLocale &locale = QLocale());

    // How people read an action in a sentence: "make payments from account:acc_1".
    static QString actionPhrase(const QString &action, const QString &resource);
    // How people name one request of an action: "record deletion".
    static QString actionNoun(const QString &action);
    static QString sensitivityName(Sensitivity level);
    // "3 Dec", with the year only when it is not the current one.
    static QString shortDate(const QDateTime &at, const QDateTime &now, const QLocale &locale);
    // "Thu 3 Dec, 09:00" in the user's time zone.
    static QString dateTime(const QDateTime &at, const QDateTime &now, const QLocale &locale);
    // "1 day", "3 days". Spelled out rather than %n, so English reads right without a translation.
    static QString days(qint64 count);
    // "2 hours", "3 days": the rough length of a span, for sentences.
    static QString duration(qint64 seconds);
};

} // namespace mandate::ui
