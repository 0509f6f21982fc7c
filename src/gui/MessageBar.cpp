#include "gui/MessageBar.h"

#include "gui/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>

namespace ca {

namespace {

colors::Tone toneOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return colors::Tone::Negative;
    case MessageBar::Kind::Warning:
        return colors::Tone::Neutral;
    case MessageBar::Kind::Success:
        return colors::Tone::Positive;
    case MessageBar::Kind::Info:
        break;
    }
    return colors::Tone::Information;
}

QString iconName(MessageBar::Kind kind)
{
    return kind == MessageBar::Kind::Error     ? QStringLiteral("error")
           : kind == MessageBar::Kind::Warning ? QStringLiteral("warning")
                                               : QStringLiteral("info");
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Messages"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 1, 2, 1);
    layout->setSpacing(6);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    m_label->setObjectName(QStringLiteral("messageText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setIcon(theme::icon(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_action->setObjectName(QStringLiteral("messageAction"));
    m_action->setAccessibleDescription(tr("Does what the message offers"));
    // The slot keeps the height of a line with its buttons whether or not a message shows,
    // so the status bar (and the pages above it) never move.
    const int line = std::max(
        {m_action->sizeHint().height(), m_close->sizeHint().height(), fontMetrics().height()});
    setMinimumHeight(line + layout->contentsMargins().top() + layout->contentsMargins().bottom());
    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &MessageBar::dismiss);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        auto callback = m_callback;
        dismiss();
        if (callback)
            callback();
    });
    for (QWidget *w : std::initializer_list<QWidget *>{m_icon, m_label, m_action, m_close}) {
        QSizePolicy policy = w->sizePolicy();
        policy.setRetainSizeWhenHidden(w != m_action);
        w->setSizePolicy(policy);
        w->setVisible(false);
    }
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText,
                             std::function<void()> action)
{
    m_repeats = (m_showing && text == m_text && kind == m_kind) ? m_repeats + 1 : 1;
    m_showing = true;
    m_text = text;
    m_kind = kind;
    m_callback = std::move(action);
    m_label->setText(m_repeats > 1 ? tr("%1 (%2 times)").arg(text).arg(m_repeats) : text);
    m_label->setToolTip(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    updateIcon();
    for (QWidget *w : std::initializer_list<QWidget *>{m_icon, m_label, m_close})
        w->setVisible(true);
    update();
    const bool staysUntilRead = kind == Kind::Error || kind == Kind::Warning;
    if (staysUntilRead || !actionText.isEmpty())
        m_hideTimer.stop();
    else
        m_hideTimer.start(m_autoHideMs);
}

void MessageBar::dismiss()
{
    m_hideTimer.stop();
    m_callback = nullptr;
    m_repeats = 0;
    m_showing = false;
    for (QWidget *w : std::initializer_list<QWidget *>{m_icon, m_label, m_action, m_close})
        w->setVisible(false);
    update();
}

QColor MessageBar::background() const
{
    return colors::tint(toneOf(m_kind), palette(), QPalette::Window);
}

void MessageBar::updateIcon()
{
    m_icon->setPixmap(theme::icon(iconName(m_kind), toneOf(m_kind)).pixmap(16, 16));
}

void MessageBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcon(); // its tone is picked for the palette
}

void MessageBar::paintEvent(QPaintEvent *)
{
    if (!m_showing)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor border =
        colors::mix(background(), colors::text(toneOf(m_kind), palette(), QPalette::Window), 0.5);
    p.setPen(border);
    p.setBrush(background());
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
}

} // namespace ca
