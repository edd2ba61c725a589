#include "ui/ReceiptSaver.h"

#include "models/AuditFormatter.h"
#include "models/LogWitnessFormatter.h"

#include <QFileDialog>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>
#include <QWidget>

namespace mandate::ui {

ReceiptSaver::ReceiptSaver(client::MandateApi &api, QWidget *parent)
    : QObject(parent)
    , m_api(api)
    , m_parent(parent)
    , m_chooseFile([](QWidget *owner, const QString &suggested) {
        return QFileDialog::getSaveFileName(owner, tr("Save the receipt"), suggested, tr("JSON (*.json)"));
    })
{}

void ReceiptSaver::saveDelegationReceipt(const QString &delegationId)
{
    fetch(m_api.delegationReceipt(delegationId), QStringLiteral("receipt-%1.json").arg(delegationId));
}

void ReceiptSaver::saveDecisionReceipt(const QString &decisionId)
{
    fetch(m_api.decisionReceipt(decisionId), QStringLiteral("receipt-%1.json").arg(decisionId));
}

void ReceiptSaver::fetch(const client::Reply<client::MandateApi::ReceiptDocument> &reply,
                         const QString &suggestedName)
{
    m_reply.abort();
    m_reply = reply;
    Q_EMIT busyChanged(true);
    reply.onSucceeded(this, [this, suggestedName](const client::MandateApi::ReceiptDocument &receipt) {
        m_reply = {};
        save(receipt, suggestedName);
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        m_reply = {};
        finish(false, tr("The receipt could not be fetched: %1").arg(error.message()));
    });
}

void ReceiptSaver::save(const client::MandateApi::ReceiptDocument &receipt, const QString &suggestedName)
{
    if (receipt.pending) {
        finish(false, tr("Not yet in a checkpoint — try again in a second."));
        return;
    }
    // A receipt that does not check out is no proof for anyone; saving it would only mislead.
    if (receipt.verification != LogError::None) {
        finish(false, tr("The server's receipt does not verify (%1), so it was not saved.")
                          .arg(models::LogWitnessFormatter::errorText(receipt.verification)));
        return;
    }
    const QString file =
        m_chooseFile(m_parent, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                   QLatin1Char('/') + suggestedName);
    if (file.isEmpty()) {
        finish(false, QString());
        return;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(receipt.json) != receipt.json.size() || !out.commit()) {
        finish(false, tr("The receipt could not be saved to %1: %2").arg(file, out.errorString()));
        return;
    }
    finish(true, tr("Receipt saved to %1. It proves that “%2” (event %3) is in the server's audit log of %4 "
                    "events; anyone can check it offline with mandate-agent verify-receipt.")
                     .arg(file, models::AuditFormatter::typeText(receipt.eventType))
                     .arg(receipt.seq)
                     .arg(QLocale().toString(receipt.treeSize)));
}

void ReceiptSaver::finish(bool ok, const QString &message)
{
    Q_EMIT busyChanged(false);
    Q_EMIT finished(ok, message);
}

} // namespace mandate::ui
