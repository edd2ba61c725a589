#pragma once

#include <QDialog>

#include <memory>

class QLineEdit;
class QPushButton;

namespace Ui {
class EnforcementTokenDialog;
}

namespace mandate::ui {

// The one time an enforcement point's token is seen: the server keeps only its hash, so this
// dialog says plainly that it will not be shown again, offers it for copying, and forgets it when
// it closes (the console keeps the token nowhere else).
class EnforcementTokenDialog : public QDialog
{
    Q_OBJECT

public:
    EnforcementTokenDialog(const QString &pointName, const QString &token, QWidget *parent = nullptr);
    ~EnforcementTokenDialog() override;

    QLineEdit *tokenField() const;
    QPushButton *copyButton() const;

    void done(int result) override;

private:
    std::unique_ptr<Ui::EnforcementTokenDialog> m_ui;
};

} // namespace mandate::ui
