#include "ui/ApprovalsPage.h"

#include "client/ConsoleSession.h"
#include "client/DecisionOutbox.h"
#include "core/ApprovalStateMachine.h"
#include "core/Clock.h"
#include "models/ApprovalFormatter.h"
#include "models/ApprovalListModel.h"
#include "models/DecisionListModel.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/NarrowApprovalDialog.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/ReceiptSaver.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mandate::ui {

using models::ApprovalListModel;

ApprovalsPage::ApprovalsPage(client::ConsoleSession &session, client::DecisionOutbox &outbox,
                             const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_outbox(outbox)
    , m_clock(clock)
    , m_model(new ApprovalListModel(session.api(), clock, this))
    , m_receipts(new ReceiptSaver(session.api(), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QWidget(this);
    buildToolbar(bar);
    layout->addWidget(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Approval requests"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ApprovalListModel::SummaryColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->setWordWrap(false);
    // Every column but the request keeps to its content, so the request gets what is left.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [this, &metrics](int column, const QString &sample) {
        m_table->setColumnWidth(column, metrics.horizontalAdvance(sample) + 16);
    };
    fit(ApprovalListModel::KindColumn, tr("Dual control"));
    fit(ApprovalListModel::AmountColumn, QStringLiteral("EUR 10,000.00"));
    fit(ApprovalListModel::CustomerColumn, QStringLiteral("Alice Martin"));
    fit(ApprovalListModel::AgentColumn, QStringLiteral("Travel booker"));
    fit(ApprovalListModel::StatusColumn, tr("Waiting for 1 approval"));
    fit(ApprovalListModel::ExpiresColumn, tr("14:59 left"));
    // A customer sees only their own requests: the column would repeat their name on every row.
    m_table->setColumnHidden(ApprovalListModel::CustomerColumn,
                             !session.user().isStaff() && !session.user().isApprover());

    m_detail = new ApprovalDetailPane(session.user(), clock, splitter);
    m_detail->setMinimumWidth(320);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    // The request's own summary is the widest thing worth reading: the table gets the room.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({800, 320});
    layout->addWidget(splitter, 1);

    m_clockTick.setInterval(1000);
    connect(&m_clockTick, &QTimer::timeout, m_model, &ApprovalListModel::refreshRelativeTimes);
    m_clockTick.start();

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApprovalsPage::onSelectionChanged);
    connect(m_model, &ApprovalListModel::modelReset, this, [this] {
        const int row = m_model->rowOf(m_detail->approvalId());
        if (row >= 0)
            m_table->selectRow(row);
        else
            onSelectionChanged();
    });
    connect(m_model, &ApprovalListModel::dataChanged, this,
            [this](const QModelIndex &top, const QModelIndex &bottom) {
                const int row = m_model->rowOf(m_detail->approvalId());
                if (row >= top.row() && row <= bottom.row() && top.column() == 0)
                    m_detail->showApproval(*m_model->approvalAt(row));
            });
    connect(m_model, &ApprovalListModel::loadFailed, this, [this](const client::ApiError &error) {
        Q_EMIT statusMessage(tr("Could not load the approval requests: %1").arg(error.message()));
    });
    m_model->follow(session.events());
    m_model->follow(outbox);
    connect(m_detail, &ApprovalDetailPane::approveRequested, this,
            [this](const Approval &approval) { askForDecision(approval, ApprovalVerdict::Approve); });
    connect(m_detail, &ApprovalDetailPane::denyRequested, this,
            [this](const Approval &approval) { askForDecision(approval, ApprovalVerdict::Deny); });
    connect(m_detail, &ApprovalDetailPane::approveLessRequested, this,
            &ApprovalsPage::askForNarrowedApproval);
    connect(&outbox, &client::DecisionOutbox::decided, this, &ApprovalsPage::onDecided);
    connect(&outbox, &client::DecisionOutbox::refused, this, &ApprovalsPage::onRefused);
    connect(&outbox, &client::DecisionOutbox::deferred, this, &ApprovalsPage::onDeferred);
    connectReceipts();
}

void ApprovalsPage::connectReceipts()
{
    connect(m_detail, &ApprovalDetailPane::grantReceiptRequested, m_receipts,
            &ReceiptSaver::saveDelegationReceipt);
    connect(m_detail, &ApprovalDetailPane::decisionReceiptRequested, m_receipts,
            &ReceiptSaver::saveDecisionReceipt);
    connect(m_receipts, &ReceiptSaver::busyChanged, m_detail, &ApprovalDetailPane::setReceiptBusy);
    connect(m_receipts, &ReceiptSaver::finished, this, [this](bool, const QString &message) {
        if (!message.isEmpty())
            m_detail->showNotice(message);
    });
    // Decision ids live in the audit trail (decision.made), which approvers do not read: they are
    // offered the grant's receipt only.
    const client::UserInfo &user = m_session.user();
    if (!user.isCustomer() && !user.isStaff())
        return;
    m_requestDecisions = new models::DecisionListModel(m_session.api(), m_clock, this);
    connect(m_detail, &ApprovalDetailPane::approvalChanged, this, [this](const Approval &approval) {
        m_requestDecisions->load(approval.delegationId, approval.id);
    });
    connect(m_requestDecisions, &models::DecisionListModel::loaded, this,
            &ApprovalsPage::offerDecisionReceipts);
}

void ApprovalsPage::offerDecisionReceipts()
{
    QList<std::pair<QString, QString>> decisions;
    for (int row = 0; row < m_requestDecisions->rowCount(); ++row) {
        const QModelIndex index = m_requestDecisions->index(row, models::DecisionListModel::WhenColumn);
        const QString id = index.data(models::DecisionListModel::DecisionIdRole).toString();
        if (id.isEmpty())
            continue;
        decisions.append(
            {id, tr("%1, %2").arg(
                     index.siblingAtColumn(models::DecisionListModel::DecisionColumn).data().toString(),
                     index.data().toString())});
    }
    m_detail->setDecisionReceipts(m_detail->approvalId(), decisions);
}

void ApprovalsPage::buildToolbar(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_kind = new QComboBox(bar);
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->addItem(tr("Every kind"));
    m_kind->addItem(models::ApprovalFormatter::kindText(ApprovalKind::StepUp),
                    static_cast<int>(ApprovalKind::StepUp));
    m_kind->addItem(models::ApprovalFormatter::kindText(ApprovalKind::DualControl),
                    static_cast<int>(ApprovalKind::DualControl));
    m_status = new QComboBox(bar);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status"));
    for (ApprovalStatus status : {ApprovalStatus::Pending, ApprovalStatus::Approved, ApprovalStatus::Denied,
                                  ApprovalStatus::Expired, ApprovalStatus::Cancelled})
        m_status->addItem(models::ApprovalFormatter::statusText(status), static_cast<int>(status));
    m_status->addItem(tr("Every status"));
    auto *kindLabel = new QLabel(tr("&Kind:"), bar);
    kindLabel->setBuddy(m_kind);
    auto *statusLabel = new QLabel(tr("&Status:"), bar);
    statusLabel->setBuddy(m_status);
    layout->addWidget(kindLabel);
    layout->addWidget(m_kind);
    layout->addSpacing(12);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addStretch(1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ApprovalsPage::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ApprovalsPage::applyFilters);
}

void ApprovalsPage::applyFilters()
{
    models::ApprovalFilter filter;
    const QVariant kind = m_kind->currentData();
    filter.kind = kind.isValid() ? std::optional(static_cast<ApprovalKind>(kind.toInt())) : std::nullopt;
    const QVariant status = m_status->currentData();
    filter.status =
        status.isValid() ? std::optional(static_cast<ApprovalStatus>(status.toInt())) : std::nullopt;
    m_model->setFilter(filter);
}

void ApprovalsPage::reload()
{
    m_model->reload();
}

void ApprovalsPage::openApproval(const QString &id)
{
    if (const int row = m_model->rowOf(id); row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
        return;
    }
    m_table->clearSelection();
    const auto reply = m_session.api().approval(id);
    reply.onSucceeded(this, [this](const Approval &approval) {
        m_detail->showApproval(approval);
        m_detail->setDecisionOnItsWay(m_outbox.isPending(approval.id));
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        Q_EMIT statusMessage(tr("Could not open the request: %1").arg(error.message()));
    });
}

void ApprovalsPage::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Approval *approval = rows.size() == 1 ? m_model->approvalAt(rows.first().row()) : nullptr;
    if (!approval) {
        m_detail->clear();
        return;
    }
    m_detail->showApproval(*approval);
    m_detail->setDecisionOnItsWay(m_outbox.isPending(approval->id));
}

