#include "ui/wizard/GrantWizard.h"

#include "core/GrantValidator.h"
#include "ui/wizard/AgentPage.h"
#include "ui/wizard/GrantReview.h"
#include "ui/wizard/LifetimePage.h"
#include "ui/wizard/PurposePage.h"
#include "ui/wizard/ReviewPage.h"
#include "ui/wizard/ScopesPage.h"
#include "ui/wizard/ThresholdsPage.h"

#include <QAbstractButton>

namespace mandate::ui {

GrantWizard::GrantWizard(QAbstractItemModel *agents, const mandate::Clock &clock, QWidget *parent)
    : QWizard(parent)
    , m_clock(clock)
    , m_agentPage(new AgentPage(agents, this))
    , m_purposePage(new PurposePage(this))
    , m_scopesPage(new ScopesPage(this))
    , m_thresholdsPage(new ThresholdsPage(this))
    , m_lifetimePage(new LifetimePage(clock, this))
    , m_reviewPage(new ReviewPage(this))
{
    setWindowTitle(tr("Grant authority to an agent"));
    // One look on every platform, with each page's explanation under its title.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Grant"));
    setPage(AgentPageId, m_agentPage);
    setPage(PurposePageId, m_purposePage);
    setPage(ScopesPageId, m_scopesPage);
    setPage(ThresholdsPageId, m_thresholdsPage);
    setPage(LifetimePageId, m_lifetimePage);
    setPage(ReviewPageId, m_reviewPage);
    setStartId(AgentPageId);
    setMinimumSize(760, 600);
}

GrantWizard::~GrantWizard() = default;

void GrantWizard::setResourceSuggestions(const QStringList &resources)
{
    m_scopesPage->setResourceSuggestions(resources);
}

void GrantWizard::setPreselectedAgent(const QString &agentId)
{
    m_agentPage->selectAgent(agentId);
}

mandate::DelegationGrant GrantWizard::grant() const
{
    DelegationGrant grant;
    for (const GrantWizardPage *page : grantPages())
        page->applyTo(grant);
    return grant;
}

void GrantWizard::grantSucceeded()
{
    setBusy(false);
    m_closing = true;
    accept();
}

void GrantWizard::grantFailed(const QString &message, const mandate::FieldErrors &errors)
{
    setBusy(false);
    // An error about no field of the wizard has nowhere else to be read than next to the message.
    QStringList details{message};
    for (const FieldError &error : errors) {
        const auto pages = grantPages();
        if (std::none_of(pages.cbegin(), pages.cend(),
                         [&error](const GrantWizardPage *page) { return page->ownsField(error.field); })) {
            details.append(tr("%1: %2").arg(error.field, error.message));
        }
    }
    m_reviewPage->showError(details.join(u'\n'));
    if (!errors.isEmpty())
        showErrors(errors, message);
}

bool GrantWizard::validateCurrentPage()
{
    if (m_closing)
        return true;
    clearBanners();
    if (currentPage() == m_reviewPage) {
        if (m_reviewPage->isBusy())
            return false;
        // Time has passed since the pages were filled in (a "1 hour" grant may have become invalid),
        // so everything is checked again, exactly as the server will.
        const FieldErrors errors = localErrors();
        if (!errors.isEmpty()) {
            const QString banner = tr("Please fix the marked field before granting.");
            m_reviewPage->showError(banner);
            showErrors(errors, banner);
            return false;
        }
        m_reviewPage->showError(QString());
        setBusy(true);
        Q_EMIT grantRequested(grant());
        // The dialog stays open until the owner reports how the request went.
        return false;
    }

    auto *page = qobject_cast<GrantWizardPage *>(currentPage());
    if (!page)
        return true;
    FieldErrors own;
    for (const FieldError &error : localErrors()) {
        if (page->ownsField(error.field))
            own.append(error);
    }
    page->showFieldErrors(own);
    return own.isEmpty();
}

void GrantWizard::done(int result)
{
    // Closing mid-request would leave the customer not knowing whether the grant was made.
    if (m_reviewPage->isBusy())
        return;
    QWizard::done(result);
}

void GrantWizard::initializePage(int id)
{
    if (id == ThresholdsPageId) {
        m_thresholdsPage->setOfferedActions(m_scopesPage->actions());
        m_thresholdsPage->setPreferredCurrency(m_scopesPage->preferredCurrency());
    } else if (id == ReviewPageId) {
        m_reviewPage->showError(QString());
        m_reviewPage->setSummary(
            GrantReview::describe(grant(), m_agentPage->agentName(), m_clock.now(), locale()));
    }
    QWizard::initializePage(id);
}

QList<GrantWizardPage *> GrantWizard::grantPages() const
{
    return {m_agentPage, m_purposePage, m_scopesPage, m_thresholdsPage, m_lifetimePage};
}

void GrantWizard::setActions(const ActionCatalog &actions)
{
    m_actions = actions;
    m_scopesPage->setActions(actions);
}

FieldErrors GrantWizard::localErrors() const
{
    FieldErrors errors;
    for (const GrantWizardPage *page : grantPages())
        errors.append(page->inputErrors());
    // A field whose text does not parse also fails validation as the empty value it became; the
    // parse problem is the one that helps, so it wins.
    const DelegationGrant drafted = grant();
    for (const FieldError &error : GrantValidator::validate(drafted, m_clock.now()) +
                                       GrantValidator::actionsNotInCatalog(drafted, m_actions)) {
        const bool known = std::any_of(errors.cbegin(), errors.cend(), [&error](const FieldError &other) {
            return other.field == error.field;
        });
        if (!known)
            errors.append(error);
    }
    return errors;
}

void GrantWizard::showErrors(const FieldErrors &errors, const QString &banner)
{
    GrantWizardPage *target = nullptr;
    for (const FieldError &error : errors) {
        for (GrantWizardPage *page : grantPages()) {
            if (!target && page->ownsField(error.field))
                target = page;
        }
    }
    if (target) {
        int targetId = -1;
        for (const int id : pageIds()) {
            if (page(id) == target)
                targetId = id;
        }
        // Every page before the review has been visited, so walking back reaches any of them.
        while (currentId() != targetId && visitedIds().contains(targetId)) {
            const int before = currentId();
            back();
            if (currentId() == before)
                break;
        }
        target->showBanner(banner);
    }
    // The target page goes last, so the field it focuses is the one that keeps the focus.
    QList<GrantWizardPage *> pages = grantPages();
    if (target)
        pages.move(pages.indexOf(target), pages.size() - 1);
    for (GrantWizardPage *page : pages) {
        FieldErrors own;
        for (const FieldError &error : errors) {
            if (page->ownsField(error.field))
                own.append(error);
        }
        page->showFieldErrors(own);
    }
}

void GrantWizard::clearBanners()
{
    for (GrantWizardPage *page : grantPages())
        page->showBanner(QString());
}

void GrantWizard::setBusy(bool busy)
{
    m_reviewPage->setBusy(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    // The review page's completeChanged has just let QWizard set Back as it sees fit; while the
    // request is out there is nowhere to go.
    button(QWizard::BackButton)->setEnabled(!busy);
    button(QWizard::CancelButton)->setEnabled(!busy);
}

} // namespace mandate::ui
