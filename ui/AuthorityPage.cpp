#include "ui/AuthorityPage.h"

#include "client/MandateApi.h"
#include "core/Currency.h"
#include "models/DelegationFormatter.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace mandate::ui {

namespace {

// The amount in major units, for a chart's axis (never for money arithmetic).
double authorityMajorUnits(const Money &money)
{
    return double(money.amountMinor()) / std::pow(10.0, Currency::minorUnits(money.currency()).value_or(2));
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
    chart->setTheme(parent->palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                                : QChart::ChartThemeLight);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
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

    auto *charts = new QHBoxLayout;
    m_reachChart = authorityChartView(tr("Value left per action and resource"), this);
    m_growthChart = authorityChartView(tr("Active delegations, and grants in 30 days"), this);
    charts->addWidget(m_reachChart, 3);
    charts->addWidget(m_growthChart, 2);
    layout->addLayout(charts, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(980, 720);

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
    Q_EMIT loaded();
}

void AuthorityPage::drawReach(const client::AgentAuthorityInfo &authority)
{
    QChart *chart = m_reachChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
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
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
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
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setMin(0);
    const int most =
        std::max({authority.activeMonthAgo, authority.activeNow, authority.grantsLast30Days, 1}) + 1;
    axisX->setMax(most);
    axisX->setTickCount(std::min(most, 5) + 1);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

} // namespace mandate::ui