void ApprovalsPage::askForDecision(const Approval &approval, ApprovalVerdict verdict)
{
    if (m_dialog)
        m_dialog->close();
    const bool approve = verdict == ApprovalVerdict::Approve;
    const QString question =
        (approve ? tr("<b>Approve this request?</b><br>%1") : tr("<b>Deny this request?</b><br>%1"))
            .arg(approval.summary.toHtmlEscaped());
    m_dialog = new ReasonConfirmDialog(approve ? tr("Approve request") : tr("Deny request"), question,
                                       approve ? tr("Approve") : tr("Deny"), this);
    m_dialog->setMinimumReason(approve ? 0 : ApprovalStateMachine::MinDenyReasonLength);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    const QString id = approval.id;
    connect(m_dialog, &ReasonConfirmDialog::confirmed, this, [this, id, verdict](const QString &reason) {
        if (!m_outbox.submit(id, verdict, reason)) {
            m_dialog->showError(
                tr("The decision could not be saved on this computer: %1").arg(m_outbox.errorString()));
            return;
        }
        m_dialog->accept();
        if (m_detail->approvalId() == id) {
            m_detail->setDecisionOnItsWay(true);
            m_detail->showNotice(tr("Sending your decision…"));
        }
    });
    m_dialog->show();
}

void ApprovalsPage::onDecided(const Approval &approval)
{
    // The model has the answer already (it follows the outbox); a request opened from a
    // notification may be in no row, so the pane takes it here.
    if (m_detail->approvalId() == approval.id)
        m_detail->showApproval(approval);
    noticeFor(approval.id,
              tr("Your decision is recorded. %1.").arg(models::ApprovalFormatter::progressText(approval)));
}

