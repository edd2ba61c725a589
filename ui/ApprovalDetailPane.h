#pragma once

#include "client/UserInfo.h"
#include "core/Approval.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

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
// tooltip says why.
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

Q_SIGNALS:
    void approveRequested(const mandate::Approval &approval);
    void denyRequested(const mandate::Approval &approval);

private:
    void render();
    void updateTimes();
    void updateActions();

    std::unique_ptr<Ui::ApprovalDetailPane> m_ui;
    const client::UserInfo &m_person;
    const Clock &m_clock;
    std::optional<Approval> m_approval;
    const QString m_noId;
    bool m_onItsWay = false;
    QTimer m_tick;
};

} // namespace mandate::ui
