// The platform's style, kept legible in dark palettes: Fusion frames a check box in its
// window colour made darker, which on a dark window is the box's own colour (1.03:1 in the
// tour: group permissions, the new token's and new server's vault lists looked read-only);
// and without an icon theme Qt's built-in dialog-button icons are black pixmaps that vanish
// on dark buttons (and clash with the monochrome icons elsewhere), so buttons show text only.
#pragma once

#include <QProxyStyle>

namespace ca {

class ContrastStyle : public QProxyStyle
{
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    // Wraps the application's current style (by name: the proxy owns a fresh copy).
    static void install();
    static bool isDark(const QPalette &palette);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    int styleHint(StyleHint hint, const QStyleOption *option = nullptr,
                  const QWidget *widget = nullptr,
                  QStyleHintReturn *returnData = nullptr) const override;
};

} // namespace ca
