#pragma once

#include <QDialog>

#include <memory>

class QLineEdit;
class QPushButton;

namespace Ui {
class RegisterEnforcementPointDialog;
}

namespace mandate::client {
struct ApiError;
}

namespace mandate::ui {

// Asks an admin for the name of a new enforcement point. The name is checked here as the server
// checks it (not empty, at most 200 characters), and what is wrong with it — found here or by the
// server — is said next to the field. The dialog stays open until the caller says it registered.
class RegisterEnforcementPointDialog : public QDialog
{
    Q_OBJECT

public:
    // The server's limit on a name, in code points (openapi.yaml, POST /v1/enforcement-points).
    static constexpr qsizetype MaxNameLength = 200;

    explicit RegisterEnforcementPointDialog(QWidget *parent = nullptr);
    ~RegisterEnforcementPointDialog() override;

    QLineEdit *nameField() const;
    QPushButton *registerButton() const { return m_register; }
    // The message beside the name field; empty while the name is fine.
    QString nameError() const;

    void setBusy(bool busy);
    // A refusal: field errors on the name go beside it, anything else under it.
    void showError(const client::ApiError &error);

Q_SIGNALS:
    // A valid name (trimmed) was confirmed; call accept() once the server registered it.
    void confirmed(const QString &name);

private:
    // The local check: the message for the name as it stands, empty when it may be sent.
    QString problemWithName() const;
    void submit();

    std::unique_ptr<Ui::RegisterEnforcementPointDialog> m_ui;
    QPushButton *m_register = nullptr;
};

} // namespace mandate::ui
