// Draws a vault access cell so that selecting it never hides what it says: a cell with a
// colour of its own (staged grant or revoke, conflict, unavailable) keeps that colour when
// selected and shows the selection as a frame in the palette's highlight colour instead.
#pragma once

#include <QStyledItemDelegate>

namespace ca {

class MatrixCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace ca