void ApprovalsPage::onRefused(const QString &approvalId, const client::ApiError &error,
                              const std::optional<Approval> &current)
{
    QString text = tr("Your decision was not accepted: %1").arg(error.message());
    if (current) {
        if (m_detail->approvalId() == current->id)
            m_detail->showApproval(*current);
        const QStringList lines = models::ApprovalFormatter::decisionLines(*current, m_clock.now());
        text = tr("Someone else was first: this request is already %1.")
                   .arg(models::ApprovalFormatter::statusText(current->status).toLower());
        if (!lines.isEmpty())
            text += QLatin1Char(' ') + lines.last() + QLatin1Char('.');
    }
    noticeFor(approvalId, text);
}

void ApprovalsPage::onDeferred(const QString &approvalId, const client::ApiError &error)
{
    noticeFor(
        approvalId,
        tr("Your decision is saved and will be sent when the server can take it (%1).").arg(error.message()));
}

void ApprovalsPage::noticeFor(const QString &approvalId, const QString &text)
{
    if (m_detail->approvalId() == approvalId) {
        m_detail->setDecisionOnItsWay(m_outbox.isPending(approvalId));
        m_detail->showNotice(text);
    }
    Q_EMIT statusMessage(text);
}

void ApprovalsPage::askForNarrowedApproval(const Approval &approval)
{
    // Through the outbox like any decision: the page hears its answer as it hears the others'.
    auto *dialog = new NarrowApprovalDialog(m_outbox, approval, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &NarrowApprovalDialog::submitted, this, [this](const QString &id) {
        if (m_detail->approvalId() == id) {
            m_detail->setDecisionOnItsWay(true);
            m_detail->showNotice(tr("Sending your decision…"));
        }
    });
    dialog->show();
}

} // namespace mandate::ui
