#include "ui/AuthorityPage.h"

#include "client/MandateApi.h"
#include "core/Currency.h"
#include "models/DelegationFormatter.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHash>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace mandate::ui {

namespace {

// The amount in major units, for a chart's axis (never for money arithmetic).
double authorityMajorUnits(qint64 amountMinor, const QString &currency)
{
    return double(amountMinor) / std::pow(10.0, Currency::minorUnits(currency).value_or(2));
}

double authorityMajorUnits(const Money &money)
{
    return authorityMajorUnits(money.amountMinor(), money.currency());
}

void authorityClearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
}

// A day on a chart's date axis: its middle, so the point sits under the day's label.
qreal authorityDayX(const QDate &day)
{
    return qreal(QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

QString authorityLeftText(const std::optional<Money> &total, const std::optional<qint64> &uses)
{
    const QString value = total ? total->toLocaleString() : AuthorityPage::tr("any amount");
    const QString times = uses ? AuthorityPage::tr("%n more time(s)", nullptr, int(*uses))
                               : AuthorityPage::tr("any number of times");
    return AuthorityPage::tr("%1 left, %2").arg(value, times);
}

QChartView *authorityChartView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocale(QLocale()); // month names on date axes
    chart->setTheme(parent->palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                                : QChart::ChartThemeLight);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

// An axis of counts from 0 past `most`, with a tick on whole numbers only: six ticks over 0..6
// would be labelled "0 1 2 3 4 6" and put a bar of 4 where the 3 is.
void authorityCountAxis(QValueAxis *axis, int most)
{
    const int step = std::max(1, (most + 1 + 4) / 5);
    const int top = step * ((most + step) / step);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, top);
    axis->setTickCount(top / step + 1);
}

} // namespace

AuthorityPage::AuthorityPage(client::MandateApi &api, const QString &agentId, const QString &agentName,
                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("authorityPage"));
    setWindowTitle(tr("Authority of %1").arg(agentName));
    auto *layout = new QVBoxLayout(this);
    m_sprawl = new QLabel(this);
    m_sprawl->setObjectName(QStringLiteral("sprawl"));
    m_sprawl->setWordWrap(true);
    m_sprawl->setVisible(false);
    m_sprawl->setStyleSheet(QStringLiteral("QLabel { padding: 6px; border: 1px solid palette(mid); }"));
    layout->addWidget(m_sprawl);
    m_growth = new QLabel(tr("Loading…"), this);
    m_growth->setObjectName(QStringLiteral("growth"));
    m_growth->setWordWrap(true);
    layout->addWidget(m_growth);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("chains"));
    m_tree->setAccessibleName(tr("Delegations reaching the agent"));
    m_tree->setHeaderLabels({tr("Chain and scope"), tr("Still possible")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);

    auto *charts = new QGridLayout;
    m_reachChart = authorityChartView(tr("Value left per action and resource"), this);
    m_growthChart = authorityChartView(tr("Active delegations, and grants in 30 days"), this);
    m_spendingChart = authorityChartView(tr("Spent per day and delegation"), this);
    m_spendingChart->setObjectName(QStringLiteral("spendingChart"));
    m_grantsChart = authorityChartView(tr("Grants per day"), this);
    m_grantsChart->setObjectName(QStringLiteral("grantsChart"));
    charts->addWidget(m_reachChart, 0, 0);
    charts->addWidget(m_growthChart, 0, 1);
    charts->addWidget(m_spendingChart, 1, 0);
    charts->addWidget(m_grantsChart, 1, 1);
    charts->setColumnStretch(0, 3);
    charts->setColumnStretch(1, 2);
    layout->addLayout(charts, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1100, 940);

    api.agentAuthority(agentId)
        .onSucceeded(this, [this](const client::AgentAuthorityInfo &authority) { showAuthority(authority); })
        .onFailed(this, [this](const client::ApiError &error) {
            m_growth->setText(tr("Could not load the authority: %1").arg(error.message()));
        });
}

void AuthorityPage::showAuthority(const client::AgentAuthorityInfo &authority)
{
    m_sprawl->setVisible(authority.sprawl);
    m_sprawl->setText(tr("⚠ Its authority has spread: %1 active delegations now, %2 a month ago.")
                          .arg(authority.activeNow)
                          .arg(authority.activeMonthAgo));
    m_growth->setText(tr("%n active delegation(s) reach this agent now. ", nullptr, authority.activeNow) +
                      tr("Granted in the last 30 days: %1. Passed on by it: %2.")
                          .arg(authority.grantsLast30Days)
                          .arg(authority.subdelegations));

    m_tree->clear();
    for (const client::AgentAuthorityInfo::Held &held : authority.delegations) {
        auto *item = new QTreeWidgetItem(
            m_tree, {tr("%1 — %2").arg(held.chainNames.join(QStringLiteral(" → ")), held.purpose),
                     tr("depth %1").arg(held.depth)});
        item->setToolTip(0, held.id);
        for (const client::AgentAuthorityInfo::ScopeLeft &scope : held.scopes)
            new QTreeWidgetItem(
                item,
                {tr("%1 on %2").arg(models::DelegationFormatter::actionLabel(scope.action), scope.resource),
                 authorityLeftText(scope.remainingTotal, scope.remainingUses)});
    }
    m_tree->expandAll();
    drawReach(authority);
    drawGrowth(authority);
    drawSpending(authority);
    drawGrants(authority);
    Q_EMIT loaded();
}

