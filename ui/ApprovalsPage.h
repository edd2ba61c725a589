#pragma once

#include "client/ApiError.h"
#include "core/Approval.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QTableView;

namespace mandate {
class Clock;
}
namespace mandate::client {
class ConsoleSession;
class DecisionOutbox;
} // namespace mandate::client
namespace mandate::models {
class ApprovalListModel;
class DecisionListModel;
} // namespace mandate::models

namespace mandate::ui {

class ApprovalDetailPane;
class ReasonConfirmDialog;
class ReceiptSaver;

// The approvals inbox: the requests a person may see — an approver those routed to approvers, a
// customer their own step-ups, support staff all of them (read-only) — filtered by kind and
// status, counting down to their expiry, with the selected one's details and its decision.
// Decisions go through the DecisionOutbox, so none is lost to a crash or a dropped network.
class ApprovalsPage : public QWidget
{
    Q_OBJECT

public:
    ApprovalsPage(client::ConsoleSession &session, client::DecisionOutbox &outbox, const Clock &clock,
                  QWidget *parent = nullptr);

    models::ApprovalListModel &model() { return *m_model; }
    QTableView *table() const { return m_table; }
    ApprovalDetailPane *detailPane() const { return m_detail; }
    // The approve or deny dialog while it is open.
    ReasonConfirmDialog *decisionDialog() const { return m_dialog; }
    ReceiptSaver &receipts() const { return *m_receipts; }

    void reload();
    // Selects the request (loading it when the list does not hold it): a notification was clicked.
    void openApproval(const QString &id);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void buildToolbar(QWidget *bar);
    void applyFilters();
    void onSelectionChanged();
    void askForDecision(const Approval &approval, ApprovalVerdict verdict);
    void askForNarrowedApproval(const Approval &approval);
    void onDecided(const Approval &approval);
    void onRefused(const QString &approvalId, const client::ApiError &error,
                   const std::optional<Approval> &current);
    void onDeferred(const QString &approvalId, const client::ApiError &error);
    void noticeFor(const QString &approvalId, const QString &text);
    void connectReceipts();
    void offerDecisionReceipts();

    client::ConsoleSession &m_session;
    client::DecisionOutbox &m_outbox;
    const Clock &m_clock;
    models::ApprovalListModel *m_model;
    QTableView *m_table;
    ApprovalDetailPane *m_detail;
    QComboBox *m_kind;
    QComboBox *m_status;
    QPointer<ReasonConfirmDialog> m_dialog;
    QTimer m_clockTick;
    ReceiptSaver *m_receipts;
    // The decisions that raised or used the request on show; only for people who read the trail.
    models::DecisionListModel *m_requestDecisions = nullptr;
};

} // namespace mandate::ui
