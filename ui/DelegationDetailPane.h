#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QScrollArea;
class QTreeView;
class QTreeWidget;
class QVBoxLayout;

namespace mandate {
class Clock;
}
namespace mandate::client {
class MandateApi;
}
namespace mandate::models {
class DecisionListModel;
class DelegationLoader;
} // namespace mandate::models

namespace mandate::ui {

class ReceiptSaver;
class TryActionPanel;

// Everything about one delegation a person needs to judge it: purpose, agent and SPIFFE ID, each
// scope with its limits and a usage bar, approval rules, revocation triggers, the delegation chain
// as a tree, and the latest decisions made under it; the grant's consent receipt and each
// decision's receipt can be saved for anyone to check offline.
class DelegationDetailPane : public QWidget
{
    Q_OBJECT

public:
    DelegationDetailPane(client::MandateApi &api, const Clock &clock, QWidget *parent = nullptr);

    // Shows what the list already knows at once, then fills in children and decisions.
    void showDelegation(const Delegation &delegation);
    void clear();
    // What the pane says while no delegation is selected.
    void setEmptyText(const QString &text);
    const QString &delegationId() const { return m_id; }
    models::DecisionListModel *decisionModel() const { return m_decisionModel; }
    ReceiptSaver &receipts() const { return *m_receipts; }
    QPushButton *saveGrantReceiptButton() const { return m_saveGrantReceipt; }
    QPushButton *saveDecisionReceiptButton() const { return m_saveDecisionReceipt; }
    QLabel *receiptNotice() const { return m_receiptNotice; }
    QTreeView *decisionsView() const { return m_decisions; }
    TryActionPanel *tryActionPanel() const { return m_tryAction; }
    QPushButton *saveConsentReceiptButton() const { return m_saveConsent; }
    // Where to save the consent receipt PDF; QFileDialog unless replaced (tests).
    using PdfChooser = std::function<QString(QWidget *parent, const QString &suggested)>;
    void setPdfChooser(PdfChooser chooser) { m_choosePdf = std::move(chooser); }

Q_SIGNALS:
    void openDelegation(const QString &id);

private:
    void render(const Delegation &delegation);
    void renderScopes(const Delegation &delegation);
    void loadDecisions();
    void loadChildren();
    QWidget *buildDecisions(QWidget *parent);
    void updateReceiptButtons();
    void simulate(const AuthorizeRequest &request);
    void saveConsentReceipt();

    client::MandateApi &m_api;
    const Clock &m_clock;
    QString m_id;
    QLabel *m_title;
    QLabel *m_summary;
    QWidget *m_scopes;
    QVBoxLayout *m_scopesLayout;
    QLabel *m_rules;
    QLabel *m_triggers;
    QTreeWidget *m_chain;
    QTreeView *m_decisions;
    QLabel *m_empty;
    QWidget *m_content;
    QScrollArea *m_scroll;
    models::DelegationLoader *m_loader;
    models::DecisionListModel *m_decisionModel;
    ReceiptSaver *m_receipts;
    QPushButton *m_saveGrantReceipt;
    QPushButton *m_saveDecisionReceipt = nullptr;
    QLabel *m_receiptNotice;
    TryActionPanel *m_tryAction = nullptr;
    QPushButton *m_saveConsent = nullptr;
    std::optional<Delegation> m_shown;
    PdfChooser m_choosePdf;
};

} // namespace mandate::ui
