#include "ui/SignalsPage.h"

#include "client/ConsoleSession.h"
#include "models/SignalStreamModel.h"
#include "ui_SignalsPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>

namespace mandate::ui {

SignalsPage::SignalsPage(client::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SignalsPage>())
    , m_session(session)
    , m_model(new models::SignalStreamModel(session.api(), this))
{
    m_ui->setupUi(this);
    QTableView *table = m_ui->table;
    table->setModel(m_model);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->setColumnWidth(models::SignalStreamModel::ReceiverColumn, 150);
    table->setColumnWidth(models::SignalStreamModel::StreamColumn, 170);
    table->setColumnWidth(models::SignalStreamModel::DeliveryColumn, 220);
    table->setColumnWidth(models::SignalStreamModel::StatusColumn, 80);
    table->setColumnWidth(models::SignalStreamModel::QueuedColumn, 70);
    table->setColumnWidth(models::SignalStreamModel::DeliveredColumn, 135);
    table->setColumnWidth(models::SignalStreamModel::FailingSinceColumn, 150);

    connect(m_ui->reload, &QPushButton::clicked, m_model, &models::SignalStreamModel::reload);
    connect(m_ui->pause, &QPushButton::clicked, this, [this] { setStatus(false); });
    connect(m_ui->resume, &QPushButton::clicked, this, [this] { setStatus(true); });
    connect(m_ui->verify, &QPushButton::clicked, this, &SignalsPage::sendVerification);
    connect(m_model, &models::SignalStreamModel::loaded, this, [this] {
        m_ui->summary->setText(
            m_model->receiverCount() == 0
                ? tr("No receiver is registered. Resource servers that accept agents' credentials register "
                     "through the API and then hear the moment an agent's authority ends.")
                : tr("Receivers registered: %1. Each hears the moment an agent's authority ends: its "
                     "delegations "
                     "revoked, expired or completed, its credentials revoked.")
                      .arg(m_model->receiverCount()));
        updateActions();
    });
    connect(m_model, &models::SignalStreamModel::loadFailed, this, [this](const QString &message) {
        m_ui->outcome->setText(tr("Could not load the receivers: %1").arg(message));
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SignalsPage::updateActions);
    connect(m_model, &models::SignalStreamModel::dataChanged, this, &SignalsPage::updateActions);
    connect(&session.connection(), &client::ConnectionMonitor::onlineChanged, this,
            &SignalsPage::updateActions);
    updateActions();
}

SignalsPage::~SignalsPage() = default;

QTableView *SignalsPage::table() const
{
    return m_ui->table;
}

QPushButton *SignalsPage::pauseButton() const
{
    return m_ui->pause;
}

QPushButton *SignalsPage::resumeButton() const
{
    return m_ui->resume;
}

QPushButton *SignalsPage::verifyButton() const
{
    return m_ui->verify;
}

void SignalsPage::showEvent(QShowEvent *event)
{
    // Delivery state changes on its own; what the page shows is as of when it was opened.
    m_model->reload();
    QWidget::showEvent(event);
}

int SignalsPage::selectedRow() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void SignalsPage::updateActions()
{
    const models::SignalStreamModel::Row *row = m_model->rowAt(selectedRow());
    const bool online = m_session.connection().isOnline();
    const QString status = row ? row->stream.status : QString();
    const bool usable = online && row && !row->receiverRevoked;
    m_ui->pause->setEnabled(usable && status == u"enabled");
    m_ui->resume->setEnabled(usable && status != u"enabled");
    m_ui->verify->setEnabled(usable && status != u"disabled");
    const QString why = !online                ? tr("The server is not reachable; this needs it.")
                        : !row                 ? tr("Select a stream first.")
                        : row->receiverRevoked ? tr("The receiver was revoked; its streams send nothing.")
                                               : QString();
    m_ui->pause->setToolTip(why.isEmpty() ? tr("Hold this stream's events; the receiver is told so") : why);
    m_ui->resume->setToolTip(why.isEmpty() ? tr("Send this stream's events again, the held ones first")
                                           : why);
    m_ui->verify->setToolTip(why.isEmpty() ? tr("Ask the receiver to confirm that events reach it") : why);
}

void SignalsPage::setStatus(bool enabled)
{
    const models::SignalStreamModel::Row *row = m_model->rowAt(selectedRow());
    if (!row)
        return;
    const QString stream = row->stream.id;
    // Sent to the receiver in the stream-updated event: a machine's reading, so not translated.
    const QString reason =
        enabled ? QString()
                : QStringLiteral("Paused by %1 from the Mandate console.").arg(m_session.user().displayName);
    const auto reply = m_session.api().setSignalStreamStatus(stream, enabled, reason);
    reply.onSucceeded(this, [this, enabled](const client::SignalStreamInfo &updated) {
        m_model->update(updated);
        m_ui->outcome->setText(enabled ? tr("Resumed; the receiver is told and gets what was held.")
                                       : tr("Paused; the receiver is told, and its events are held."));
    });
    reply.onFailed(this, [this](const client::ApiError &error) { m_ui->outcome->setText(error.message()); });
}

void SignalsPage::sendVerification()
{
    const models::SignalStreamModel::Row *row = m_model->rowAt(selectedRow());
    if (!row)
        return;
    const QString name = row->receiverName;
    const auto reply = m_session.api().sendVerificationEvent(row->stream.id);
    reply.onSucceeded(this, [this, name](const client::MandateApi::Done &) {
        m_ui->outcome->setText(tr("A verification event is on its way to %1.").arg(name));
        m_model->reload();
    });
    reply.onFailed(this, [this](const client::ApiError &error) { m_ui->outcome->setText(error.message()); });
}

} // namespace mandate::ui
