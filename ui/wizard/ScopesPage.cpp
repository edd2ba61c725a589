#include "ui/wizard/ScopesPage.h"

#include "core/ActionCatalog.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/GrantReview.h"
#include "ui/wizard/ReservedErrorLine.h"
#include "ui/wizard/ThemeColors.h"
#include "ui_ScopesPage.h"

#include <QCompleter>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStyle>

namespace mandate::ui {

namespace {

// The scope index a field path is about: 1 for "scopes[1].max_total.amount_minor", else -1.
int scopeIndexOf(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^scopes\\[(\\d+)\\]"));
    const auto match = pattern.match(path);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

ScopesPage::ScopesPage(QWidget *parent)
    : GrantWizardPage({QStringLiteral("scopes")}, parent)
    , m_ui(std::make_unique<Ui::ScopesPage>())
{
    m_ui->setupUi(this);
    m_slots = {
        {m_ui->actionBox, m_ui->actionError, QStringLiteral(".action"), tr("The action")},
        {m_ui->resourceEdit, m_ui->resourceError, QStringLiteral(".resource"), tr("The resource")},
        {m_ui->perActionEdit, m_ui->perActionError, QStringLiteral(".max_per_action"),
         tr("The per-action cap")},
        {m_ui->totalEdit, m_ui->totalError, QStringLiteral(".max_total"), tr("The total cap")},
        {m_ui->maxUsesSpin, m_ui->maxUsesError, QStringLiteral(".max_uses"), tr("The number of uses")},
        {m_ui->destinationsEdit, m_ui->destinationsError, QStringLiteral(".destinations"),
         tr("The destination list")},
        {m_ui->sensitivityBox, m_ui->sensitivityError, QStringLiteral(".max_sensitivity"),
         tr("The sensitivity ceiling")},
    };
    for (const FieldSlot &slot : std::as_const(m_slots))
        ReservedErrorLine::reserve(slot.label);
    // Emptying the field means no limit (the minimum, shown as "No limit"), not the old number back.
    m_ui->maxUsesSpin->setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    // The label column keeps the width of its widest label, so fields do not jump sideways when
    // another scope shows other rows.
    int labelWidth = 0;
    for (const QLabel *label :
         {m_ui->actionLabel, m_ui->resourceLabel, m_ui->perActionLabel, m_ui->totalLabel, m_ui->maxUsesLabel,
          m_ui->destinationsLabel, m_ui->sensitivityLabel}) {
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    }
    m_ui->editorGrid->setColumnMinimumWidth(0, labelWidth);
    m_ui->scopeError->hide();
    m_ui->scopesError->hide();

    setActions(ActionCatalog::builtIn());
    m_ui->perActionEdit->setAccessibleNames(tr("Per-action cap"));
    m_ui->totalEdit->setAccessibleNames(tr("Total cap"));
    m_ui->sensitivityBox->addItem(tr("Any sensitivity (no ceiling)"));
    for (const Sensitivity level :
         {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential, Sensitivity::Restricted}) {
        m_ui->sensitivityBox->addItem(GrantReview::sensitivityName(level), static_cast<int>(level));
    }

    auto *menu = new QMenu(m_ui->addButton);
    const QList<std::pair<ScopeDraft::Template, QString>> templates{
        {ScopeDraft::Template::Payments, tr("&Payments")},
        {ScopeDraft::Template::DataExport, tr("&Data export")},
        {ScopeDraft::Template::Deletes, tr("D&eletes")},
        {ScopeDraft::Template::ExternalSharing, tr("E&xternal sharing")},
        {ScopeDraft::Template::Custom, tr("&Custom scope")},
    };
    for (const auto &[kind, text] : templates) {
        QAction *action = menu->addAction(text);
        connect(action, &QAction::triggered, this, [this, kind] { addScope(kind); });
    }
    m_ui->addButton->setMenu(menu);

    connect(m_ui->scopeList, &QListWidget::currentRowChanged, this, [this] { loadEditor(); });
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ScopesPage::removeCurrentScope);
    connect(m_ui->actionBox, &QComboBox::currentTextChanged, this, [this] { storeEditor(m_ui->actionBox); });
    connect(m_ui->resourceEdit, &QLineEdit::textChanged, this, [this] { storeEditor(m_ui->resourceEdit); });
    connect(m_ui->perActionEdit, &MoneyEdit::changed, this, [this] { storeEditor(m_ui->perActionEdit); });
    connect(m_ui->totalEdit, &MoneyEdit::changed, this, [this] { storeEditor(m_ui->totalEdit); });
    connect(m_ui->maxUsesSpin, &QSpinBox::valueChanged, this, [this] { storeEditor(m_ui->maxUsesSpin); });
    connect(m_ui->destinationsEdit, &QPlainTextEdit::textChanged, this,
            [this] { storeEditor(m_ui->destinationsEdit); });
    connect(m_ui->sensitivityBox, &QComboBox::currentIndexChanged, this,
            [this] { storeEditor(m_ui->sensitivityBox); });
    loadEditor();
}

ScopesPage::~ScopesPage() = default;

void ScopesPage::addScope(ScopeDraft::Template kind)
{
    m_drafts.append(ScopeDraft::fromTemplate(kind, preferredCurrency()));
    m_ui->scopeList->addItem(m_drafts.back().title());
    m_errors.removeIf([](const FieldError &error) { return error.field == u"scopes"; });
    m_ui->scopeList->setCurrentRow(static_cast<int>(m_drafts.size() - 1));
    // A template leaves the resource for the customer to finish ("account:"), so start there; a
    // custom scope starts with its action.
    if (kind == ScopeDraft::Template::Custom) {
        m_ui->actionBox->setFocus();
    } else {
        m_ui->resourceEdit->setFocus();
        m_ui->resourceEdit->end(false);
    }
}

void ScopesPage::setResourceSuggestions(const QStringList &resources)
{
    auto *completer = new QCompleter(resources, m_ui->resourceEdit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    delete m_ui->resourceEdit->completer();
    m_ui->resourceEdit->setCompleter(completer);
}

QStringList ScopesPage::actions() const
{
    QStringList actions;
    for (const ScopeDraft &draft : m_drafts) {
        if (!actions.contains(draft.action.trimmed()))
            actions.append(draft.action.trimmed());
    }
    return actions;
}

QString ScopesPage::preferredCurrency() const
{
    for (const ScopeDraft &draft : m_drafts) {
        if (!draft.perActionAmount.trimmed().isEmpty())
            return draft.perActionCurrency;
        if (!draft.totalAmount.trimmed().isEmpty())
            return draft.totalCurrency;
    }
    return MoneyEdit::defaultCurrency();
}

void ScopesPage::applyTo(DelegationGrant &grant) const
{
    grant.scopes.clear();
    for (const ScopeDraft &draft : m_drafts)
        grant.scopes.append(draft.toScope(m_actions));
}

FieldErrors ScopesPage::inputErrors() const
{
    FieldErrors errors;
    for (qsizetype i = 0; i < m_drafts.size(); ++i)
        errors.append(m_drafts.at(i).inputErrors(scopePath(i), m_actions));
    return errors;
}

void ScopesPage::showFieldErrors(const FieldErrors &errors)
{
    m_errors = errors;
    const int first = errors.isEmpty() ? -1 : scopeIndexOf(errors.front().field);
    if (first >= 0 && first < m_drafts.size() && first != m_ui->scopeList->currentRow())
        m_ui->scopeList->setCurrentRow(first);
    else
        refreshMarks();
    for (const FieldSlot &slot : std::as_const(m_slots)) {
        if (slot.field->isVisibleTo(this) && !FieldMarker::messageOf(slot.field).isEmpty()) {
            slot.field->setFocus();
            break;
        }
    }
}

void ScopesPage::loadEditor()
{
    const int row = m_ui->scopeList->currentRow();
    const bool hasScope = row >= 0 && row < m_drafts.size();
    m_ui->editorBox->setEnabled(hasScope);
    m_ui->removeButton->setEnabled(hasScope);
    const ScopeDraft draft = hasScope ? m_drafts.at(row) : ScopeDraft();

    m_loading = true;
    m_ui->actionBox->setEditText(draft.action);
    m_ui->resourceEdit->setText(draft.resource);
    m_ui->perActionEdit->setAmountText(draft.perActionAmount);
    m_ui->perActionEdit->setCurrency(draft.perActionCurrency);
    m_ui->totalEdit->setAmountText(draft.totalAmount);
    m_ui->totalEdit->setCurrency(draft.totalCurrency);
    m_ui->maxUsesSpin->setValue(static_cast<int>(draft.maxUses));
    m_ui->destinationsEdit->setPlainText(draft.destinations);
    m_ui->sensitivityBox->setCurrentIndex(
        draft.maxSensitivity ? m_ui->sensitivityBox->findData(static_cast<int>(*draft.maxSensitivity)) : 0);
    m_loading = false;
    updateRelevantFields();
    refreshMarks();
}

void ScopesPage::storeEditor(const QWidget *changed)
{
    const int row = m_ui->scopeList->currentRow();
    if (m_loading || row < 0 || row >= m_drafts.size())
        return;
    ScopeDraft &draft = m_drafts[row];
    draft.action = m_ui->actionBox->currentText();
    draft.resource = m_ui->resourceEdit->text();
    draft.perActionAmount = m_ui->perActionEdit->amountText();
    draft.perActionCurrency = m_ui->perActionEdit->currency();
    draft.totalAmount = m_ui->totalEdit->amountText();
    draft.totalCurrency = m_ui->totalEdit->currency();
    draft.maxUses = m_ui->maxUsesSpin->value();
    const QString usesText = m_ui->maxUsesSpin->text();
    draft.maxUsesTypedWithSeparator =
        std::any_of(usesText.cbegin(), usesText.cend(), [](QChar c) { return c.isPunct() || c.isSpace(); }) &&
        m_ui->maxUsesSpin->value() != m_ui->maxUsesSpin->minimum();
    draft.destinations = m_ui->destinationsEdit->toPlainText();
    const QVariant level = m_ui->sensitivityBox->currentData();
    draft.maxSensitivity =
        level.isValid() ? std::optional<Sensitivity>(static_cast<Sensitivity>(level.toInt())) : std::nullopt;

    // The customer is fixing this field: its old message no longer describes what is there.
    for (const FieldSlot &slot : std::as_const(m_slots)) {
        const QString path = scopePath(row) + slot.suffix;
        if (slot.field == changed)
            m_errors.removeIf(
                [&path](const FieldError &error) { return isFieldAtOrBelow(error.field, path); });
    }
    if (changed == m_ui->maxUsesSpin && draft.maxUsesTypedWithSeparator) {
        for (const FieldError &error : draft.inputErrors(scopePath(row), m_actions)) {
            if (error.field.endsWith(u".max_uses"))
                m_errors.append(error);
        }
    }
    m_ui->scopeList->item(row)->setText(draft.title());
    if (changed == m_ui->actionBox)
        updateRelevantFields();
    refreshMarks();
}

void ScopesPage::removeCurrentScope()
{
    const int row = m_ui->scopeList->currentRow();
    if (row < 0 || row >= m_drafts.size())
        return;
    m_drafts.removeAt(row);
    // The errors were addressed by index, and the indexes after this one have just moved.
    m_errors.clear();
    delete m_ui->scopeList->takeItem(row);
    loadEditor();
}

void ScopesPage::setActions(const ActionCatalog &actions)
{
    m_actions = actions;
    const QString typed = m_ui->actionBox->currentText();
    const QSignalBlocker quiet(m_ui->actionBox);
    m_ui->actionBox->clear();
    for (const ActionDefinition &action : m_actions.actions()) {
        m_ui->actionBox->addItem(action.name);
        m_ui->actionBox->setItemData(m_ui->actionBox->count() - 1,
                                     action.description.isEmpty()
                                         ? action.label
                                         : action.label + QStringLiteral(": ") + action.description,
                                     Qt::ToolTipRole);
    }
    m_ui->actionBox->setCurrentText(typed);
    updateRelevantFields();
}

void ScopesPage::updateRelevantFields()
{
    const QString action = m_ui->actionBox->currentText().trimmed();
    const ActionDefinition *known = m_actions.find(action);
    const QString help = ScopeDraft::actionHelp(action);
    m_ui->actionHelp->setText(help.isEmpty() && known ? known->description : help);
    m_ui->actionHelp->setVisible(!m_ui->actionHelp->text().isEmpty());
    const bool money = ScopeDraft::usesMoney(action, m_actions);
    const bool destinations = ScopeDraft::usesDestinations(action, m_actions);
    const bool sensitivity = ScopeDraft::usesSensitivity(action, m_actions);
    for (QWidget *widget :
         {static_cast<QWidget *>(m_ui->perActionLabel), static_cast<QWidget *>(m_ui->perActionEdit),
          static_cast<QWidget *>(m_ui->totalLabel), static_cast<QWidget *>(m_ui->totalEdit)}) {
        widget->setVisible(money);
    }
    // The error lines of the fields this action has keep their room (ReservedErrorLine).
    m_ui->actionError->setVisible(true);
    m_ui->resourceError->setVisible(true);
    m_ui->maxUsesError->setVisible(true);
    m_ui->perActionError->setVisible(money);
    m_ui->totalError->setVisible(money);
    m_ui->destinationsLabel->setVisible(destinations);
    m_ui->destinationsEdit->setVisible(destinations);
    m_ui->destinationsError->setVisible(destinations);
    m_ui->sensitivityLabel->setVisible(sensitivity);
    m_ui->sensitivityBox->setVisible(sensitivity);
    m_ui->sensitivityError->setVisible(sensitivity);
}

void ScopesPage::refreshMarks()
{
    const int row = m_ui->scopeList->currentRow();
    const QString path = scopePath(row);
    QStringList covered;
    for (const FieldSlot &slot : std::as_const(m_slots)) {
        const QString message = row >= 0 ? messagesUnder(m_errors, path + slot.suffix) : QString();
        if (message.isEmpty())
            FieldMarker::clear(slot.field, slot.label);
        else
            FieldMarker::mark(slot.field, slot.label, FieldMarker::sentence(slot.name, message));
        covered.append(path + slot.suffix);
    }
    updateRelevantFields();

    QStringList scopeMessages;
    QStringList listMessages;
    for (const FieldError &error : std::as_const(m_errors)) {
        const int index = scopeIndexOf(error.field);
        if (index < 0 || index >= m_drafts.size()) {
            listMessages.append(FieldMarker::sentence(tr("The list of scopes"), error.message));
        } else if (index == row &&
                   std::none_of(covered.cbegin(), covered.cend(), [&error](const QString &field) {
                       return isFieldAtOrBelow(error.field, field);
                   })) {
            scopeMessages.append(FieldMarker::sentence(tr("This scope"), error.message));
        }
    }
    m_ui->scopeError->setText(scopeMessages.join(u'\n'));
    m_ui->scopeError->setStyleSheet(
        QStringLiteral("color: %1;")
            .arg(ThemeColors::name(ThemeColors::Role::Error, m_ui->scopeError->palette())));
    m_ui->scopeError->setVisible(!scopeMessages.isEmpty());
    if (listMessages.isEmpty())
        FieldMarker::clear(m_ui->scopeList, m_ui->scopesError);
    else
        FieldMarker::mark(m_ui->scopeList, m_ui->scopesError, listMessages.join(u'\n'));
    refreshTitles();
}

void ScopesPage::refreshTitles()
{
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_ui->scopeList->count(); ++i) {
        const QString path = scopePath(i);
        const bool hasErrors =
            std::any_of(m_errors.cbegin(), m_errors.cend(),
                        [&path](const FieldError &error) { return isFieldAtOrBelow(error.field, path); });
        QListWidgetItem *item = m_ui->scopeList->item(i);
        item->setIcon(hasErrors ? warning : QIcon());
        item->setToolTip(hasErrors ? tr("This scope needs attention.") : QString());
    }
}

QString ScopesPage::scopePath(qsizetype index) const
{
    return QStringLiteral("scopes[%1]").arg(index);
}

} // namespace mandate::ui
