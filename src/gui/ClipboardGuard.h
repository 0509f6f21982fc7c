// Puts a secret on the clipboard and takes it off again after a while and when the program
// quits — only if the clipboard still holds that secret (the user may have copied something
// else since). Every secret it puts there is marked for clipboard managers, also when the
// user copies a watched secret some other way (Ctrl+C in the field that shows it).
#pragma once

#include <QObject>
#include <QSet>
#include <QTimer>

namespace ca {

class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    static ClipboardGuard *instance();

    void copySecret(const QString &secret);
    // A secret shown on screen: if it reaches the clipboard by any way, it is marked and
    // guarded as if copied with copySecret. unwatch when it is no longer shown.
    void watch(const QString &secret);
    void unwatch(const QString &secret);
    // Takes the secret off the clipboard now if it is still there (on quit).
    void clearNow();
    static const char *hintFormat() { return "x-kde-passwordManagerHint"; }
    int clearAfterMs() const { return m_clearAfterMs; }
    void setClearAfterMs(int ms) { m_clearAfterMs = ms; }
    bool isHoldingSecret() const { return m_timer.isActive(); }

signals:
    void cleared();

private:
    void clearIfUnchanged();
    void onClipboardChanged();
    QTimer m_timer;
    QString m_secret;
    QSet<QString> m_watched;
    int m_clearAfterMs = 60000;
};

} // namespace ca
