#pragma once

#include "client/MandateApi.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressDialog;
class QTableView;

namespace Ui {
class AuditPage;
}

namespace mandate::client {
class ConsoleSession;
}
namespace mandate::models {
class AgentListModel;
class AuditListModel;
} // namespace mandate::models

namespace mandate::ui {

// For investigators: the tamper-evident timeline under a filter (delegation, agent, customer,
// event type), each event in full, a verification of the whole chain that says in words what it
// proved, and an export of the current filter to JSON Lines or CSV.
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    AuditPage(client::ConsoleSession &session, models::AgentListModel &agents, QWidget *parent = nullptr);
    ~AuditPage() override;

    models::AuditListModel &model() { return *m_model; }
    QTableView *table() const;
    QLabel *verificationLabel() const;

    void reload();
    void showDelegation(const QString &delegationId);
    void verify();
    // Exports the current filter into `file` (the Export buttons ask for it first).
    void exportTo(const QString &file, client::MandateApi::ExportFormat format);

Q_SIGNALS:
    void exportFinished(const QString &file, bool ok, const QString &message);

private:
    void connectFilters();
    void applyFilters();
    void fillAgents();
    void chooseExportFile(client::MandateApi::ExportFormat format);

    std::unique_ptr<Ui::AuditPage> m_ui;
    client::ConsoleSession &m_session;
    models::AgentListModel &m_agents;
    models::AuditListModel *m_model;
    QPointer<QProgressDialog> m_progress;
    QTimer m_debounce;
};

} // namespace mandate::ui
