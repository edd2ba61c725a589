#include "ui/UsageBarDelegate.h"

#include <QPainter>

namespace mandate::ui {

namespace {

constexpr int BarHeight = 3;
constexpr double WarnAt = 0.8;

} // namespace

UsageBarDelegate::UsageBarDelegate(int fractionRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_fractionRole(fractionRole)
{}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QVariant value = index.data(m_fractionRole);
    if (!value.isValid())
        return;
    const double fraction = qBound(0.0, value.toDouble(), 1.0);
    const QRect track = option.rect.adjusted(4, option.rect.height() - BarHeight - 2, -4, -2);
    painter->save();
    painter->fillRect(track, option.palette.color(QPalette::Mid));
    QRect filled = track;
    filled.setWidth(static_cast<int>(track.width() * fraction));
    // Amber near the cap: the colour is a hint, the text beside it says the same in words.
    painter->fillRect(filled, fraction >= WarnAt ? QColor(0xb4, 0x5f, 0x06)
                                                 : option.palette.color(QPalette::Highlight));
    painter->restore();
}

} // namespace mandate::ui
