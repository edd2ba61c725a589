#include "ui/wizard/ReviewPage.h"

#include "ui/wizard/ThemeColors.h"
#include "ui_ReviewPage.h"

namespace mandate::ui {

namespace {

// "No total cap: the agent may…" reads best with its headline in bold.
QString callOutHtml(const QString &text)
{
    const qsizetype colon = text.indexOf(QStringLiteral(": "));
    if (colon < 0)
        return text.toHtmlEscaped();
    return QStringLiteral("<b>%1</b>%2")
        .arg(text.left(colon + 1).toHtmlEscaped(), text.mid(colon + 1).toHtmlEscaped());
}

} // namespace

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::ReviewPage>())
{
    m_ui->setupUi(this);
    m_ui->statusLabel->hide();
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::setSummary(const GrantSummary &summary)
{
    const auto paragraph = [](const QString &text) {
        return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(summary.opening.toHtmlEscaped());
    html += paragraph(tr("It may do only this; anything else is refused:"));
    html += QStringLiteral("<ul>");
    for (const QString &scope : summary.scopes)
        html += QStringLiteral("<li>%1</li>").arg(scope.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    for (const QString &approval : summary.approvals)
        html += paragraph(approval);
    html += paragraph(summary.lifetime);

    if (summary.callOuts.isEmpty()) {
        html += paragraph(tr("Nothing unusual stood out."));
    } else {
        const QString warning = ThemeColors::name(ThemeColors::Role::Warning, palette());
        html += QStringLiteral("<h3 style=\"color:%1\">%2</h3><ul>")
                    .arg(warning, tr("Before you grant, think about these:").toHtmlEscaped());
        for (const ReviewCallOut &callOut : summary.callOuts)
            html += QStringLiteral("<li style=\"color:%1\">%2</li>").arg(warning, callOutHtml(callOut.text));
        html += QStringLiteral("</ul>");
    }
    m_ui->summaryView->setHtml(html);
}

QString ReviewPage::summaryText() const
{
    return m_ui->summaryView->toPlainText();
}

void ReviewPage::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_ui->statusLabel->setStyleSheet(QString());
        m_ui->statusLabel->setText(tr("Granting\u2026 waiting for the server to confirm."));
        m_ui->statusLabel->show();
    }
    Q_EMIT completeChanged();
}

void ReviewPage::showError(const QString &message)
{
    m_ui->statusLabel->setStyleSheet(
        QStringLiteral("color: %1;")
            .arg(ThemeColors::name(ThemeColors::Role::Error, m_ui->statusLabel->palette())));
    m_ui->statusLabel->setText(tr("The grant was not made: %1").arg(message));
    m_ui->statusLabel->setVisible(!message.isEmpty());
}

bool ReviewPage::isComplete() const
{
    return !m_busy;
}

} // namespace mandate::ui
