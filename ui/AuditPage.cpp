#include "ui/AuditPage.h"

#include "client/ConsoleSession.h"
#include "client/DownloadJob.h"
#include "models/AgentListModel.h"
#include "models/AuditFormatter.h"
#include "models/AuditListModel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace mandate::ui {

AuditPage::AuditPage(client::ConsoleSession &session, models::AgentListModel &agents, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_agents(agents)
    , m_model(new models::AuditListModel(session.api(), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Audit events"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(models::AuditListModel::SummaryColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(models::AuditListModel::SeqColumn, 60);
    m_table->setColumnWidth(models::AuditListModel::TimeColumn, 140);
    m_table->setColumnWidth(models::AuditListModel::TypeColumn, 150);
    m_table->setColumnWidth(models::AuditListModel::ActorColumn, 120);
    m_table->setColumnWidth(models::AuditListModel::DelegationColumn, 200);
    m_details = new QPlainTextEdit(splitter);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Event details"));
    m_details->setPlaceholderText(tr("Select an event to see every field of it, its chain and its hashes."));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_details->setPlainText(
                    current.siblingAtColumn(0).data(models::AuditListModel::DetailsRole).toString());
            });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(models::AuditListModel::DelegationIdRole).toString();
        if (!id.isEmpty())
            showDelegation(id); // follow one delegation's whole story
    });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &AuditPage::applyFilters);
    connect(&m_agents, &models::AgentListModel::loaded, this, &AuditPage::fillAgents);
    fillAgents();
}

QWidget *AuditPage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_delegation = new QLineEdit(bar);
    m_delegation->setPlaceholderText(tr("Delegation id (dlg_…)"));
    m_delegation->setAccessibleName(tr("Delegation filter"));
    m_delegation->setClearButtonEnabled(true);
    connect(m_delegation, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    layout->addWidget(m_delegation, 1);
    m_customer = new QLineEdit(bar);
    m_customer->setPlaceholderText(tr("Customer id (usr_…)"));
    m_customer->setAccessibleName(tr("Customer filter"));
    m_customer->setClearButtonEnabled(true);
    m_customer->setVisible(m_session.user().isStaff());
    connect(m_customer, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    layout->addWidget(m_customer, 1);
    m_agent = new QComboBox(bar);
    m_agent->setAccessibleName(tr("Agent filter"));
    connect(m_agent, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    layout->addWidget(m_agent);
    m_type = new QComboBox(bar);
    m_type->setAccessibleName(tr("Event type filter"));
    m_type->addItem(tr("Any event"));
    for (const QString &type : models::AuditFormatter::knownTypes())
        m_type->addItem(models::AuditFormatter::typeText(type), type);
    connect(m_type, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    layout->addWidget(m_type);

    auto *exportJson = new QPushButton(tr("Export &JSON Lines…"), bar);
    connect(exportJson, &QPushButton::clicked, this,
            [this] { chooseExportFile(client::MandateApi::ExportFormat::JsonLines); });
    layout->addWidget(exportJson);
    auto *exportCsv = new QPushButton(tr("Export &CSV…"), bar);
    connect(exportCsv, &QPushButton::clicked, this,
            [this] { chooseExportFile(client::MandateApi::ExportFormat::Csv); });
    layout->addWidget(exportCsv);

    auto *outer = new QWidget(this);
    auto *rows = new QVBoxLayout(outer);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addWidget(bar);
    auto *verifyRow = new QHBoxLayout;
    m_verify = new QPushButton(tr("&Verify the chain"), outer);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Recompute every event's hash and link and say whether anything was changed"));
    m_verify->setVisible(m_session.user().isStaff());
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verify);
    verifyRow->addWidget(m_verify);
    m_verification = new QLabel(outer);
    m_verification->setObjectName(QStringLiteral("verification"));
    m_verification->setWordWrap(true);
    m_verification->setAccessibleName(tr("Verification result"));
    verifyRow->addWidget(m_verification, 1);
    rows->addLayout(verifyRow);
    return outer;
}

void AuditPage::fillAgents()
{
    const QString current = m_agent->currentData().toString();
    const QSignalBlocker blocker(m_agent);
    m_agent->clear();
    m_agent->addItem(tr("Any agent"));
    for (int row = 0; row < m_agents.rowCount(); ++row)
        m_agent->addItem(m_agents.agentAt(row)->name, m_agents.agentAt(row)->id);
    m_agent->setCurrentIndex(qMax(0, m_agent->findData(current)));
}

void AuditPage::reload()
{
    applyFilters();
}

void AuditPage::showDelegation(const QString &delegationId)
{
    const QSignalBlocker blocker(m_delegation);
    m_delegation->setText(delegationId);
    applyFilters();
}

void AuditPage::applyFilters()
{
    m_debounce.stop();
    client::AuditFilter filter;
    filter.delegationId = m_delegation->text().trimmed();
    filter.customerId = m_customer->text().trimmed();
    filter.agentId = m_agent->currentData().toString();
    filter.type = m_type->currentData().toString();
    m_details->clear();
    m_model->setFilter(filter);
}

void AuditPage::verify()
{
    m_verify->setEnabled(false);
    m_verification->setText(tr("Verifying every event of the audit chain…"));
    const auto reply = m_session.api().verifyAudit();
    reply.onSucceeded(this, [this](const client::MandateApi::AuditVerification &result) {
        m_verify->setEnabled(true);
        const QString count = QLocale().toString(result.events);
        m_verification->setText(
            result.ok
                ? tr("✔ Intact: all %1 events are linked and unchanged since they were written.").arg(count)
                : tr("✘ Broken at event %1: it, or the link to it, was changed or removed after it was "
                     "written. Events before it (of %2) verify.")
                      .arg(result.firstBadSeq)
                      .arg(count));
    });
    reply.onFailed(this, [this](const client::ApiError &error) {
        m_verify->setEnabled(true);
        m_verification->setText(tr("The chain could not be verified: %1").arg(error.message()));
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
