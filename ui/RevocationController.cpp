#include "ui/RevocationController.h"

#include "client/MandateApi.h"
#include "ui/ReasonConfirmDialog.h"

#include <QPushButton>

#include <memory>

namespace mandate::ui {

namespace {

QString delegationCount(int count)
{
    return count == 1 ? RevocationController::tr("1 delegation")
                      : RevocationController::tr("%1 delegations").arg(count);
}

} // namespace

RevocationController::RevocationController(client::MandateApi &api, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_dialogParent(dialogParent)
{}

ReasonConfirmDialog *RevocationController::openDialog(const QString &title, const QString &question,
                                                      const QString &action)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new ReasonConfirmDialog(title, question, action, m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->show();
    return m_dialog;
}

void RevocationController::revokeDelegations(const QList<Target> &delegations)
{
    if (delegations.isEmpty())
        return;
    const QString question =
        delegations.size() == 1
            ? tr("<b>Revoke this delegation?</b><br>%1<br>The agent loses this "
                 "authority at once, and so does "
                 "every agent it delegated onwards.")
                  .arg(delegations.first().description.toHtmlEscaped())
            : tr("<b>Revoke %1?</b><br>The agents lose this authority at once, and so does every agent "
                 "they delegated onwards.")
                  .arg(delegationCount(static_cast<int>(delegations.size())));
    ReasonConfirmDialog *dialog =
        openDialog(tr("Revoke delegation"), question,
                   delegations.size() == 1 ? tr("Revoke")
                                           : tr("Revoke %n", nullptr, static_cast<int>(delegations.size())));
    connect(dialog, &ReasonConfirmDialog::confirmed, this,
            [this, dialog, delegations](const QString &reason) {
                dialog->setBusy(true);
                revokeNext(std::make_shared<BulkRevoke>(BulkRevoke{delegations, reason, 0}), dialog);
            });
}

void RevocationController::revokeNext(std::shared_ptr<BulkRevoke> state, QPointer<ReasonConfirmDialog> dialog)
{
    if (state->done == state->targets.size()) {
        Q_EMIT changed(tr("Revoked %1.").arg(delegationCount(state->done)));
        if (dialog)
            dialog->accept();
        return;
    }
    const auto reply = m_api.revoke(state->targets[state->done].id, state->reason);
    reply.onSucceeded(this, [this, state, dialog](const Delegation &) {
        ++state->done;
        revokeNext(state, dialog);
    });
    reply.onFailed(this, [this, state, dialog](const client::ApiError &error) {
        if (state->done > 0)
            Q_EMIT changed(tr("Revoked %1.").arg(delegationCount(state->done)));
        if (dialog)
            dialog->showError(tr("Revoking \"%1\" failed: %2")
                                  .arg(state->targets[state->done].description, error.message()));
    });
}

void RevocationController::revokeAllOfCustomer(const QString &customerId, const QString &customerName)
{
    ReasonConfirmDialog *dialog = openDialog(
        tr("Revoke all delegations"),
        tr("<b>Revoke every active delegation of %1?</b><br>All of their agents lose the authority %1 gave "
           "them, at once.")
            .arg(customerName.toHtmlEscaped()),
        tr("Revoke all"));
    dialog->setReasonShownToCustomer();
    connect(dialog, &ReasonConfirmDialog::confirmed, this,
            [this, dialog, customerId, customerName](const QString &reason) {
                dialog->setBusy(true);
                const auto reply = m_api.revokeAll(customerId, reason);
                reply.onSucceeded(this, [this, dialog = QPointer(dialog), customerName](int revoked) {
                    Q_EMIT changed(tr("Revoked %1 of %2.").arg(delegationCount(revoked), customerName));
                    if (dialog)
                        dialog->accept();
                });
                reply.onFailed(
                    dialog, [dialog](const client::ApiError &error) { dialog->showError(error.message()); });
            });
}

void RevocationController::suspendAgent(const QString &agentId, const QString &agentName)
{
    ReasonConfirmDialog *dialog = openDialog(
        tr("Suspend agent"),
        tr("<b>Suspend %1?</b><br>The agent is refused everything from now on, for every customer, and every "
           "credential it holds stops working. Its waiting approval requests are cancelled.<br><b>This "
           "cannot be "
           "undone for its delegations:</b> they stay revoked even if support reinstates the agent later, "
           "and "
           "each customer must grant again.")
            .arg(agentName.toHtmlEscaped()),
        tr("Suspend agent"));
    dialog->setImpact(tr("Counting the active delegations this revokes…"), false);
    dialog->setReasonShownToCustomer();
    countActiveDelegations(agentId, {}, 0);
    connect(
        dialog, &ReasonConfirmDialog::confirmed, this,
        [this, dialog, agentId, agentName](const QString &reason) {
            dialog->setBusy(true);
            const auto reply = m_api.suspendAgent(agentId, reason);
            reply.onSucceeded(this, [this, dialog = QPointer(dialog), agentName](int revoked) {
                Q_EMIT changed(tr("Suspended %1 and revoked %2.").arg(agentName, delegationCount(revoked)));
                if (dialog)
                    dialog->accept();
            });
            reply.onFailed(dialog,
                           [dialog](const client::ApiError &error) { dialog->showError(error.message()); });
        });
}

void RevocationController::reinstateAgent(const QString &agentId, const QString &agentName)
{
    ReasonConfirmDialog *dialog = openDialog(
        tr("Reinstate agent"),
        tr("<b>Reinstate %1?</b><br>The agent may be granted delegations and act again. The delegations its "
           "suspension revoked stay revoked: each customer grants again if they still want it.")
            .arg(agentName.toHtmlEscaped()),
        tr("Reinstate agent"));
    connect(
        dialog, &ReasonConfirmDialog::confirmed, this,
        [this, dialog, agentId, agentName](const QString &reason) {
            dialog->setBusy(true);
            const auto reply = m_api.reinstateAgent(agentId, reason);
            reply.onSucceeded(this, [this, dialog = QPointer(dialog), agentName](const client::AgentInfo &) {
                Q_EMIT changed(tr("Reinstated %1. Its earlier delegations stay revoked.").arg(agentName));
                if (dialog)
                    dialog->accept();
            });
            reply.onFailed(dialog,
                           [dialog](const client::ApiError &error) { dialog->showError(error.message()); });
        });
}

void RevocationController::countActiveDelegations(const QString &agentId, const QString &cursor,
                                                  int countSoFar)
{
    client::DelegationFilter filter;
    filter.agentId = agentId;
    filter.status = DelegationStatus::Active;
    const auto reply = m_api.delegations(filter, cursor, 500);
    QPointer<ReasonConfirmDialog> dialog = m_dialog;
    reply.onSucceeded(this, [this, dialog, agentId, countSoFar](const client::Page<Delegation> &page) {
        if (!dialog)
            return;
        const int count = countSoFar + static_cast<int>(page.items.size());
        const QString &next = page.nextCursor;
        if (!next.isEmpty()) {
            dialog->setImpact(tr("Counting the active delegations this revokes… %1 so far").arg(count),
                              false);
            countActiveDelegations(agentId, next, count);
            return;
        }
        dialog->setImpact(count == 0 ? tr("It holds no active delegation, so none is revoked.")
                                     : (count == 1 ? tr("This revokes 1 active delegation.")
                                                   : tr("This revokes %1 active delegations.").arg(count)));
    });
    reply.onFailed(this, [dialog](const client::ApiError &error) {
        if (dialog)
            dialog->setImpact(QObject::tr("The impact could not be counted (%1).").arg(error.message()));
    });
}

} // namespace mandate::ui
