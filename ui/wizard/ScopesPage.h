#pragma once

#include "core/ActionCatalog.h"
#include "ui/wizard/GrantWizardPage.h"
#include "ui/wizard/ScopeDraft.h"

#include <memory>

class QLabel;

namespace mandate::ui {

namespace Ui {
class ScopesPage;
}

// The list of scopes, each added from a template or from scratch, and an editor for the selected one.
class ScopesPage : public GrantWizardPage
{
    Q_OBJECT

public:
    explicit ScopesPage(QWidget *parent = nullptr);
    ~ScopesPage() override;

    void addScope(ScopeDraft::Template kind);
    // The organisation's action catalog, as the server lists it: offered in the action box, and
    // what decides which limits an action can have.
    void setActions(const ActionCatalog &actions);
    // Offered as the resource is typed, matching anywhere ("alice" finds account:acc_alice_main).
    void setResourceSuggestions(const QStringList &resources);
    // The actions of the scopes so far, so the thresholds page can offer them for dual control.
    QStringList actions() const;
    // The currency the customer works in: that of the first money limit set, or the default.
    QString preferredCurrency() const;

    void applyTo(DelegationGrant &grant) const override;
    FieldErrors inputErrors() const override;
    void showFieldErrors(const FieldErrors &errors) override;

private:
    // An editor input, its inline message label, and the path suffix of the field it edits.
    struct FieldSlot
    {
        QWidget *field;
        QLabel *label;
        QString suffix;
        QString name;
    };

    void loadEditor();
    // `changed` is the input the customer just changed.
    void storeEditor(const QWidget *changed);
    void updateRelevantFields();
    void removeCurrentScope();
    void refreshMarks();
    void refreshTitles();
    QString scopePath(qsizetype index) const;

    std::unique_ptr<Ui::ScopesPage> m_ui;
    QList<FieldSlot> m_slots;
    QList<ScopeDraft> m_drafts;
    FieldErrors m_errors;
    ActionCatalog m_actions;
    bool m_loading = false;
};

} // namespace mandate::ui
