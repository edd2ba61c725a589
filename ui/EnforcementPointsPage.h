#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QMessageBox;
class QPushButton;
class QTableView;

namespace Ui {
class EnforcementPointsPage;
}

namespace mandate::client {
class ConsoleSession;
struct EnforcementPointInfo;
struct ApiError;
} // namespace mandate::client
namespace mandate::models {
class EnforcementPointListModel;
}

namespace mandate::ui {

class EnforcementTokenDialog;
class RegisterEnforcementPointDialog;

// Admins only: the enforcement points (gateways, MCP servers) allowed to ask Mandate's AuthZEN
// endpoints. Register… names a new one and shows its token once; Revoke… refuses its token from
// the next request on, after a confirmation.
class EnforcementPointsPage : public QWidget
{
    Q_OBJECT

public:
    explicit EnforcementPointsPage(client::ConsoleSession &session, QWidget *parent = nullptr);
    ~EnforcementPointsPage() override;

    models::EnforcementPointListModel &model() const { return *m_model; }
    QTableView *table() const;
    QPushButton *registerButton() const;
    QPushButton *revokeButton() const;
    // The dialogs while they are open, for tests that drive them.
    RegisterEnforcementPointDialog *registerDialog() const;
    EnforcementTokenDialog *tokenDialog() const;
    QMessageBox *revokeConfirmation() const;

    void reload();
    void startRegistration();
    void confirmRevocation();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void registerPoint(const QString &name);
    void revoke(const client::EnforcementPointInfo &point);
    void showToken(const QString &pointName, const QString &token);
    void showMessage(const QString &message);
    void selectPoint(const QString &id);
    const client::EnforcementPointInfo *selectedPoint() const;
    void updateActions();

    std::unique_ptr<Ui::EnforcementPointsPage> m_ui;
    client::ConsoleSession &m_session;
    models::EnforcementPointListModel *m_model;
    QPointer<RegisterEnforcementPointDialog> m_registerDialog;
    QPointer<EnforcementTokenDialog> m_tokenDialog;
    QPointer<QMessageBox> m_revokeConfirmation;
    bool m_revoking = false;
};

} // namespace mandate::ui
