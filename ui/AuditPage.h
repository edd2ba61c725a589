#pragma once

#include "client/MandateApi.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QTableView;

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

    models::AuditListModel &model() { return *m_model; }
    QTableView *table() const { return m_table; }
    QLabel *verificationLabel() const { return m_verification; }

    void reload();
    void showDelegation(const QString &delegationId);
    void verify();
    // Exports the current filter into `file` (the Export buttons ask for it first).
    void exportTo(const QString &file, client::MandateApi::ExportFormat format);

Q_SIGNALS:
    void exportFinished(const QString &file, bool ok, const QString &message);

private:
    QWidget *buildFilters();
    void applyFilters();
    void fillAgents();
    void chooseExportFile(client::MandateApi::ExportFormat format);

    client::ConsoleSession &m_session;
    models::AgentListModel &m_agents;
    models::AuditListModel *m_model;
    QLineEdit *m_delegation;
    QLineEdit *m_customer;
    QComboBox *m_agent;
    QComboBox *m_type;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QLabel *m_verification;
    QPushButton *m_verify;
    QPointer<QProgressDialog> m_progress;
    QTimer m_debounce;
};

} // namespace mandate::ui
