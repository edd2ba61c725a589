#pragma once

#include "client/UserInfo.h"
#include "core/Approval.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class QMenu;
class QPushButton;

namespace Ui {
class ApprovalDetailPane;
}

namespace mandate {
class Clock;
}

namespace mandate::ui {

// One approval request in plain language — what the agent wants, how much, to whom, how
// sensitive, which rule raised it, who decided so far and what is still needed — with Approve
// and Deny for a person who may decide it. For anyone else the buttons stay disabled and their
// tooltip says why. "Save receipt…" offers the grant's consent receipt and, where the page found
// them, the receipts of the decisions that raised or used the request.
class ApprovalDetailPane : public QWidget
{
    Q_OBJECT

public:
    ApprovalDetailPane(const client::UserInfo &person, const Clock &clock, QWidget *parent = nullptr);
    ~ApprovalDetailPane() override;

    void showApproval(const Approval &approval);
    void clear();
    const QString &approvalId() const { return m_approval ? m_approval->id : m_noId; }
    // While this person's decision is on its way, deciding again is not offered.
    void setDecisionOnItsWay(bool onItsWay);
    // A line under the decisions: what came of this person's decision.
    void showNotice(const QString &text);

    QPushButton *approveButton() const;
    QPushButton *denyButton() const;
    QPushButton *approveLessButton() const { return m_approveLess; }
    QPushButton *receiptButton() const;
    QMenu *receiptMenu() const { return m_receiptMenu; }

    // The decisions (id, words) whose receipts the menu offers for `approvalId`.
    void setDecisionReceipts(const QString &approvalId, const QList<std::pair<QString, QString>> &decisions);
    void setReceiptBusy(bool busy);

Q_SIGNALS:
    void approveRequested(const mandate::Approval &approval);
    void denyRequested(const mandate::Approval &approval);
    void approveLessRequested(const mandate::Approval &approval);
    // Another request is on show: the page looks up its decisions.
    void approvalChanged(const mandate::Approval &approval);
    void grantReceiptRequested(const QString &delegationId);
    void decisionReceiptRequested(const QString &decisionId);

private:
    void render();
    void updateTimes();
    void updateActions();
    void rebuildReceiptMenu();

    std::unique_ptr<Ui::ApprovalDetailPane> m_ui;
    const client::UserInfo &m_person;
    const Clock &m_clock;
    std::optional<Approval> m_approval;
    const QString m_noId;
    bool m_onItsWay = false;
    bool m_receiptBusy = false;
    QMenu *m_receiptMenu;
    QList<std::pair<QString, QString>> m_decisionReceipts;
    QTimer m_tick;
    QPushButton *m_approveLess = nullptr;
};

} // namespace mandate::ui
