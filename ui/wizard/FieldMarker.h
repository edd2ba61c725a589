#pragma once

#include <QCoreApplication>
#include <QString>

class QLabel;
class QWidget;

namespace mandate::ui {

// Puts a validation message on an input the same way for local and server errors: a red frame, the
// message as tooltip and accessible description, and the message in the inline label beside it.
class FieldMarker
{
    Q_DECLARE_TR_FUNCTIONS(FieldMarker)

public:
    // The dynamic property that holds the message while an input is marked, so tests and styles see it.
    static constexpr const char *MessageProperty = "mandateFieldError";

    static void mark(QWidget *field, QLabel *inlineLabel, const QString &message);
    static void clear(QWidget *field, QLabel *inlineLabel);
    static QString messageOf(const QWidget *field);
    // Validation messages are predicates ("must not be empty"); this makes one a sentence about the
    // field ("The purpose must not be empty."). A message that is already a sentence is kept.
    static QString sentence(const QString &fieldName, const QString &message);
};

} // namespace mandate::ui
