#include "gui/ContrastStyle.h"

#include "models/Colors.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace ca {

void ContrastStyle::install()
{
    QApplication::setStyle(new ContrastStyle(QStyleFactory::create(QApplication::style()->name())));
}

bool ContrastStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void ContrastStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                  QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    // Item views' check boxes come here too (Fusion draws them as PE_IndicatorCheckBox).
    if (element != PE_IndicatorCheckBox || !isDark(option->palette))
        return;
    // The frame again, over Fusion's, in a colour between the box and its text: 3:1 or more
    // against the window and the base (the text's own colour when enabled, dimmer when not).
    const bool enabled = option->state & State_Enabled;
    const QColor frame = colors::mix(option->palette.color(QPalette::Base),
                                     option->palette.color(QPalette::Text), enabled ? 0.6 : 0.35);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(0.5, 0.5);
    painter->setPen(frame);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}

int ContrastStyle::styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                             QStyleHintReturn *returnData) const
{
    // An icon theme (Breeze, Adwaita) draws its button icons for the palette; Qt's fallback
    // pixmaps don't.
    if (hint == SH_DialogButtonBox_ButtonsHaveIcons &&
        !QIcon::hasThemeIcon(QStringLiteral("dialog-close")))
        return 0;
    return QProxyStyle::styleHint(hint, option, widget, returnData);
}

} // namespace ca
