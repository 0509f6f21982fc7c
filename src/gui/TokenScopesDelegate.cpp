#include "gui/TokenScopesDelegate.h"

#include "models/Colors.h"
#include "models/Roles.h"
#include "models/TokenModel.h"

#include <QApplication>
#include <QPainter>

namespace ca {

void TokenScopesDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const QVariant data = index.data(ScopesRole);
    if (!data.canConvert<QList<TokenScope>>())
        return QStyledItemDelegate::paint(painter, option, index);
    const auto scopes = data.value<QList<TokenScope>>();

    // Background, selection and focus as the style draws them, without the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                           .adjusted(margin, 0, -margin, 0);
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor normal =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor lost = selected ? normal : colors::dimmed(opt.palette);

    painter->save();
    painter->setClipRect(area);
    int x = area.left();
    for (qsizetype i = 0; i < scopes.size() && x < area.right(); ++i) {
        const TokenScope &scope = scopes.at(i);
        QFont font = opt.font;
        font.setStrikeOut(scope.lost);
        const QFontMetrics metrics(font);
        QString text = scope.text;
        const int room = area.right() - x;
        const QString separator = i + 1 < scopes.size() ? QStringLiteral(", ") : QString();
        if (metrics.horizontalAdvance(text + separator) > room)
            text = metrics.elidedText(text + separator, Qt::ElideRight, room);
        painter->setFont(font);
        painter->setPen(scope.lost ? lost : normal);
        const int width = metrics.horizontalAdvance(text);
        painter->drawText(QRect(x, area.top(), width, area.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        x += width;
        if (text != scope.text)
            break; // elided: nothing more fits
        if (!separator.isEmpty()) {
            painter->setFont(opt.font);
            painter->setPen(normal);
            const int gap = opt.fontMetrics.horizontalAdvance(separator);
            painter->drawText(QRect(x, area.top(), gap, area.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, separator);
            x += gap;
        }
    }
    painter->restore();
}

} // namespace ca
