#pragma once

#include "client/LogWitness.h"
#include "client/MandateApi.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace Ui {
class AuditPage;
}

namespace mandate::client {
class ConsoleSession;
class LocalCache;
} // namespace mandate::client
namespace mandate::models {
class AgentListModel;
class AuditListModel;
class FoldedAuditModel;
} // namespace mandate::models

namespace mandate::ui {

class SignInThrottlesDialog;

// For investigators: the tamper-evident timeline under a filter (delegation, agent, customer,
// event type), each event in full, a verification of the whole chain that says in words what it
// proved, and an export of the current filter to JSON Lines or CSV. The console witnesses the log
// here: each load checks the server's signed checkpoint against the one kept from before (loudly
// when the history changed), and "Show proof" proves the selected event against it.
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    // `cache` keeps the witnessed checkpoint; its scope is this session's server.
    AuditPage(client::ConsoleSession &session, models::AgentListModel &agents, client::LocalCache &cache,
              QWidget *parent = nullptr);
    ~AuditPage() override;

    // Every event loaded, in order (what Verify, paging and the export work on).
    models::AuditListModel &model() { return *m_model; }
    // What the table shows: runs of identical decisions folded into one row each.
    models::FoldedAuditModel &foldedModel() { return *m_folded; }
    QTableView *table() const;
    QLabel *verificationLabel() const;
    QLabel *logStatusLabel() const;
    QLabel *proofLabel() const;
    QPushButton *showProofButton() const;
    // Admins: unlocks sign-in for the person who acted in the selected event.
    QPushButton *unlockButton() const { return m_unlock; }
    // Admins: who cannot sign in now, with Unlock, without finding their event first.
    QPushButton *throttlesButton() const { return m_throttles; }
    SignInThrottlesDialog *throttlesDialog() const;
    client::LogWitness &witness() { return *m_witness; }

    // Reloads the events and witnesses the log's newest checkpoint.
    void reload();
    // Proves the selected event against the kept checkpoint.
    void showProof();
    void showDelegation(const QString &delegationId);
    void verify();
    // Selects and scrolls to the event with `seq` (loading pages until it is there), marks it and
    // says why: how Verify shows the first broken event.
    void revealBrokenEvent(qint64 seq);
    // Appends what the log gained since the last event shown (live updates and a slow poll).
    void followLog();
    // Exports the current filter into `file` (the Export buttons ask for it first).
    void exportTo(const QString &file, client::MandateApi::ExportFormat format);

Q_SIGNALS:
    void exportFinished(const QString &file, bool ok, const QString &message);

private:
    void connectFilters();
    void applyFilters();
    void fillAgents();
    void chooseExportFile(client::MandateApi::ExportFormat format);
    void showLogStatus(const client::LogWitness::Status &status);
    void showInclusion(const client::LogWitness::InclusionCheck &check);
    void tryReveal();
    void showEmptyState();

    std::unique_ptr<Ui::AuditPage> m_ui;
    client::ConsoleSession &m_session;
    models::AgentListModel &m_agents;
    models::AuditListModel *m_model;
    models::FoldedAuditModel *m_folded;
    client::LogWitness *m_witness;
    QPointer<QProgressDialog> m_progress;
    QTimer m_debounce;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_throttles = nullptr;
    QPointer<SignInThrottlesDialog> m_throttlesDialog;
    QTimer m_follow;
    QTimer m_poll;
    // The event whose proof is on its way: a refresh of the list must not swallow its answer.
    qint64 m_provingSeq = 0;
    qint64 m_revealSeq = 0;
};

} // namespace mandate::ui
