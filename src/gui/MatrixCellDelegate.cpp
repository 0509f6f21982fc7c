#include "gui/MatrixCellDelegate.h"

#include "models/Colors.h"

#include <QPainter>

namespace ca {

void MatrixCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    // A style fills an unchecked box with the palette's base and outlines it in a shade of
    // the window colour; in a dark palette (Fusion's) that is the cell's own colour, and the
    // box vanishes. There it is filled a quarter of the way towards the text colour.
    if (colors::isDark(option.palette)) {
        const QColor base = option.palette.color(QPalette::Base);
        cell.palette.setColor(QPalette::Base,
                              colors::mix(base, option.palette.color(QPalette::Text), 0.25));
    }
    const bool selected = option.state & QStyle::State_Selected;
    const QVariant background = index.data(Qt::BackgroundRole);
    if (!selected || !background.isValid()) {
        QStyledItemDelegate::paint(painter, cell, index);
        return;
    }
    cell.state &= ~QStyle::State_Selected; // the cell's own colour, not the highlight
    QStyledItemDelegate::paint(painter, cell, index);
    const QPalette::ColorGroup group =
        (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    painter->save();
    QPen pen(option.palette.color(group, QPalette::Highlight), 2);
    pen.setJoinStyle(Qt::MiterJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
    painter->restore();
}

} // namespace ca
