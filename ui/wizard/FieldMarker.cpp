#include "ui/wizard/FieldMarker.h"

#include "ui/wizard/ThemeColors.h"

#include <QLabel>
#include <QVariant>
#include <QWidget>

namespace mandate::ui {

namespace {

// Selectors rather than a bare rule, so a composite input (amount + currency) frames its parts.
QString errorStyle(const QPalette &palette)
{
    return QStringLiteral("QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, "
                          "QAbstractItemView { border: 2px solid %1; }")
        .arg(ThemeColors::name(ThemeColors::Role::Error, palette));
}

} // namespace

void FieldMarker::mark(QWidget *field, QLabel *inlineLabel, const QString &message)
{
    field->setProperty(MessageProperty, message);
    field->setToolTip(message);
    field->setAccessibleDescription(message);
    field->setStyleSheet(errorStyle(field->palette()));
    if (inlineLabel) {
        inlineLabel->setText(message);
        inlineLabel->setStyleSheet(
            QStringLiteral("color: %1;")
                .arg(ThemeColors::name(ThemeColors::Role::Error, inlineLabel->palette())));
        inlineLabel->setVisible(true);
    }
}

void FieldMarker::clear(QWidget *field, QLabel *inlineLabel)
{
    if (!field->property(MessageProperty).isValid())
        return;
    field->setProperty(MessageProperty, QVariant());
    field->setToolTip(QString());
    field->setAccessibleDescription(QString());
    field->setStyleSheet(QString());
    if (inlineLabel) {
        inlineLabel->clear();
        inlineLabel->setVisible(false);
    }
}

QString FieldMarker::messageOf(const QWidget *field)
{
    return field->property(MessageProperty).toString();
}

QString FieldMarker::sentence(const QString &fieldName, const QString &message)
{
    if (message.isEmpty() || !message.front().isLower())
        return message;
    const QString joined = tr("%1 %2").arg(fieldName, message);
    return joined.endsWith(u'.') ? joined : joined + u'.';
}

} // namespace mandate::ui
