#pragma once

#include <QObject>

class QWidget;

namespace mandate::ui {

// Keeps a dialog tall enough for its word-wrapped labels at the width it has. QLayout gives a
// window no minimum height when wrapped text makes it depend on the width, so a longer (German)
// sentence, or a message that appears later, would be cut off; this sets that height whenever
// the layout or the width changes.
class WrappedTextHeight : public QObject
{
    Q_OBJECT

public:
    // Owned by `window`, and watching it from now on.
    static void keep(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WrappedTextHeight(QWidget *window);
    void fit();

    QWidget *m_window;
};

} // namespace mandate::ui
