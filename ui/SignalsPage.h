#pragma once

#include <QWidget>

#include <memory>

class QPushButton;
class QTableView;

namespace Ui {
class SignalsPage;
}

namespace mandate::client {
class ConsoleSession;
}
namespace mandate::models {
class SignalStreamModel;
}

namespace mandate::ui {

// Shared Signals, for administrators: every receiver's streams and how their deliveries go —
// queued, delivered, failing since when and why — with pause, resume and a verification event
// for the selected stream. Receivers themselves are registered through the API (their token is
// shown once, to whoever scripts it).
class SignalsPage : public QWidget
{
    Q_OBJECT

public:
    SignalsPage(client::ConsoleSession &session, QWidget *parent = nullptr);
    ~SignalsPage() override;

    QTableView *table() const;
    QPushButton *pauseButton() const;
    QPushButton *resumeButton() const;
    QPushButton *verifyButton() const;
    models::SignalStreamModel &model() const { return *m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateActions();
    void setStatus(bool enabled);
    void sendVerification();
    int selectedRow() const;

    std::unique_ptr<Ui::SignalsPage> m_ui;
    client::ConsoleSession &m_session;
    models::SignalStreamModel *m_model;
};

} // namespace mandate::ui
