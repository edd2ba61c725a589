#include "ui/DelegationDetailPane.h"

#include "client/MandateApi.h"
#include "core/Clock.h"
#include "models/DecisionListModel.h"
#include "models/DelegationFormatter.h"
#include "models/DelegationLoader.h"
#include "ui/ConsentReceiptWriter.h"
#include "ui/ReceiptSaver.h"
#include "ui/TryActionPanel.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mandate::ui {

namespace {

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QGroupBox *section(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

QString localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

DelegationDetailPane::DelegationDetailPane(client::MandateApi &api, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_clock(clock)
    , m_loader(new models::DelegationLoader(api, this))
    , m_decisionModel(new models::DecisionListModel(api, clock, this))
    , m_receipts(new ReceiptSaver(api, this))
{
    connect(m_loader, &models::DelegationLoader::loaded, this, [this](const Delegation &delegation) {
        if (delegation.id == m_id)
            render(delegation);
    });
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("Select a delegation to see what its agent may do."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    outer->addWidget(m_empty);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(m_scroll);
    auto *layout = new QVBoxLayout(m_content);
    m_title = wrappingLabel(m_content);
    m_title->setAccessibleName(tr("Delegation"));
    m_summary = wrappingLabel(m_content);
    m_summary->setAccessibleName(tr("Agent and lifetime"));
    m_saveGrantReceipt = new QPushButton(tr("Save &receipt…"), m_content);
    m_saveGrantReceipt->setObjectName(QStringLiteral("saveGrantReceipt"));
    m_saveGrantReceipt->setToolTip(
        tr("Save the consent receipt of this grant: its exact terms, provably in the audit log"));
    connect(m_saveGrantReceipt, &QPushButton::clicked, this,
            [this] { m_receipts->saveDelegationReceipt(m_id); });
    m_saveConsent = new QPushButton(tr("Save &consent receipt…"), m_content);
    m_saveConsent->setObjectName(QStringLiteral("saveConsentReceipt"));
    m_saveConsent->setToolTip(
        tr("Save what was granted, in plain words, as a PDF people can keep and check"));
    connect(m_saveConsent, &QPushButton::clicked, this, &DelegationDetailPane::saveConsentReceipt);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_saveConsent, 0, Qt::AlignTop);
    titleRow->addWidget(m_saveGrantReceipt, 0, Qt::AlignTop);
    layout->addLayout(titleRow);
    layout->addWidget(m_summary);
    m_receiptNotice = wrappingLabel(m_content);
    m_receiptNotice->setObjectName(QStringLiteral("receiptNotice"));
    m_receiptNotice->setAccessibleName(tr("Receipt"));
    m_receiptNotice->setVisible(false);
    layout->addWidget(m_receiptNotice);
    connect(m_receipts, &ReceiptSaver::busyChanged, this, &DelegationDetailPane::updateReceiptButtons);
    connect(m_receipts, &ReceiptSaver::finished, this, [this](bool, const QString &message) {
        m_receiptNotice->setText(message);
        m_receiptNotice->setVisible(!message.isEmpty());
    });

    m_scopes = new QWidget(m_content);
    m_scopesLayout = new QVBoxLayout(m_scopes);
    m_scopesLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(section(tr("What the agent may do"), m_scopes, m_content));
    m_rules = wrappingLabel(m_content);
    m_rules->setAccessibleName(tr("Approval rules"));
    layout->addWidget(section(tr("When a person must approve"), m_rules, m_content));
    m_triggers = wrappingLabel(m_content);
    m_triggers->setAccessibleName(tr("Revocation triggers"));
    layout->addWidget(section(tr("When it ends by itself"), m_triggers, m_content));

    m_chain = new QTreeWidget(m_content);
    m_chain->setHeaderHidden(true);
    m_chain->setAccessibleName(tr("Delegation chain"));
    m_chain->setFixedHeight(m_chain->fontMetrics().height() * 5);
    connect(m_chain, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty() && id != m_id)
            Q_EMIT openDelegation(id);
    });
    layout->addWidget(section(tr("Delegation chain"), m_chain, m_content));

    layout->addWidget(section(tr("Latest decisions"), buildDecisions(m_content), m_content));
    m_tryAction = new TryActionPanel(m_content);
    connect(m_tryAction, &TryActionPanel::tryRequested, this, &DelegationDetailPane::simulate);
    layout->addWidget(section(tr("Try an action"), m_tryAction, m_content));
    layout->addStretch();
    m_scroll->setWidget(m_content);
    outer->addWidget(m_scroll);
    clear();
}

QWidget *DelegationDetailPane::buildDecisions(QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    m_decisions = new QTreeView(box);
    m_decisions->setModel(m_decisionModel);
    m_decisions->setRootIsDecorated(false);
    m_decisions->setUniformRowHeights(true);
    m_decisions->setAccessibleName(tr("Latest decisions"));
    m_decisions->setMinimumHeight(m_decisions->fontMetrics().height() * 9);
    m_decisions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    boxLayout->addWidget(m_decisions);
    m_saveDecisionReceipt = new QPushButton(tr("Save &decision receipt…"), box);
    m_saveDecisionReceipt->setObjectName(QStringLiteral("saveDecisionReceipt"));
    m_saveDecisionReceipt->setToolTip(tr(
        "Save the receipt of the selected decision: what the agent asked and what was decided, provably in "
        "the audit log"));
    connect(m_saveDecisionReceipt, &QPushButton::clicked, this, [this] {
        const QString id =
            m_decisions->currentIndex().data(models::DecisionListModel::DecisionIdRole).toString();
        if (!id.isEmpty())
            m_receipts->saveDecisionReceipt(id);
    });
    connect(m_decisions->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DelegationDetailPane::updateReceiptButtons);
    connect(m_decisionModel, &QAbstractItemModel::modelReset, this,
            &DelegationDetailPane::updateReceiptButtons);
    boxLayout->addWidget(m_saveDecisionReceipt, 0, Qt::AlignRight);
    return box;
}

void DelegationDetailPane::updateReceiptButtons()
{
    const bool idle = !m_receipts->isBusy();
    m_saveGrantReceipt->setEnabled(idle && !m_id.isEmpty());
    m_saveDecisionReceipt->setEnabled(
        idle &&
        !m_decisions->currentIndex().data(models::DecisionListModel::DecisionIdRole).toString().isEmpty());
}

void DelegationDetailPane::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

void DelegationDetailPane::clear()
{
    m_id.clear();
    m_receiptNotice->setVisible(false);
    m_decisionModel->clear();
    m_empty->setVisible(true);
    m_scroll->setVisible(false);
}

void DelegationDetailPane::showDelegation(const Delegation &delegation)
{
    const bool same = delegation.id == m_id;
    m_id = delegation.id;
    m_empty->setVisible(false);
    m_scroll->setVisible(true);
    if (!same) {
        m_receiptNotice->setVisible(false);
        // Another delegation starts at its top, not where the last one was scrolled to.
        m_scroll->verticalScrollBar()->setValue(0);
    }
    updateReceiptButtons();
    render(delegation);
    if (!same || delegation.children.isEmpty())
        loadChildren();
    loadDecisions();
}

void DelegationDetailPane::render(const Delegation &d)
{
    m_title->setText(QStringLiteral("<h3>%1</h3>").arg(d.purpose.toHtmlEscaped()));
    QString summary = tr("<b>%1</b> — %2<br>For %3 · %4 · granted %5, ends %6")
                          .arg(models::DelegationFormatter::agentName(d).toHtmlEscaped(),
                               models::DelegationFormatter::agentSpiffeId(d).toHtmlEscaped(),
                               models::DelegationFormatter::customerName(d).toHtmlEscaped(),
                               models::DelegationFormatter::statusText(d.status), localTime(d.createdAt),
                               localTime(d.expiresAt));
    if (d.revokedAt) {
        summary += QStringLiteral("<br>") +
                   tr("Revoked %1: %2")
                       .arg(localTime(*d.revokedAt), d.revokeReason.value_or(QString()).toHtmlEscaped());
    }
    if (d.notBefore && *d.notBefore > m_clock.now())
        summary += QStringLiteral("<br>") + tr("Usable from %1").arg(localTime(*d.notBefore));
    m_summary->setText(summary);
    renderScopes(d);
    m_tryAction->setDelegation(d);
    m_shown = d;

    const QStringList rules = models::DelegationFormatter::approvalRules(d);
    m_rules->setText(rules.isEmpty() ? tr("Never: every request within the limits is allowed without asking.")
                                     : rules.join(QLatin1Char('\n')));
    const QStringList triggers = models::DelegationFormatter::revocationTriggers(d.revokeOn);
    m_triggers->setText(tr("At %1 at the latest").arg(localTime(d.expiresAt)) +
                        (triggers.isEmpty() ? QString() : tr(", or ") + triggers.join(tr(", or "))) +
                        QLatin1Char('.'));

    m_chain->clear();
    QTreeWidgetItem *parentItem = nullptr;
    for (const ChainLink &link : d.chain) {
        const QString text = link.kind == ChainLink::Kind::Customer
                                 ? tr("%1 (customer)").arg(link.name)
                                 : tr("%1 — %2").arg(link.name, link.spiffeId);
        auto *item =
            parentItem ? new QTreeWidgetItem(parentItem, {text}) : new QTreeWidgetItem(m_chain, {text});
        parentItem = item;
    }
    if (parentItem) {
        parentItem->setData(0, Qt::UserRole, d.id);
        QFont bold = parentItem->font(0);
        bold.setBold(true);
        parentItem->setFont(0, bold);
        for (const QString &child : d.children) {
            auto *item = new QTreeWidgetItem(parentItem, {tr("Sub-delegation %1").arg(child)});
            item->setData(0, Qt::UserRole, child);
        }
    }
    m_chain->expandAll();
}

void DelegationDetailPane::renderScopes(const Delegation &d)
{
    while (QLayoutItem *item = m_scopesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (qsizetype i = 0; i < d.scopes.size(); ++i) {
        const Scope &scope = d.scopes[i];
        const ScopeUsage usage = i < d.scopeUsage.size() ? d.scopeUsage[i] : ScopeUsage{};
        auto *row = new QWidget(m_scopes);
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 6);
        auto *label = wrappingLabel(row);
        label->setText(tr("<b>%1</b> on %2<br>%3")
                           .arg(models::DelegationFormatter::actionLabel(scope.action),
                                scope.resource.text().toHtmlEscaped(),
                                models::DelegationFormatter::scopeLimits(scope)
                                    .join(QStringLiteral(" · "))
                                    .toHtmlEscaped()));
        rowLayout->addWidget(label);
        const QString usageText = models::DelegationFormatter::scopeUsageText(scope, usage);
        if (const auto fraction = models::DelegationFormatter::scopeUsageFraction(scope, usage)) {
            auto *bar = new QProgressBar(row);
            bar->setRange(0, 1000);
            bar->setValue(static_cast<int>(*fraction * 1000));
            bar->setFormat(usageText);
            bar->setAccessibleName(
                tr("Usage of %1").arg(models::DelegationFormatter::actionLabel(scope.action)));
            bar->setAccessibleDescription(usageText);
            rowLayout->addWidget(bar);
        } else {
            auto *used = wrappingLabel(row);
            used->setText(usageText);
            rowLayout->addWidget(used);
        }
        m_scopesLayout->addWidget(row);
    }
}

void DelegationDetailPane::loadChildren()
{
    m_loader->load(m_id);
}

void DelegationDetailPane::loadDecisions()
{
    m_decisionModel->load(m_id);
}

void DelegationDetailPane::simulate(const AuthorizeRequest &request)
{
    m_tryAction->setBusy(true);
    const QString asked = m_id;
    m_api.simulate(request)
        .onSucceeded(this,
                     [this, asked](const SimulatedDecision &decision) {
                         m_tryAction->setBusy(false);
                         if (asked == m_id)
                             m_tryAction->showDecision(decision);
                     })
        .onFailed(this, [this](const client::ApiError &error) {
            m_tryAction->setBusy(false);
            m_tryAction->showProblem(error.message());
        });
}

void DelegationDetailPane::saveConsentReceipt()
{
    if (!m_shown)
        return;
    const Delegation delegation = *m_shown;
    m_saveConsent->setEnabled(false);
    const auto writeWith = [this,
                            delegation](const std::optional<client::MandateApi::ReceiptDocument> &proof) {
        m_saveConsent->setEnabled(true);
        const QString suggested = QStringLiteral("consent-%1.pdf").arg(delegation.id);
        const QString path = m_choosePdf
                                 ? m_choosePdf(this, suggested)
                                 : QFileDialog::getSaveFileName(this, tr("Save consent receipt"), suggested,
                                                                tr("PDF documents (*.pdf)"));
        if (path.isEmpty())
            return;
        QString error;
        const bool ok = ConsentReceiptWriter::write(path, delegation, proof, m_clock.now(), &error);
        m_receiptNotice->setText(ok ? tr("Consent receipt saved to %1.").arg(QDir::toNativeSeparators(path))
                                    : tr("Could not save the consent receipt: %1").arg(error));
        m_receiptNotice->setVisible(true);
    };
    // The log's proof where it has one; without it the receipt still states the terms.
    m_api.delegationReceipt(delegation.id)
        .onSucceeded(this,
                     [writeWith](const client::MandateApi::ReceiptDocument &proof) { writeWith(proof); })
        .onFailed(this, [writeWith](const client::ApiError &) { writeWith(std::nullopt); });
}

} // namespace mandate::ui
