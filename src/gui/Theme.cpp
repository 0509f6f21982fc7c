#include "gui/Theme.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QWidget>

namespace ca::theme {

namespace {

// Renders the SVG (through Qt's SVG icon engine) and paints its shape in a colour taken
// from the application's palette at the time it is drawn, so a palette change recolours it.
class RecolouredIconEngine : public QIconEngine
{
public:
    RecolouredIconEngine(const QString &path, std::optional<colors::Tone> tone)
        : m_path(path)
        , m_source(path)
        , m_tone(tone)
    {}

    QIconEngine *clone() const override { return new RecolouredIconEngine(m_path, m_tone); }
    QString key() const override { return QStringLiteral("ca-recoloured"); }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap shape = m_source.pixmap(size, scale, QIcon::Normal, state);
        if (shape.isNull())
            return shape;
        QPainter p(&shape);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(QRect(QPoint(0, 0), shape.deviceIndependentSize().toSize()), colour(mode));
        p.end();
        return shape;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }

private:
    QColor colour(QIcon::Mode mode) const
    {
        const QPalette palette = QApplication::palette();
        if (mode == QIcon::Disabled)
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        if (mode == QIcon::Selected)
            return palette.color(QPalette::HighlightedText);
        if (m_tone)
            return colors::text(*m_tone, palette, QPalette::Window);
        return palette.color(QPalette::WindowText);
    }

    QString m_path;
    QIcon m_source;
    std::optional<colors::Tone> m_tone;
};

QString pathOf(const QString &name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

} // namespace

QIcon icon(const QString &name)
{
    return QIcon(new RecolouredIconEngine(pathOf(name), std::nullopt));
}

QIcon icon(const QString &name, colors::Tone tone)
{
    return QIcon(new RecolouredIconEngine(pathOf(name), tone));
}

void setTextTone(QWidget *widget, std::optional<colors::Tone> tone)
{
    // Only the text roles are set; everything else still follows the parent's palette.
    QPalette own;
    if (tone) {
        const QPalette inherited =
            widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette();
        const QColor colour = colors::text(*tone, inherited, QPalette::Window);
        for (auto role : {QPalette::WindowText, QPalette::Text})
            own.setColor(role, colour);
    }
    widget->setPalette(own);
}

} // namespace ca::theme
