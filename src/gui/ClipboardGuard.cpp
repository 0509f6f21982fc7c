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
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), "secret");
    QGuiApplication::clipboard()->setMimeData(data);
    m_secret = secret;
    m_timer.start(m_clearAfterMs);
}

void ClipboardGuard::clearIfUnchanged()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->text() == m_secret)
        clipboard->clear();
    m_secret.clear();
    emit cleared();
}

} // namespace ca
