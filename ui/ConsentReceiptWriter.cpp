#include "ui/ConsentReceiptWriter.h"

#include "models/DelegationFormatter.h"

#include <QFile>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace mandate::ui {

namespace {

QString consentTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::LongFormat);
}

QString consentList(const QStringList &items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString &item : items)
        html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

} // namespace

QString ConsentReceiptWriter::html(const Delegation &d,
                                   const std::optional<client::MandateApi::ReceiptDocument> &proof,
                                   const QDateTime &now)
{
    using models::DelegationFormatter;
    QString out = QStringLiteral("<h1>%1</h1>").arg(tr("Consent receipt").toHtmlEscaped());
    out += QStringLiteral("<p><b>%1</b></p>").arg(d.purpose.toHtmlEscaped());
    out += QStringLiteral("<p>") +
           tr("%1 granted %2 (%3) this authority on %4.")
               .arg(DelegationFormatter::customerName(d), DelegationFormatter::agentName(d),
                    DelegationFormatter::agentSpiffeId(d), consentTime(d.createdAt))
               .toHtmlEscaped() +
           QStringLiteral("<br>") + tr("Delegation %1").arg(d.id).toHtmlEscaped() + QStringLiteral("</p>");

    out += QStringLiteral("<h2>%1</h2>").arg(tr("What the agent may do").toHtmlEscaped());
    QStringList scopes;
    for (const Scope &scope : d.scopes)
        scopes.append(tr("%1 on %2: %3")
                          .arg(DelegationFormatter::actionLabel(scope.action), scope.resource.text(),
                               DelegationFormatter::scopeLimits(scope).join(QStringLiteral(", "))));
    out += consentList(scopes);

    out += QStringLiteral("<h2>%1</h2>").arg(tr("When a person must approve").toHtmlEscaped());
    const QStringList rules = DelegationFormatter::approvalRules(d);
    out += consentList(
        rules.isEmpty() ? QStringList{tr("Never: every request within the limits is allowed without asking.")}
                        : rules);

    out += QStringLiteral("<h2>%1</h2>").arg(tr("How long it lasts and when it ends").toHtmlEscaped());
    QStringList lifetime;
    if (d.notBefore)
        lifetime.append(tr("Usable from %1.").arg(consentTime(*d.notBefore)));
    lifetime.append(tr("Ends at %1 at the latest.").arg(consentTime(d.expiresAt)));
    for (const QString &trigger : DelegationFormatter::revocationTriggers(d.revokeOn))
        lifetime.append(tr("It also ends %1.").arg(trigger));
    lifetime.append(tr("The customer can revoke it at any time; support staff can too."));
    out += consentList(lifetime);

    out += QStringLiteral("<h2>%1</h2>").arg(tr("How to check this receipt").toHtmlEscaped());
    if (proof && !proof->pending) {
        out += QStringLiteral("<p>") +
               tr("The grant is event %1 of the verifiable audit log, included in its tree of %2 "
                  "events. Anyone can check it with the log's key and the receipt below.")
                   .arg(proof->seq)
                   .arg(proof->treeSize)
                   .toHtmlEscaped() +
               QStringLiteral("</p>");
        out += QStringLiteral("<p><b>%1</b> %2</p>")
                   .arg(tr("Log key:").toHtmlEscaped(), proof->verifierKey.toHtmlEscaped());
        out += QStringLiteral("<p><b>%1</b></p><pre style=\"font-size:7pt; white-space:pre-wrap\">%2</pre>")
                   .arg(tr("Signed checkpoint:").toHtmlEscaped(),
                        QString::fromUtf8(proof->checkpoint).toHtmlEscaped());
        out += QStringLiteral("<p><b>%1</b></p><pre style=\"font-size:6pt; white-space:pre-wrap\">%2</pre>")
                   .arg(tr("Receipt with its inclusion proof:").toHtmlEscaped(),
                        QString::fromUtf8(proof->json).toHtmlEscaped());
    } else {
        out += QStringLiteral("<p>") +
               tr("The verifiable log had not yet sealed this grant in a signed checkpoint; save the "
                  "receipt again in a moment to include the proof.")
                   .toHtmlEscaped() +
               QStringLiteral("</p>");
    }
    out += QStringLiteral("<p style=\"color:gray\">") +
           tr("Written by Mandate on %1.").arg(consentTime(now)).toHtmlEscaped() + QStringLiteral("</p>");
    return out;
}

bool ConsentReceiptWriter::write(const QString &path, const Delegation &delegation,
                                 const std::optional<client::MandateApi::ReceiptDocument> &proof,
                                 const QDateTime &now, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QPdfWriter pdf(&file);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(300);
    pdf.setTitle(tr("Consent receipt") + QStringLiteral(" — ") + delegation.purpose);
    pdf.setCreator(QStringLiteral("Mandate"));
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    document.setHtml(html(delegation, proof, now));
    document.print(&pdf);
    return true;
}

} // namespace mandate::ui
