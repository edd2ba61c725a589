#include "ui/AuditPage.h"

#include "client/ConsoleSession.h"
#include "client/DownloadJob.h"
#include "client/EventStream.h"
#include "models/AgentListModel.h"
#include "models/AuditFormatter.h"
#include "models/AuditListModel.h"
#include "models/FoldedAuditModel.h"
#include "models/LogWitnessFormatter.h"
#include "ui/SignInThrottlesDialog.h"
#include "ui/wizard/ThemeColors.h"
#include "ui_AuditPage.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QStyle>

namespace mandate::ui {

AuditPage::AuditPage(client::ConsoleSession &session, models::AgentListModel &agents,
                     client::LocalCache &cache, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditPage>())
    , m_session(session)
    , m_agents(agents)
    , m_model(new models::AuditListModel(session.api(), this))
    , m_folded(new models::FoldedAuditModel(*m_model, this))
    , m_witness(new client::LogWitness(session.api(), cache, this))
{
    m_ui->setupUi(this);
    connectFilters();

    QTableView *table = m_ui->table;
    table->setModel(m_folded);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 12);
    table->horizontalHeader()->setSectionResizeMode(models::AuditListModel::SummaryColumn,
                                                    QHeaderView::Stretch);
    // Wide enough for a folded run's span of events and of times, in the reader's locale.
    const QDateTime late(QDate(2026, 12, 28), QTime(23, 58, 58));
    const QString span = QLocale().toString(late, QLocale::ShortFormat) + QStringLiteral(" – ") +
                         QLocale().toString(late.time(), QLocale::ShortFormat);
    table->setColumnWidth(models::AuditListModel::SeqColumn,
                          table->fontMetrics().horizontalAdvance(QStringLiteral("00000–00000")) + 16);
    table->setColumnWidth(models::AuditListModel::TimeColumn,
                          table->fontMetrics().horizontalAdvance(span) + 16);
    table->setColumnWidth(models::AuditListModel::TypeColumn, 150);
    table->setColumnWidth(models::AuditListModel::ActorColumn, 120);
    table->setColumnWidth(models::AuditListModel::DelegationColumn, 200);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_ui->details->setPlainText(
                    current.siblingAtColumn(0).data(models::AuditListModel::DetailsRole).toString());
                const AuditEvent *event = current.isValid() ? m_folded->eventAt(current.row()) : nullptr;
                // Another event chosen ends the wait for a proof; a list refreshed under it does not.
                if (event && event->seq != m_provingSeq) {
                    m_provingSeq = 0;
                    m_ui->proofResult->clear();
                }
                m_ui->showProof->setEnabled(current.isValid());
                const bool person = event && event->actorKind == AuditEvent::ActorKind::User;
                m_unlock->setEnabled(person);
                m_unlock->setToolTip(person ? tr("Let %1 sign in again at once, from anywhere")
                                                  .arg(models::AuditFormatter::actorText(*event))
                                            : tr("Select an event a person did first."));
            });
    // A repeat that arrives extends the selected row: its count, span and newest event are news.
    connect(m_folded, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_ui->table->selectionModel()->currentIndex();
                if (current.isValid() && current.row() >= topLeft.row() &&
                    current.row() <= bottomRight.row() && m_folded->repeatsAt(current.row()) > 1)
                    m_ui->details->setPlainText(
                        current.siblingAtColumn(0).data(models::AuditListModel::DetailsRole).toString());
            });
    m_ui->showProof->setEnabled(false);
    connect(m_ui->showProof, &QPushButton::clicked, this, &AuditPage::showProof);
    // An admin finds a locked-out person by name here and unlocks their sign-in in place.
    m_unlock = new QPushButton(tr("&Unlock sign-in"), this);
    m_unlock->setObjectName(QStringLiteral("unlockSignIn"));
    m_unlock->setVisible(session.user().isAdmin());
    m_unlock->setEnabled(false);
    m_ui->proofRow->addWidget(m_unlock);
    m_throttles = new QPushButton(tr("Sign-in &throttles…"), this);
    m_throttles->setObjectName(QStringLiteral("signInThrottles"));
    m_throttles->setVisible(session.user().isAdmin());
    m_ui->proofRow->addWidget(m_throttles);
    connect(m_throttles, &QPushButton::clicked, this, [this] {
        if (!m_throttlesDialog) {
            m_throttlesDialog = new SignInThrottlesDialog(m_session.api(), this);
            m_throttlesDialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_throttlesDialog->show();
        m_throttlesDialog->raise();
        m_throttlesDialog->reload();
    });
    connect(m_unlock, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_ui->table->selectionModel()->currentIndex();
        const AuditEvent *event = current.isValid() ? m_folded->eventAt(current.row()) : nullptr;
        if (!event || event->actorKind != AuditEvent::ActorKind::User)
            return;
        const QString name = models::AuditFormatter::actorText(*event);
        m_unlock->setEnabled(false);
        const auto reply = m_session.api().unlockSignIn(event->actorId);
        reply.onSucceeded(this, [this, name](const client::UserInfo &) {
            m_unlock->setEnabled(true);
            m_ui->proofResult->setStyleSheet(QString());
            m_ui->proofResult->setText(
                tr("%1 can sign in again: their failed attempts are forgotten, from every address.")
                    .arg(name));
        });
        reply.onFailed(this, [this](const client::ApiError &error) {
            m_unlock->setEnabled(true);
            m_ui->proofResult->setText(tr("Sign-in could not be unlocked: %1").arg(error.message()));
        });
    });
    connect(m_witness, &client::LogWitness::statusChanged, this, &AuditPage::showLogStatus);
    connect(m_witness, &client::LogWitness::inclusionChecked, this, &AuditPage::showInclusion);
    m_ui->logIcon->setVisible(false);
    connect(table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(models::AuditListModel::DelegationIdRole).toString();
        if (!id.isEmpty())
            showDelegation(id); // follow one delegation's whole story
    });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &AuditPage::applyFilters);
    connect(&m_agents, &models::AgentListModel::loaded, this, &AuditPage::fillAgents);
    fillAgents();

    // The trail follows the log: every live event may have added to it (the server answers the
    // list once the event has its place), and a slow poll catches what no live event announces.
    m_follow.setSingleShot(true);
    m_follow.setInterval(400);
    connect(&m_follow, &QTimer::timeout, this, &AuditPage::followLog);
    connect(&m_session.events(), &client::EventStream::eventReceived, this, [this] { m_follow.start(); });
    m_poll.setInterval(10'000);
    connect(&m_poll, &QTimer::timeout, this, &AuditPage::followLog);
    m_poll.start();
    connect(m_model, &models::AuditListModel::pageLoaded, this, [this] {
        showEmptyState();
        tryReveal();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::showEmptyState);
}

void AuditPage::followLog()
{
    if (isVisible())
        m_model->followTail();
}

void AuditPage::showEmptyState()
{
    const client::AuditFilter &filter = m_model->filter();
    const bool filtered = !filter.delegationId.isEmpty() || !filter.agentId.isEmpty() ||
                          !filter.type.isEmpty() || !filter.text.isEmpty();
    // In the details' own text colour, not the faint grey of a hint: an empty trail must be read.
    const QString empty =
        filtered ? tr("No events match these filters. Search takes names, usernames and ids; clear a filter "
                      "to see more.")
                 : tr("No events yet.");
    if (m_model->rowCount() == 0)
        m_ui->details->setPlainText(empty);
    else if (m_ui->details->toPlainText() == empty)
        m_ui->details->clear();
}

void AuditPage::revealBrokenEvent(qint64 seq)
{
    m_revealSeq = seq;
    const client::AuditFilter &filter = m_model->filter();
    if (filter == client::AuditFilter{}) {
        tryReveal();
        return;
    }
    // The broken event may be outside the filter: show the whole trail.
    const QSignalBlocker delegation(m_ui->delegation);
    const QSignalBlocker search(m_ui->customer);
    const QSignalBlocker agent(m_ui->agent);
    const QSignalBlocker type(m_ui->type);
    m_ui->delegation->clear();
    m_ui->customer->clear();
    m_ui->agent->setCurrentIndex(0);
    m_ui->type->setCurrentIndex(0);
    applyFilters();
}

void AuditPage::tryReveal()
{
    if (m_revealSeq <= 0 || m_model->isLoading())
        return;
    const int row = m_model->rowOf(QString::number(m_revealSeq));
    if (row < 0) {
        if (m_model->canFetchMore({}))
            m_model->fetchMore({});
        else
            m_revealSeq = 0;
        return;
    }
    const qint64 seq = m_revealSeq;
    m_revealSeq = 0;
    // Marking it takes the event out of a folded run, so that the row selected is that event alone.
    m_model->setBrokenSeq(seq);
    const QModelIndex index = m_folded->index(m_folded->rowOfSeq(seq), 0);
    m_ui->table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_ui->table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_ui->details->setPlainText(
        tr("✘ This event does not verify: its hash, or the link from the event before it, no longer matches "
           "what was written. It, or the link to it, was changed or removed afterwards.") +
        QStringLiteral("\n\n") + index.data(models::AuditListModel::DetailsRole).toString());
    m_ui->table->setFocus(Qt::OtherFocusReason);
}

AuditPage::~AuditPage() = default;

QTableView *AuditPage::table() const
{
    return m_ui->table;
}

SignInThrottlesDialog *AuditPage::throttlesDialog() const
{
    return m_throttlesDialog;
}

QLabel *AuditPage::verificationLabel() const
{
    return m_ui->verification;
}

QLabel *AuditPage::logStatusLabel() const
{
    return m_ui->logStatus;
}

QLabel *AuditPage::proofLabel() const
{
    return m_ui->proofResult;
}

QPushButton *AuditPage::showProofButton() const
{
    return m_ui->showProof;
}

void AuditPage::connectFilters()
{
    const bool staff = m_session.user().isStaff();
    connect(m_ui->delegation, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_ui->customer, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_ui->agent, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    m_ui->type->addItem(tr("Any event"));
    for (const QString &type : models::AuditFormatter::knownTypes())
        m_ui->type->addItem(models::AuditFormatter::typeText(type), type);
    connect(m_ui->type, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    connect(m_ui->exportJsonLines, &QPushButton::clicked, this,
            [this] { chooseExportFile(client::MandateApi::ExportFormat::JsonLines); });
    connect(m_ui->exportCsv, &QPushButton::clicked, this,
            [this] { chooseExportFile(client::MandateApi::ExportFormat::Csv); });
    m_ui->verifyButton->setVisible(staff);
    connect(m_ui->verifyButton, &QPushButton::clicked, this, &AuditPage::verify);
}

void AuditPage::fillAgents()
{
    const QString current = m_ui->agent->currentData().toString();
    const QSignalBlocker blocker(m_ui->agent);
    m_ui->agent->clear();
    m_ui->agent->addItem(tr("Any agent"));
    for (int row = 0; row < m_agents.rowCount(); ++row)
        m_ui->agent->addItem(m_agents.agentAt(row)->name, m_agents.agentAt(row)->id);
    m_ui->agent->setCurrentIndex(qMax(0, m_ui->agent->findData(current)));
}

void AuditPage::reload()
{
    applyFilters();
    m_witness->check();
}

void AuditPage::showLogStatus(const client::LogWitness::Status &status)
{
    using State = client::LogWitness::Status::State;
    m_ui->logStatus->setText(models::LogWitnessFormatter::statusText(status));
    m_ui->logStatus->setToolTip(models::LogWitnessFormatter::statusDetails(status));
    // A changed history is the one thing on this page that must not be overlooked: error colour, a
    // bold face and the critical icon, not colour alone.
    std::optional<ThemeColors::Role> role;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (status.state == State::Verified) {
        role = ThemeColors::Role::Success;
    } else if (status.state == State::Refused) {
        role = ThemeColors::Role::Error;
        icon = QStyle::SP_MessageBoxCritical;
    } else if (status.state == State::Unreachable) {
        role = ThemeColors::Role::Warning;
        icon = QStyle::SP_MessageBoxWarning;
    }
    m_ui->logStatus->setStyleSheet(
        role ? QStringLiteral("QLabel { color: %1; %2 }")
                   .arg(ThemeColors::name(*role, palette()),
                        status.state == State::Refused ? QStringLiteral("font-weight: bold;") : QString())
             : QString());
    // The icon is for what needs attention; a verified log says so with its ✔ alone.
    const bool showIcon = status.state == State::Refused || status.state == State::Unreachable;
    m_ui->logIcon->setVisible(showIcon);
    if (showIcon) {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
        m_ui->logIcon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    }
    m_ui->logStatus->setAccessibleDescription(m_ui->logStatus->text());
}

void AuditPage::showProof()
{
    const QModelIndex current = m_ui->table->selectionModel()->currentIndex();
    const AuditEvent *event = current.isValid() ? m_folded->eventAt(current.row()) : nullptr;
    if (!event)
        return;
    m_ui->showProof->setEnabled(false);
    m_provingSeq = event->seq;
    m_ui->proofResult->setStyleSheet(QString());
    m_ui->proofResult->setText(
        tr("Proving event %1 against the checkpoint this console verified…").arg(event->seq));
    m_witness->proveInclusion(*event);
}

void AuditPage::showInclusion(const client::LogWitness::InclusionCheck &check)
{
    const QModelIndex current = m_ui->table->selectionModel()->currentIndex();
    const AuditEvent *event = current.isValid() ? m_folded->eventAt(current.row()) : nullptr;
    m_ui->showProof->setEnabled(event != nullptr);
    if (check.seq != m_provingSeq)
        return; // the person moved on to another event
    m_provingSeq = 0;
    const bool failed = !check.verified() && !check.notYetInCheckpoint && !check.transport;
    m_ui->proofResult->setStyleSheet(
        check.verified() || failed
            ? QStringLiteral("QLabel { color: %1; }")
                  .arg(ThemeColors::name(failed ? ThemeColors::Role::Error : ThemeColors::Role::Success,
                                         palette()))
            : QString());
    m_ui->proofResult->setText(models::LogWitnessFormatter::inclusionText(check));
}

void AuditPage::showDelegation(const QString &delegationId)
{
    const QSignalBlocker blocker(m_ui->delegation);
    m_ui->delegation->setText(delegationId);
    applyFilters();
}

void AuditPage::applyFilters()
{
    m_debounce.stop();
    client::AuditFilter filter;
    filter.delegationId = m_ui->delegation->text().trimmed();
    filter.agentId = m_ui->agent->currentData().toString();
    filter.type = m_ui->type->currentData().toString();
    // One field finds people, agents and delegations by name or id; an exact id narrows exactly.
    const QString search = m_ui->customer->text().trimmed();
    if (search.startsWith(u"usr_") && !search.contains(u' '))
        filter.customerId = search;
    else
        filter.text = search;
    m_ui->details->clear();
    m_model->setFilter(filter);
}

void AuditPage::verify()
{
    m_ui->verifyButton->setEnabled(false);
    m_ui->verification->setText(tr("Verifying every event of the audit chain…"));
    const auto reply = m_session.api().verifyAudit();
    reply.onSucceeded(this, [this](const client::MandateApi::AuditVerification &result) {
        m_ui->verifyButton->setEnabled(true);
        const QString count = QLocale().toString(result.events);
        m_ui->verification->setText(
            result.ok
                ? tr("✔ Intact: all %1 events are linked and unchanged since they were written.").arg(count)
                : tr("✘ Broken at event %1: it, or the link to it, was changed or removed after it was "
                     "written. Events before it (of %2) verify.")
                      .arg(result.firstBadSeq)
                      .arg(count));
        if (!result.ok)
            revealBrokenEvent(result.firstBadSeq);
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        m_ui->verifyButton->setEnabled(true);
        m_ui->verification->setText(tr("The chain could not be verified: %1").arg(error.message()));
    });
}

void AuditPage::chooseExportFile(client::MandateApi::ExportFormat format)
{
    const bool csv = format == client::MandateApi::ExportFormat::Csv;
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        (csv ? QStringLiteral("/mandate-audit.csv") : QStringLiteral("/mandate-audit.jsonl"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the audit events"), suggested,
                                                      csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (!file.isEmpty())
        exportTo(file, format);
}

void AuditPage::exportTo(const QString &file, client::MandateApi::ExportFormat format)
{
    client::DownloadJob *job = m_session.api().exportAudit(m_model->filter(), format, file);
    m_progress = new QProgressDialog(tr("Exporting the audit events…"), tr("Cancel"), 0, 0, this);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(300);
    connect(m_progress, &QProgressDialog::canceled, job, &client::DownloadJob::abort);
    connect(job, &client::DownloadJob::progress, this, [this](qint64 bytes) {
        if (m_progress)
            m_progress->setLabelText(
                tr("Exporting the audit events… %1").arg(QLocale().formattedDataSize(bytes)));
    });
    connect(job, &client::DownloadJob::finished, this, [this, file](qint64 bytes) {
        if (m_progress)
            m_progress->close();
        Q_EMIT exportFinished(file, true,
                              tr("Exported %1 to %2.").arg(QLocale().formattedDataSize(bytes), file));
    });
    connect(job, &client::DownloadJob::failed, this, [this, file](const client::ApiError &error) {
        if (m_progress)
            m_progress->close();
        Q_EMIT exportFinished(file, false, tr("The export failed: %1").arg(error.message()));
    });
}

} // namespace mandate::ui
