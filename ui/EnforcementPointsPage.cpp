#include "ui/EnforcementPointsPage.h"

#include "client/ConsoleSession.h"
#include "models/EnforcementPointListModel.h"
#include "ui/EnforcementTokenDialog.h"
#include "ui/RegisterEnforcementPointDialog.h"
#include "ui/wizard/ThemeColors.h"
#include "ui_EnforcementPointsPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>

namespace mandate::ui {

using client::EnforcementPointInfo;
using models::EnforcementPointListModel;

EnforcementPointsPage::EnforcementPointsPage(client::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EnforcementPointsPage>())
    , m_session(session)
    , m_model(new EnforcementPointListModel(session.api(), this))
{
    m_ui->setupUi(this);
    m_ui->message->setVisible(false);
    QTableView *table = m_ui->table;
    table->setModel(m_model);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->setColumnWidth(EnforcementPointListModel::NameColumn, 320);
    table->setColumnWidth(EnforcementPointListModel::CreatedColumn, 170);
    table->setColumnWidth(EnforcementPointListModel::LastUsedColumn, 170);

    connect(m_ui->registerButton, &QPushButton::clicked, this, &EnforcementPointsPage::startRegistration);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &EnforcementPointsPage::confirmRevocation);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EnforcementPointsPage::updateActions);
    connect(m_model, &EnforcementPointListModel::dataChanged, this, &EnforcementPointsPage::updateActions);
    connect(m_model, &EnforcementPointListModel::modelReset, this, &EnforcementPointsPage::updateActions);
    connect(m_model, &EnforcementPointListModel::loadFailed, this, [this](const client::ApiError &error) {
        showMessage(tr("Could not load the enforcement points: %1").arg(error.message()));
    });
    // A list that loads again ends what a failed load said.
    connect(m_model, &EnforcementPointListModel::pageLoaded, m_ui->message, &QWidget::hide);
    connect(&session.connection(), &client::ConnectionMonitor::onlineChanged, this,
            &EnforcementPointsPage::updateActions);
    updateActions();
}

EnforcementPointsPage::~EnforcementPointsPage() = default;

QTableView *EnforcementPointsPage::table() const
{
    return m_ui->table;
}

QPushButton *EnforcementPointsPage::registerButton() const
{
    return m_ui->registerButton;
}

QPushButton *EnforcementPointsPage::revokeButton() const
{
    return m_ui->revokeButton;
}

RegisterEnforcementPointDialog *EnforcementPointsPage::registerDialog() const
{
    return m_registerDialog;
}

EnforcementTokenDialog *EnforcementPointsPage::tokenDialog() const
{
    return m_tokenDialog;
}

QMessageBox *EnforcementPointsPage::revokeConfirmation() const
{
    return m_revokeConfirmation;
}

void EnforcementPointsPage::reload()
{
    // The reload replaces every row; the selection follows its point, not its row number.
    const EnforcementPointInfo *selected = selectedPoint();
    const QString keep = selected ? selected->id : QString();
    if (!keep.isEmpty()) {
        auto *once = new QObject(this);
        connect(m_model, &EnforcementPointListModel::pageLoaded, once, [this, once, keep] {
            selectPoint(keep);
            once->deleteLater();
        });
        connect(m_model, &EnforcementPointListModel::loadFailed, once, &QObject::deleteLater);
    }
    m_model->reload();
}

void EnforcementPointsPage::startRegistration()
{
    if (m_registerDialog) {
        m_registerDialog->raise();
        return;
    }
    m_registerDialog = new RegisterEnforcementPointDialog(this);
    m_registerDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_registerDialog->setWindowModality(Qt::WindowModal);
    connect(m_registerDialog, &RegisterEnforcementPointDialog::confirmed, this,
            &EnforcementPointsPage::registerPoint);
    m_registerDialog->show();
}