void AuthorityPage::drawReach(const client::AgentAuthorityInfo &authority)
{
    QChart *chart = m_reachChart->chart();
    authorityClearChart(chart);
    auto *set = new QBarSet(tr("Value left"));
    QStringList categories;
    QString currency;
    for (const client::AgentAuthorityInfo::Reach &reach : authority.reach) {
        if (!reach.remainingTotal || reach.remainingTotal->isEmpty())
            continue;
        const Money &first = reach.remainingTotal->constFirst();
        if (currency.isEmpty())
            currency = first.currency();
        if (first.currency() != currency)
            continue; // one axis, one currency
        categories.append(reach.resource);
        set->append(authorityMajorUnits(first));
    }
    // Bars lie down so the resource names can be read in full.
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setTitleText(currency);
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setMin(0);
    axisX->setTickCount(3);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

void AuthorityPage::drawGrowth(const client::AgentAuthorityInfo &authority)
{
    QChart *chart = m_growthChart->chart();
    authorityClearChart(chart);
    auto *set = new QBarSet(tr("Active delegations"));
    set->append(authority.grantsLast30Days);
    set->append(authority.activeNow);
    set->append(authority.activeMonthAgo);
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append({tr("New grants"), tr("Now"), tr("A month ago")});
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    authorityCountAxis(axisX,
                       std::max({authority.activeMonthAgo, authority.activeNow, authority.grantsLast30Days}));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

void AuthorityPage::drawSpending(const client::AgentAuthorityInfo &authority)
{
    QChart *chart = m_spendingChart->chart();
    authorityClearChart(chart);
    if (!authority.historyFrom.isValid() || !authority.historyTo.isValid())
        return;
    const QString currency =
        authority.spending.isEmpty() ? QString() : authority.spending.constFirst().currency;
    const QFontMetrics metrics(font());
    qint64 most = 0;
    for (const client::AgentAuthorityInfo::Spending &spending : authority.spending) {
        if (spending.currency != currency)
            continue; // one axis, one currency
        // Every day of the window, so a day without spending shows as nothing spent.
        QHash<QDate, qint64> perDay;
        for (const client::AgentAuthorityInfo::DaySpent &day : spending.days)
            perDay.insert(day.day, day.amountMinor);
        auto *series = new QLineSeries;
        // Purposes often differ only at the end ("… for March", "… for April"): keep both ends.
        series->setName(metrics.elidedText(spending.purpose, Qt::ElideMiddle, 200));
        for (QDate day = authority.historyFrom; day <= authority.historyTo; day = day.addDays(1)) {
            const qint64 minor = perDay.value(day);
            most = std::max(most, minor);
            series->append(authorityDayX(day), authorityMajorUnits(minor, currency));
        }
        chart->addSeries(series);
    }
    chart->legend()->setVisible(!chart->series().isEmpty());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(chart->series().isEmpty()
                        ? tr("Spent per day and delegation: nothing in the last 30 days")
                        : tr("Spent per day and delegation"));
    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(tr("d MMM", "short date on a chart axis"));
    axisX->setRange(QDateTime(authority.historyFrom, QTime(0, 0), Qt::UTC),
                    QDateTime(authority.historyTo.addDays(1), QTime(0, 0), Qt::UTC));
    axisX->setTickCount(6);
    chart->addAxis(axisX, Qt::AlignBottom);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(currency);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setRange(0, std::max(authorityMajorUnits(most, currency), 1.0));
    axisY->applyNiceNumbers();
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
}

void AuthorityPage::drawGrants(const client::AgentAuthorityInfo &authority)
{
    QChart *chart = m_grantsChart->chart();
    authorityClearChart(chart);
    if (!authority.historyFrom.isValid() || !authority.historyTo.isValid())
        return;
    QHash<QDate, int> perDay;
    for (const client::AgentAuthorityInfo::DayGrants &day : authority.grants)
        perDay.insert(day.day, day.count);
    auto *set = new QBarSet(tr("Grants"));
    int most = 1;
    for (QDate day = authority.historyFrom; day <= authority.historyTo; day = day.addDays(1)) {
        set->append(perDay.value(day));
        most = std::max(most, perDay.value(day));
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    // Thirty day names do not fit under thirty bars: a date every week, counted back from today,
    // on a value axis whose bar i stands at i.
    auto *axisX = new QCategoryAxis;
    axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axisX->setStartValue(-0.5);
    axisX->setRange(-0.5, double(set->count()) - 0.5);
    const QLocale locale;
    const int last = int(set->count()) - 1;
    for (int i = last % 7; i <= last; i += 7)
        axisX->append(
            locale.toString(authority.historyFrom.addDays(i), tr("d MMM", "short date on a chart axis")), i);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    authorityCountAxis(axisY, most);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
}

} // namespace mandate::ui
