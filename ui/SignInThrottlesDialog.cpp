#include "ui/SignInThrottlesDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mandate::ui {

SignInThrottlesDialog::SignInThrottlesDialog(client::MandateApi &api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_unlock(new QPushButton(tr("&Unlock sign-in"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Sign-in throttles"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Who cannot sign in now after too many failed attempts, and from where. "
                                "Unlock lets a person sign in again at once, from every address."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table->setObjectName(QStringLiteral("throttles"));
    m_table->setAccessibleName(tr("Sign-in throttles"));
    m_table->setHorizontalHeaderLabels(
        {tr("Username"), tr("Address"), tr("Failed attempts"), tr("Locked until")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(UsernameColumn, 160);
    m_table->setColumnWidth(AddressColumn, 160);
    m_table->setColumnWidth(FailuresColumn, 120);
    layout->addWidget(m_table);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_unlock->setObjectName(QStringLiteral("unlock"));
    buttons->addButton(m_unlock, QDialogButtonBox::ActionRole);
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, &SignInThrottlesDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_unlock, &QPushButton::clicked, this, &SignInThrottlesDialog::unlockSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SignInThrottlesDialog::updateUnlock);
    resize(720, 360);
    updateUnlock();
}

void SignInThrottlesDialog::reload()
{
    m_status->setText(tr("Loading…"));
    const auto reply = m_api.signInThrottles();
    reply.onSucceeded(this, [this](const QList<client::MandateApi::SignInThrottle> &throttles) {
        showThrottles(throttles);
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        m_status->setText(tr("The throttles could not be read: %1").arg(error.message()));
    });
}

void SignInThrottlesDialog::showThrottles(const QList<client::MandateApi::SignInThrottle> &throttles)
{
    m_throttles = throttles;
    m_table->setRowCount(static_cast<int>(throttles.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < throttles.size(); ++row) {
        const client::MandateApi::SignInThrottle &throttle = throttles[row];
        const qint64 minutes = qMax<qint64>(1, (now.secsTo(throttle.until) + 59) / 60);
        const QStringList cells{
            throttle.username.isEmpty() ? tr("Everyone from this address") : throttle.username,
            throttle.address, QLocale().toString(throttle.failures),
            tr("%1 (in %2 min)")
                .arg(QLocale().toString(throttle.until.toLocalTime().time(), QLocale::ShortFormat))
                .arg(minutes)};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_status->setText(throttles.isEmpty() ? tr("Nobody is throttled: everyone may sign in.") : QString());
    updateUnlock();
    Q_EMIT loaded();
}

void SignInThrottlesDialog::updateUnlock()
{
    const int row = m_table->currentRow();
    const bool person = m_table->selectionModel()->hasSelection() && row >= 0 && row < m_throttles.size() &&
                        !m_throttles[row].userId.isEmpty();
    m_unlock->setEnabled(person);
    // The rule in words, not only a greyed-out button.
    m_unlock->setToolTip(
        person ? tr("Let %1 sign in again at once, from anywhere").arg(m_throttles[row].username)
               : tr("Select a person first; an address is freed when its window ends."));
}

void SignInThrottlesDialog::unlockSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_throttles.size() || m_throttles[row].userId.isEmpty())
        return;
    const QString username = m_throttles[row].username;
    m_unlock->setEnabled(false);
    const auto reply = m_api.unlockSignIn(m_throttles[row].userId);
    reply.onSucceeded(this, [this, username](const client::UserInfo &) {
        connect(
            this, &SignInThrottlesDialog::loaded, this,
            [this, username] {
                m_status->setText(
                    tr("%1 can sign in again: their failed attempts are forgotten, from every address.")
                        .arg(username));
            },
            Qt::SingleShotConnection);
        reload();
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        updateUnlock();
        m_status->setText(tr("Sign-in could not be unlocked: %1").arg(error.message()));
    });
}

} // namespace mandate::ui
