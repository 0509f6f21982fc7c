// Colours that carry meaning — an error, a grant, a revoke, a warning, a collision — picked
// for the palette in use, so that they read on a light and on a dark background alike:
// text colours are made to contrast with the palette's base, tints are mixed into it.
// Models ask with the application's palette; widgets pass their own.
#pragma once

#include <QColor>
#include <QPalette>

namespace ca::colors {

enum class Tone {
    Negative,    // errors, revokes, expired
    Positive,    // success, grants
    Neutral,     // warnings, due soon
    Information, // plain information
    Conflict,    // changed by someone else
};

// The application's palette; a plain light one where there is no GUI (model tests, tools).
QPalette applicationPalette();

bool isDark(const QPalette &palette = applicationPalette());

// The WCAG 2 contrast ratio of two colours (1 to 21); 4.5 is readable body text.
double contrast(const QColor &a, const QColor &b);
double luminance(const QColor &c);
QColor mix(const QColor &a, const QColor &b, double amountOfB);

// c, made lighter or darker until it reaches `ratio` against background.
QColor readableOn(const QColor &c, const QColor &background, double ratio = 4.5);

// Text in this tone on the palette's base (views) or window (bars and labels).
QColor text(Tone tone, const QPalette &palette = applicationPalette(),
            QPalette::ColorRole background = QPalette::Base);
// A tint of the palette's base in this tone, for a cell or a bar; the palette's text stays
// readable on it.
QColor tint(Tone tone, const QPalette &palette = applicationPalette(),
            QPalette::ColorRole base = QPalette::Base);
// Text that matters less (a revoked token), still readable.
QColor dimmed(const QPalette &palette = applicationPalette());
// A cell that can't be used: a shade of base, never a glare.
QColor unavailable(const QPalette &palette = applicationPalette());

} // namespace ca::colors
