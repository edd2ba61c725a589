#include "ui/WrappedTextHeight.h"

#include <QEvent>
#include <QLayout>
#include <QResizeEvent>
#include <QWidget>

namespace mandate::ui {

WrappedTextHeight::WrappedTextHeight(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    window->installEventFilter(this);
}

void WrappedTextHeight::keep(QWidget *window)
{
    auto *keeper = new WrappedTextHeight(window);
    keeper->fit();
}

bool WrappedTextHeight::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        const bool widthChanged = event->type() == QEvent::Resize &&
                                  static_cast<QResizeEvent *>(event)->oldSize().width() != m_window->width();
        if (event->type() == QEvent::LayoutRequest || widthChanged)
            fit();
    }
    return QObject::eventFilter(watched, event);
}

void WrappedTextHeight::fit()
{
    QLayout *layout = m_window->layout();
    if (!layout || !layout->hasHeightForWidth())
        return;
    m_window->ensurePolished();
    layout->activate();
    // Before the window is first shown its width is not yet the one it will open with.
    const int width = m_window->isVisible() ? m_window->width()
                                            : qMax(m_window->minimumWidth(), m_window->sizeHint().width());
    m_window->setMinimumHeight(layout->totalHeightForWidth(width));
}

} // namespace mandate::ui
