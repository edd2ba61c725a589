#include "ui/wizard/FieldMarker.h"

#include "ui/wizard/ReservedErrorLine.h"
#include "ui/wizard/ThemeColors.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVariant>
#include <QWidget>

namespace mandate::ui {

namespace {

// Selectors rather than a bare rule, so a composite input (amount + currency) frames its parts.
QString errorStyle(const QPalette &palette)
{
    // A spin box with a style-sheet border loses its arrows unless its buttons are placed too.
    return QStringLiteral("QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, "
                          "QAbstractItemView { border: 2px solid %1; } "
                          "QAbstractSpinBox::up-button { subcontrol-origin: padding; "
                          "subcontrol-position: top right; width: 16px; } "
                          "QAbstractSpinBox::down-button { subcontrol-origin: padding; "
                          "subcontrol-position: bottom right; width: 16px; }")
        .arg(ThemeColors::name(ThemeColors::Role::Error, palette));
}

constexpr const char *fieldMarkerPinProperty = "mandateFieldMarkerPin";

bool fieldMarkerFramed(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget);
}

QList<QWidget *> fieldMarkerFramedWidgets(QWidget *field)
{
    QList<QWidget *> framed = field->findChildren<QWidget *>();
    framed.prepend(field);
    framed.removeIf([](const QWidget *widget) { return !fieldMarkerFramed(widget); });
    return framed;
}

// The style sheet's frame replaces the style's own, which has another height: each framed input
// keeps the size it had, so marking a field moves nothing around it.
void fieldMarkerPin(QWidget *field)
{
    for (QWidget *widget : fieldMarkerFramedWidgets(field)) {
        if (widget->property(fieldMarkerPinProperty).isValid())
            continue;
        widget->setProperty(fieldMarkerPinProperty,
                            QRect(QPoint(widget->minimumWidth(), widget->minimumHeight()),
                                  QPoint(widget->maximumWidth(), widget->maximumHeight())));
        // Laid out, it keeps the height it was given; its width may still grow but not shrink below
        // what the style asked for.
        const QSize hint = widget->sizeHint().expandedTo(widget->minimumSize());
        const int height = widget->isVisible() ? widget->height() : hint.height();
        widget->setMinimumSize(widget->isVisible() ? qMin(hint.width(), widget->width()) : hint.width(),
                               height);
        widget->setMaximumHeight(height);
    }
}

void fieldMarkerUnpin(QWidget *field)
{
    for (QWidget *widget : fieldMarkerFramedWidgets(field)) {
        const QVariant pinned = widget->property(fieldMarkerPinProperty);
        if (!pinned.isValid())
            continue;
        const QRect limits = pinned.toRect();
        widget->setMinimumSize(limits.left(), limits.top());
        widget->setMaximumHeight(limits.bottom());
        widget->setProperty(fieldMarkerPinProperty, QVariant());
    }
}

} // namespace

void FieldMarker::mark(QWidget *field, QLabel *inlineLabel, const QString &message)
{
    field->setProperty(MessageProperty, message);
    field->setToolTip(message);
    field->setAccessibleDescription(message);
    fieldMarkerPin(field);
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
    fieldMarkerUnpin(field);
    if (inlineLabel) {
        inlineLabel->clear();
        if (!ReservedErrorLine::isReserved(inlineLabel))
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
