#pragma once

#include "core/ActionCatalog.h"
#include "core/Clock.h"
#include "core/Delegation.h"
#include "core/FieldError.h"

#include <QWizard>

class QAbstractItemModel;

namespace mandate::ui {

class AgentPage;
class GrantWizardPage;
class LifetimePage;
class PurposePage;
class ReviewPage;
class ScopesPage;
class ThresholdsPage;

// The customer's way to delegate authority to an agent: agent, purpose, scopes and limits,
// approval thresholds, lifetime, then a plain-language review. Pressing Grant emits grantRequested
// and waits; the owner makes the request and answers with grantSucceeded or grantFailed, whose
// field errors (server paths such as "scopes[1].max_total.amount_minor") land on their fields.
class GrantWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        AgentPageId,
        PurposePageId,
        ScopesPageId,
        ThresholdsPageId,
        LifetimePageId,
        ReviewPageId
    };

    // `agents` is a flat list: DisplayRole name, UserRole id, UserRole + 1 SPIFFE id,
    // UserRole + 2 status ("active" or "suspended").
    GrantWizard(QAbstractItemModel *agents, const mandate::Clock &clock, QWidget *parent = nullptr);
    ~GrantWizard() override;

    void setPreselectedAgent(const QString &agentId);
    // The organisation's action catalog (GET /v1/actions); the built-in actions until it arrives.
    void setActions(const ActionCatalog &actions);
    // Resources to offer while typing one (what the customer's delegations already name).
    void setResourceSuggestions(const QStringList &resources);
    mandate::DelegationGrant grant() const;

    void grantSucceeded();
    void grantFailed(const QString &message, const mandate::FieldErrors &errors);

    bool validateCurrentPage() override;
    void done(int result) override;

Q_SIGNALS:
    void grantRequested(const mandate::DelegationGrant &grant);

protected:
    void initializePage(int id) override;

private:
    QList<GrantWizardPage *> grantPages() const;
    // What typed input cannot express, then what GrantValidator refuses, one message per field.
    FieldErrors localErrors() const;
    // Marks every error on its page and takes the customer to the page of the first one.
    void showErrors(const FieldErrors &errors, const QString &banner);
    void clearBanners();
    void setBusy(bool busy);

    const Clock &m_clock;
    AgentPage *m_agentPage;
    PurposePage *m_purposePage;
    ScopesPage *m_scopesPage;
    ActionCatalog m_actions;
    ThresholdsPage *m_thresholdsPage;
    LifetimePage *m_lifetimePage;
    ReviewPage *m_reviewPage;
    bool m_closing = false;
};

} // namespace mandate::ui
