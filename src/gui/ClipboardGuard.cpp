#include "gui/ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace ca {

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfUnchanged);
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this,
            &ClipboardGuard::onClipboardChanged);
    // The clipboard outlives the program on most desktops: no token left behind on quit.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearNow);
}

ClipboardGuard *ClipboardGuard::instance()
{
    static auto *guard = new ClipboardGuard(QCoreApplication::instance());
    return guard;
}

void ClipboardGuard::copySecret(const QString &secret)
{
    auto *data = new QMimeData;
    data->setText(secret);
    // Ask clipboard managers not to keep it in their history (KDE and others honour this).
    data->setData(QLatin1String(hintFormat()), "secret");
    QGuiApplication::clipboard()->setMimeData(data);
    m_secret = secret;
    m_timer.start(m_clearAfterMs);
}

void ClipboardGuard::watch(const QString &secret)
{
    m_watched.insert(secret);
}

void ClipboardGuard::unwatch(const QString &secret)
{
    m_watched.remove(secret);
}

void ClipboardGuard::onClipboardChanged()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (!data || data->hasFormat(QLatin1String(hintFormat())))
        return; // ours, or marked already
    const QString text = data->text();
    if (m_watched.contains(text))
        copySecret(text); // again, marked (this change has the mark: no loop)
}

void ClipboardGuard::clearNow()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        clearIfUnchanged();
    }
}

void ClipboardGuard::clearIfUnchanged()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!m_secret.isEmpty() && clipboard->text() == m_secret)
        clipboard->clear();
    m_secret.clear();
    emit cleared();
}

} // namespace ca
