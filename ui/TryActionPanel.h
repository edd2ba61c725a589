#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"
#include "core/SimulatedDecision.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mandate::ui {

class MoneyEdit;

// "What if Travel booker pays EUR 350.00 to payee:lufthansa?": a person builds one request the
// delegation's agent might make and sees the decision it would get now, the limit that binds and
// what would remain. The panel only asks (tryRequested) and shows; whoever holds it answers — the
// server's simulation for a granted delegation, the same engine on the draft in the grant wizard.
class TryActionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TryActionPanel(QWidget *parent = nullptr);

    // Offers the delegation's actions, and its first scope's resource and destination as a start.
    void setDelegation(const Delegation &delegation);
    void showDecision(const SimulatedDecision &decision);
    void showProblem(const QString &message);
    void setBusy(bool busy);

    AuthorizeRequest request() const;
    QString question() const;

    QComboBox *actionBox() const { return m_action; }
    QLineEdit *resourceEdit() const { return m_resource; }
    MoneyEdit *amountEdit() const { return m_amount; }
    QLineEdit *destinationEdit() const { return m_destination; }
    QComboBox *sensitivityBox() const { return m_sensitivity; }
    QPushButton *tryButton() const { return m_try; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *detailLabel() const { return m_detail; }

Q_SIGNALS:
    void tryRequested(const mandate::AuthorizeRequest &request);

private:
    void updateQuestion();
    QString bindingText(const SimulatedDecision &decision) const;

    QString m_delegationId;
    QString m_agentName;
    QList<Scope> m_scopes;
    QLabel *m_question;
    QComboBox *m_action;
    QLineEdit *m_resource;
    MoneyEdit *m_amount;
    QLineEdit *m_destination;
    QComboBox *m_sensitivity;
    QPushButton *m_try;
    QLabel *m_verdict;
    QLabel *m_detail;
};

} // namespace mandate::ui
