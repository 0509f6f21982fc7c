#include "gui/RotatedHeaderView.h"

#include "models/Roles.h"

#include <QPainter>

namespace ca {

RotatedHeaderView::RotatedHeaderView(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setHighlightSections(true);
    setDefaultSectionSize(30);
    setMinimumSectionSize(24);
    setSectionResizeMode(QHeaderView::Fixed);
}

QSize RotatedHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    const QString text =
        model() ? model()->headerData(logicalIndex, orientation()).toString() : QString();
    const int width = fontMetrics().horizontalAdvance(text) + 16;
    return {defaultSectionSize(), std::min(width, kMaxHeight)};
}

QSize RotatedHeaderView::sizeHint() const
{
    int height = 40;
    if (model()) {
        for (int i = 0; i < count() && i < 500; ++i) // long enough for the names shown first
            height = std::max(height, sectionSizeFromContents(i).height());
    }
    return {QHeaderView::sizeHint().width(), std::min(height, kMaxHeight)};
}

void RotatedHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid())
        return;
    // Background and frame as the style draws them, without the text.
    QStyleOptionHeader opt;
    initStyleOption(&opt);
    opt.rect = rect;
    opt.section = logicalIndex;
    opt.text.clear();
    style()->drawControl(QStyle::CE_Header, &opt, painter, this);

    const QString text = model()->headerData(logicalIndex, orientation()).toString();
    // Models that mark columns (the vault matrix: 1 = can be granted) get the others drawn
    // like disabled labels; models that don't, get plain text.
    const QVariant mark = model()->headerData(logicalIndex, orientation(), StateRole);
    const bool dimmed = mark.isValid() && mark.toInt() != 1;
    painter->save();
    painter->setClipRect(rect);
    // In whole pixels: text placed on half a pixel is drawn blurred.
    const int x = rect.left() + rect.width() / 2 + fontMetrics().ascent() / 2 - 1;
    painter->translate(x, rect.bottom() - 6);
    painter->rotate(-90);
    // Not grantable, or no access: drawn like a disabled label.
    painter->setPen(
        palette().color(dimmed ? QPalette::Disabled : QPalette::Active, QPalette::ButtonText));
    painter->setFont(font());
    painter->drawText(QPointF(0, 0),
                      fontMetrics().elidedText(text, Qt::ElideRight, rect.height() - 10));
    painter->restore();
}

} // namespace ca
