// The window's messages, in a fixed slot of the status bar: one message at a time, one line
// high (it grows only for text that wraps), repeats counted instead of stacked (no dialog
// storms), an optional action button. It never appears over anything or pushes the pages
// aside, so the next click lands where the user aimed. Information and successes go after a
// while; warnings and errors stay until dismissed or replaced. Its colours are a tint of the
// palette, so it reads in light and dark palettes alike.
#pragma once

#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace ca {

class MessageBar : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QString &actionText = {},
                     std::function<void()> action = {});
    void dismiss();
    bool isShowing() const { return m_showing; }
    QString text() const { return m_text; }
    Kind kind() const { return m_kind; }
    int repeats() const { return m_repeats; }
    // Whether the message on show goes away by itself.
    bool hidesByItself() const { return m_hideTimer.isActive(); }
    void setAutoHideMs(int ms) { m_autoHideMs = ms; }
    // The tint behind the message (what is painted; tests compare it with the text).
    QColor background() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    QTimer m_hideTimer;
    QString m_text;
    Kind m_kind = Kind::Info;
    bool m_showing = false;
    int m_repeats = 0;
    int m_autoHideMs = 10000;
    std::function<void()> m_callback;
};

} // namespace ca
