#pragma once

#include "client/MandateApi.h"
#include "core/Delegation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mandate::ui {

// A consent receipt people can keep: one PDF (QPdfWriter) stating in the same plain words as the
// grant wizard's review what was granted — purpose, scopes and limits, approval thresholds,
// revocation triggers, lifetime, who granted it to whom and when — and, where the verifiable log
// holds the grant, the data to check it later: the event's number, the tree size, the log's key,
// the signed checkpoint and the receipt itself. Written in the language the console runs in.
class ConsentReceiptWriter
{
    Q_DECLARE_TR_FUNCTIONS(ConsentReceiptWriter)

public:
    static bool write(const QString &path, const Delegation &delegation,
                      const std::optional<client::MandateApi::ReceiptDocument> &proof, const QDateTime &now,
                      QString *error);
    // The receipt as HTML, as it is laid out on the page.
    static QString html(const Delegation &delegation,
                        const std::optional<client::MandateApi::ReceiptDocument> &proof,
                        const QDateTime &now);
};

} // namespace mandate::ui