void EnforcementPointsPage::registerPoint(const QString &name)
{
    m_ui->message->setVisible(false);
    m_registerDialog->setBusy(true);
    const auto reply = m_session.api().registerEnforcementPoint(name);
    // The page, not the dialog, hears the answer: a dialog cancelled meanwhile must not lose the
    // only chance to see the token of a point that did get registered.
    reply.onSucceeded(this, [this](const client::MandateApi::RegisteredEnforcementPoint &registered) {
        m_model->addPoint(registered.point);
        selectPoint(registered.point.id);
        if (m_registerDialog)
            m_registerDialog->accept();
        showToken(registered.point.name, registered.token);
        Q_EMIT statusMessage(tr("Registered the enforcement point %1.").arg(registered.point.name));
        reload();
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        if (m_registerDialog)
            m_registerDialog->showError(error);
        else
            showMessage(tr("The enforcement point was not registered: %1").arg(error.message()));
    });
}

void EnforcementPointsPage::showToken(const QString &pointName, const QString &token)
{
    if (m_tokenDialog)
        m_tokenDialog->close();
    m_tokenDialog = new EnforcementTokenDialog(pointName, token, this);
    m_tokenDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_tokenDialog->setWindowModality(Qt::WindowModal);
    m_tokenDialog->show();
}

void EnforcementPointsPage::confirmRevocation()
{
    const EnforcementPointInfo *selected = selectedPoint();
    if (!selected || selected->isRevoked())
        return;
    if (m_revokeConfirmation)
        m_revokeConfirmation->close();
    const EnforcementPointInfo point = *selected;
    m_revokeConfirmation = new QMessageBox(
        QMessageBox::Warning, tr("Revoke enforcement point"),
        tr("<b>Revoke %1?</b><br>Its token is refused from its next request on, so every agent call "
           "it guards is refused until it is registered again with a new token. This cannot be undone.")
            .arg(point.name.toHtmlEscaped()),
        QMessageBox::Cancel, this);
    QPushButton *confirm = m_revokeConfirmation->addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    m_revokeConfirmation->setDefaultButton(QMessageBox::Cancel);
    m_revokeConfirmation->setAttribute(Qt::WA_DeleteOnClose);
    m_revokeConfirmation->setWindowModality(Qt::WindowModal);
    connect(confirm, &QPushButton::clicked, this, [this, point] { revoke(point); });
    m_revokeConfirmation->show();
}

void EnforcementPointsPage::revoke(const EnforcementPointInfo &point)
{
    m_ui->message->setVisible(false);
    m_revoking = true;
    updateActions();
    const auto reply = m_session.api().revokeEnforcementPoint(point.id);
    reply.onSucceeded(this, [this](const EnforcementPointInfo &revoked) {
        m_revoking = false;
        m_model->updatePoint(revoked);
        Q_EMIT statusMessage(tr("Revoked %1; its token is refused from now on.").arg(revoked.name));
        reload();
    });
    reply.onFailed(this, [this, name = point.name](const client::ApiError &error) {
        m_revoking = false;
        updateActions();
        showMessage(tr("%1 was not revoked: %2").arg(name, error.message()));
    });
}

void EnforcementPointsPage::showMessage(const QString &message)
{
    m_ui->message->setText(message);
    m_ui->message->setStyleSheet(
        QStringLiteral("color: %1;")
            .arg(ThemeColors::name(ThemeColors::Role::Error, m_ui->message->palette())));
    m_ui->message->setVisible(true);
    Q_EMIT statusMessage(message);
}

void EnforcementPointsPage::selectPoint(const QString &id)
{
    if (const int row = m_model->rowOf(id); row >= 0)
        m_ui->table->selectRow(row);
}

const EnforcementPointInfo *EnforcementPointsPage::selectedPoint() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->pointAt(rows.first().row());
}

void EnforcementPointsPage::updateActions()
{
    const bool online = m_session.connection().isOnline();
    m_ui->registerButton->setEnabled(online);
    m_ui->registerButton->setToolTip(online ? tr("Name a gateway or MCP server and get its token")
                                            : tr("The server is not reachable; this needs it."));
    const EnforcementPointInfo *point = selectedPoint();
    const bool revoked = point && point->isRevoked();
    m_ui->revokeButton->setEnabled(online && point && !revoked && !m_revoking);
    m_ui->revokeButton->setToolTip(!online      ? tr("The server is not reachable; this needs it.")
                                   : !point     ? tr("Select an enforcement point first.")
                                   : revoked    ? tr("%1 is already revoked.").arg(point->name)
                                   : m_revoking ? tr("Revoking…")
                                                : tr("Refuse the token of %1 from now on").arg(point->name));
}

} // namespace mandate::ui
