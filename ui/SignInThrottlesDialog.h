#pragma once

#include "client/MandateApi.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mandate::ui {

// For admins: who cannot sign in now (a username from an address, or an address for everyone),
// how many failed attempts put them there and for how many more minutes, with Unlock for a person,
// so nobody hunts for the person's event in the audit trail first.
class SignInThrottlesDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        UsernameColumn,
        AddressColumn,
        FailuresColumn,
        UntilColumn,
        ColumnCount
    };

    explicit SignInThrottlesDialog(client::MandateApi &api, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *unlockButton() const { return m_unlock; }
    QLabel *statusLabel() const { return m_status; }
    void reload();

Q_SIGNALS:
    void loaded();

private:
    void showThrottles(const QList<client::MandateApi::SignInThrottle> &throttles);
    void unlockSelected();
    void updateUnlock();

    client::MandateApi &m_api;
    QList<client::MandateApi::SignInThrottle> m_throttles;
    QTableWidget *m_table;
    QPushButton *m_unlock;
    QLabel *m_status;
};

} // namespace mandate::ui
