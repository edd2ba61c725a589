#include "ui/wizard/GrantWizardPage.h"

#include "ui/wizard/ThemeColors.h"

#include <QBoxLayout>
#include <QLabel>

namespace mandate::ui {

bool isFieldAtOrBelow(const QString &path, const QString &root)
{
    if (!path.startsWith(root))
        return false;
    if (path.size() == root.size())
        return true;
    const QChar next = path.at(root.size());
    return next == u'.' || next == u'[';
}

GrantWizardPage::GrantWizardPage(QStringList fieldRoots, QWidget *parent)
    : QWizardPage(parent)
    , m_fieldRoots(std::move(fieldRoots))
{}

bool GrantWizardPage::ownsField(const QString &path) const
{
    return std::any_of(m_fieldRoots.cbegin(), m_fieldRoots.cend(),
                       [&path](const QString &root) { return isFieldAtOrBelow(path, root); });
}

void GrantWizardPage::showBanner(const QString &message)
{
    if (!m_banner) {
        if (message.isEmpty())
            return;
        m_banner = new QLabel(this);
        m_banner->setObjectName(QStringLiteral("banner"));
        m_banner->setWordWrap(true);
        m_banner->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                                    .arg(ThemeColors::name(ThemeColors::Role::Error, m_banner->palette())));
        if (auto *box = qobject_cast<QBoxLayout *>(layout()))
            box->insertWidget(0, m_banner);
    }
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

QString messageAt(const FieldErrors &errors, const QString &path)
{
    for (const FieldError &error : errors) {
        if (error.field == path)
            return error.message;
    }
    return {};
}

QString messagesUnder(const FieldErrors &errors, const QString &path)
{
    QStringList messages;
    for (const FieldError &error : errors) {
        if (isFieldAtOrBelow(error.field, path) && !messages.contains(error.message))
            messages.append(error.message);
    }
    return messages.join(u'\n');
}

} // namespace mandate::ui
