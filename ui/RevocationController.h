#pragma once

#include "client/ApiError.h"
#include "ui/ReasonConfirmDialog.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QWidget;

namespace mandate::client {
class MandateApi;
}

namespace mandate::ui {

// Revoke one or many delegations, all of a customer's, or suspend an agent: each confirmed with a
// reason in a ReasonConfirmDialog, sent, and reported. The pages ask; this does.
class RevocationController : public QObject
{
    Q_OBJECT

public:
    RevocationController(client::MandateApi &api, QWidget *dialogParent, QObject *parent = nullptr);

    struct Target
    {
        QString id;
        QString description; // "Travel booker — Book flights for the Berlin trip"
    };
    void revokeDelegations(const QList<Target> &delegations);
    void revokeAllOfCustomer(const QString &customerId, const QString &customerName);
    void suspendAgent(const QString &agentId, const QString &agentName);
    // Lets a suspended agent act again; what the suspension revoked stays revoked.
    void reinstateAgent(const QString &agentId, const QString &agentName);

    // The dialog of the action under way, for tests that drive it.
    ReasonConfirmDialog *currentDialog() const { return m_dialog; }

Q_SIGNALS:
    // Something changed on the server; lists should reload.
    void changed(const QString &summary);

private:
    // One revocation after the other: a bulk revoke of many rows must not open many connections at
    // once, and the first failure is reported with the number already done.
    struct BulkRevoke
    {
        QList<Target> targets;
        QString reason;
        int done = 0;
    };
    void revokeNext(std::shared_ptr<BulkRevoke> state, QPointer<ReasonConfirmDialog> dialog);
    ReasonConfirmDialog *openDialog(const QString &title, const QString &question, const QString &action);
    void countActiveDelegations(const QString &agentId, const QString &cursor, int countSoFar);

    client::MandateApi &m_api;
    QWidget *m_dialogParent;
    QPointer<ReasonConfirmDialog> m_dialog;
};

} // namespace mandate::ui
