#pragma once

#include "core/Delegation.h"
#include "core/FieldError.h"

#include <QStringList>

class QLabel;
#include <QWizardPage>

namespace mandate::ui {

// A page of the grant wizard: it owns the fields of the grant under some wire-form roots
// ("purpose", "scopes", ...), writes them into the grant, and shows errors addressed to them.
class GrantWizardPage : public QWizardPage
{
    Q_OBJECT

public:
    GrantWizardPage(QStringList fieldRoots, QWidget *parent);

    // Does `path` ("scopes[1].max_total.amount_minor") name a field on this page?
    bool ownsField(const QString &path) const;

    virtual void applyTo(DelegationGrant &grant) const = 0;
    // What was typed but cannot become part of a grant (an amount that does not parse), addressed
    // by the path the field will have on the wire.
    virtual FieldErrors inputErrors() const { return {}; }
    // Marks each of `errors` (all owned by this page) on its field and clears every other mark.
    virtual void showFieldErrors(const FieldErrors &errors) = 0;

    // A message about the page as a whole, above its fields; an empty one hides it.
    void showBanner(const QString &message);

private:
    QStringList m_fieldRoots;
    QLabel *m_banner = nullptr;
};

// Is `path` the field `root` or inside it? "scopes[1].max_total" is inside "scopes[1]"; "scopes[10]" is not.
bool isFieldAtOrBelow(const QString &path, const QString &root);
// The message of the first error at exactly `path`, or an empty string.
QString messageAt(const FieldErrors &errors, const QString &path);
// The messages of every error at `path` or below it, one per line.
QString messagesUnder(const FieldErrors &errors, const QString &path);

} // namespace mandate::ui
