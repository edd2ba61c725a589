#pragma once

#include "client/ApiError.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mandate {
class Clock;
}
namespace mandate::client {
class ConsoleSession;
class LocalCache;
} // namespace mandate::client
namespace mandate::models {
class AgentListModel;
class DelegationListModel;
} // namespace mandate::models

namespace mandate::ui {

class DelegationDetailPane;
class RevocationController;

// The delegations a person may see — a customer their own, support staff everyone's — searchable,
// filterable and sortable on the server, paged as the table scrolls, updated live, with the
// selected delegation's details beside it and the actions that fit the person's role.
class DelegationsPage : public QWidget
{
    Q_OBJECT

public:
    DelegationsPage(client::ConsoleSession &session, models::AgentListModel &agents,
                    client::LocalCache &cache, RevocationController &revocations, const Clock &clock,
                    QWidget *parent = nullptr);

    models::DelegationListModel &model() { return *m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    DelegationDetailPane *detailPane() const { return m_detail; }

    // Loads the list again and keeps the selection (or selects `selectId`, a delegation just granted).
    void reload(const QString &selectId = {});
    // Search for `text` right away (no debounce), e.g. from a link elsewhere in the console.
    void search(const QString &text);
    // For people who read no audit trail, the Audit trail button is not offered.
    void setAuditAvailable(bool available);

Q_SIGNALS:
    void grantRequested();
    void auditRequested(const QString &delegationId);
    void statusMessage(const QString &message);

private:
    void buildToolbar(QWidget *bar);
    void reselect();
    void applyFilters();
    void fillAgentFilter();
    void onSelectionChanged();
    void onLoadFailed(const client::ApiError &error);
    void updateActions();
    void revokeSelected();
    void revokeAllOfCustomer();
    QList<int> selectedRows() const;

    client::ConsoleSession &m_session;
    models::AgentListModel &m_agents;
    client::LocalCache &m_cache;
    RevocationController &m_revocations;
    models::DelegationListModel *m_model;
    QTableView *m_table;
    DelegationDetailPane *m_detail;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_agent;
    QPushButton *m_grant;
    QPushButton *m_revoke;
    QPushButton *m_revokeAll;
    QPushButton *m_audit;
    QLabel *m_offlineNote;
    QTimer m_debounce;
    QTimer m_clockTick;
    QStringList m_reselect; // ids to select again once the reloaded list is in
    bool m_showingSnapshot = false;
};

} // namespace mandate::ui
