#pragma once

#include "client/MandateApi.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

namespace mandate::ui {

// "Save receipt…": fetches a grant's or a decision's receipt, checks it offline, asks where to put
// it and writes the server's JSON there unchanged. A receipt whose event is not yet in a signed
// checkpoint (202) is a wait of a second, said as such, not an error.
class ReceiptSaver : public QObject
{
    Q_OBJECT

public:
    // Where to save, or an empty string when the person cancelled; QFileDialog unless replaced.
    using FileChooser = std::function<QString(QWidget *parent, const QString &suggested)>;

    ReceiptSaver(client::MandateApi &api, QWidget *parent);

    void saveDelegationReceipt(const QString &delegationId);
    void saveDecisionReceipt(const QString &decisionId);
    bool isBusy() const { return m_reply.isRunning(); }
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

Q_SIGNALS:
    void busyChanged(bool busy);
    // What came of it, in one sentence for the pane; `ok` only when a receipt was written.
    void finished(bool ok, const QString &message);

private:
    void fetch(const client::Reply<client::MandateApi::ReceiptDocument> &reply, const QString &suggestedName);
    void save(const client::MandateApi::ReceiptDocument &receipt, const QString &suggestedName);
    void finish(bool ok, const QString &message);

    client::MandateApi &m_api;
    QPointer<QWidget> m_parent;
    FileChooser m_chooseFile;
    client::Reply<client::MandateApi::ReceiptDocument> m_reply;
};

} // namespace mandate::ui
