#include "gui/MessageBar.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace ca {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Messages"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &MessageBar::dismiss);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        auto callback = m_callback;
        dismiss();
        if (callback)
            callback();
    });
    setVisible(false);
}

void MessageBar::show(Kind kind, const QString &text, const QString &actionText,
                      std::function<void()> action)
{
    m_repeats = (isVisible() && text == m_text && kind == m_kind) ? m_repeats + 1 : 1;
    m_text = text;
    m_kind = kind;
    m_callback = std::move(action);
    m_label->setText(m_repeats > 1 ? tr("%1 (%2 times)").arg(text).arg(m_repeats) : text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    const char *icon = kind == Kind::Error ? "error" : kind == Kind::Warning ? "warning" : "info";
    m_icon->setPixmap(
        QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))).pixmap(20, 20));
    const char *colors = kind == Kind::Error     ? "background:#fbe3e3;border:1px solid #e0a0a0;"
                         : kind == Kind::Warning ? "background:#fff1d6;border:1px solid #e6c27a;"
                         : kind == Kind::Success ? "background:#e3f4e3;border:1px solid #9fd29f;"
                                                 : "background:#e6eef8;border:1px solid #a9c1e0;";
    setStyleSheet(QStringLiteral("#messageBar{%1}").arg(QLatin1String(colors)));
    setVisible(true);
    if (kind == Kind::Error || !actionText.isEmpty())
        m_hideTimer.stop();
    else
        m_hideTimer.start(m_autoHideMs);
}

void MessageBar::dismiss()
{
    m_hideTimer.stop();
    m_callback = nullptr;
    m_repeats = 0;
    setVisible(false);
}

} // namespace ca
