// The program's look in any palette: monochrome icons drawn in the palette's text colour
// (status icons in their tone), and labels whose text takes a tone (an error in red that
// reads on light and dark backgrounds alike).
#pragma once

#include "models/Colors.h"

#include <QIcon>
#include <optional>

class QWidget;

namespace ca::theme {

// :/icons/<name>.svg recoloured from the palette when drawn: the text colour, the disabled
// text colour, or the highlighted text colour on a selection.
QIcon icon(const QString &name);
// :/icons/<name>.svg in a tone (error, warning, information).
QIcon icon(const QString &name, colors::Tone tone);

// The widget's text in a tone, or (nullopt) in the palette's own colour again.
void setTextTone(QWidget *widget, std::optional<colors::Tone> tone);

} // namespace ca::theme
