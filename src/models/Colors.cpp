#include "models/Colors.h"

#include <QGuiApplication>
#include <QHash>

#include <cmath>

namespace ca::colors {

namespace {

// The hue of each tone; how light it ends up depends on the background.
QColor hue(Tone tone)
{
    switch (tone) {
    case Tone::Negative:
        return QColor(0xd0, 0x30, 0x30);
    case Tone::Positive:
        return QColor(0x2e, 0x9e, 0x3e);
    case Tone::Neutral:
        return QColor(0xd0, 0x8a, 0x10);
    case Tone::Information:
        return QColor(0x2f, 0x78, 0xc8);
    case Tone::Conflict:
        return QColor(0xf0, 0x8c, 0x20);
    }
    return {};
}

double channel(double v)
{
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

// What a colour is asked for: the function, the tone and the palette role.
enum class Kind { Text, Tint, Dimmed, Unavailable };

// Models ask for a colour per cell; each is computed once per palette (cacheKey() changes
// whenever a palette does) and remembered. A few palettes at a time: widgets pass their own.
template <typename Compute>
QColor remembered(const QPalette &palette, Kind kind, int tone, int role, Compute compute)
{
    thread_local QHash<qint64, QHash<int, QColor>> cache;
    const int what = (int(kind) << 16) | (tone << 8) | role;
    auto &colors = cache[palette.cacheKey()];
    const auto it = colors.constFind(what);
    if (it != colors.constEnd())
        return *it;
    const QColor c = compute();
    if (cache.size() > 16) { // palettes come and go (a theme change): forget the old ones
        cache.clear();
        cache[palette.cacheKey()].insert(what, c);
    } else {
        colors.insert(what, c);
    }
    return c;
}

} // namespace

QPalette applicationPalette()
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QGuiApplication::palette();
    // One palette, so that its cacheKey() stays the same from call to call.
    static const QPalette light = [] {
        QPalette p;
        for (auto role : {QPalette::Base, QPalette::Window})
            p.setColor(role, QColor(Qt::white));
        for (auto role : {QPalette::Text, QPalette::WindowText})
            p.setColor(role, QColor(Qt::black));
        return p;
    }();
    return light;
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &a, const QColor &b, double amountOfB)
{
    const double t = std::clamp(amountOfB, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

QColor readableOn(const QColor &c, const QColor &background, double ratio)
{
    // Towards white on a dark background, towards black on a light one, in small steps so
    // the hue stays recognisable.
    const QColor target = luminance(background) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    QColor result = c;
    for (int step = 1; step <= 20 && contrast(result, background) < ratio; ++step)
        result = mix(c, target, step / 20.0);
    return result;
}

QColor text(Tone tone, const QPalette &palette, QPalette::ColorRole background)
{
    return remembered(palette, Kind::Text, int(tone), int(background),
                      [&] { return readableOn(hue(tone), palette.color(background)); });
}

QColor tint(Tone tone, const QPalette &palette, QPalette::ColorRole base)
{
    return remembered(palette, Kind::Tint, int(tone), int(base), [&] {
        const QColor background = palette.color(base);
        // Dark backgrounds take a stronger tint: a faint one would not show.
        const QColor tinted = mix(background, hue(tone), isDark(palette) ? 0.35 : 0.25);
        // Keep the palette's own text readable on it.
        const QColor foreground =
            palette.color(base == QPalette::Base ? QPalette::Text : QPalette::WindowText);
        return contrast(tinted, foreground) >= 4.5 ? tinted : mix(background, hue(tone), 0.12);
    });
}

QColor dimmed(const QPalette &palette)
{
    return remembered(palette, Kind::Dimmed, 0, 0, [&] {
        const QColor base = palette.color(QPalette::Base);
        return readableOn(mix(palette.color(QPalette::Text), base, 0.45), base, 3.0);
    });
}

QColor unavailable(const QPalette &palette)
{
    return remembered(palette, Kind::Unavailable, 0, 0, [&] {
        return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.07);
    });
}

} // namespace ca::colors
