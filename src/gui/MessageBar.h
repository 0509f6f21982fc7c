// A non-modal message strip at the top of the window: one message at a time, repeats
// counted instead of stacked (no dialog storms), an optional action button. Information
// fades after a while; errors stay until closed or replaced.
#pragma once

#include <QFrame>
#include <QTimer>
#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace ca {

class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget *parent = nullptr);

    void show(Kind kind, const QString &text, const QString &actionText = {},
              std::function<void()> action = {});
    void dismiss();
    QString text() const { return m_text; }
    Kind kind() const { return m_kind; }
    int repeats() const { return m_repeats; }
    void setAutoHideMs(int ms) { m_autoHideMs = ms; }

private:
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    QTimer m_hideTimer;
    QString m_text;
    Kind m_kind = Kind::Info;
    int m_repeats = 0;
    int m_autoHideMs = 10000;
    std::function<void()> m_callback;
};

} // namespace ca
