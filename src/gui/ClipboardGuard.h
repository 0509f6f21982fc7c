// Puts a secret on the clipboard and takes it off again after a while — only if the
// clipboard still holds that secret (the user may have copied something else since).
#pragma once

#include <QObject>
#include <QTimer>

namespace ca {

class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    static ClipboardGuard *instance();

    void copySecret(const QString &secret);
    int clearAfterMs() const { return m_clearAfterMs; }
    void setClearAfterMs(int ms) { m_clearAfterMs = ms; }
    bool isHoldingSecret() const { return m_timer.isActive(); }

signals:
    void cleared();

private:
    void clearIfUnchanged();
    QTimer m_timer;
    QString m_secret;
    int m_clearAfterMs = 60000;
};

} // namespace ca
