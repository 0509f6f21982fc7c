#include "gui/ExpiryReminder.h"

#include "gui/MessageBar.h"
#include "gui/Preferences.h"
#include "gui/Workspace.h"
#include "models/TokenFilterProxy.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace ca {

ExpiryReminder::ExpiryReminder(Workspace *workspace, MessageBar *messages,
                               std::function<void(int days)> showTokens, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_messages(messages)
    , m_showTokens(std::move(showTokens))
{
    // The first complete load of an account reminds; a new sign-in (perhaps another
    // account) reminds again.
    connect(workspace->session(), &Session::signedIn, this, [this] { m_remindedOn = {}; });
    connect(workspace, &Workspace::refreshed, this, &ExpiryReminder::remindOncePerDay);
    // "Daily while running": look each hour whether the date moved on since the reminder.
    m_daily.setInterval(std::chrono::hours(1));
    connect(&m_daily, &QTimer::timeout, this, &ExpiryReminder::remindOncePerDay);
    m_daily.start();
}

QDate ExpiryReminder::today() const
{
    return m_workspace->tokens()->now().toLocalTime().date();
}

void ExpiryReminder::remindOncePerDay()
{
    if (!m_workspace->session()->isSignedIn() || m_workspace->lastRefresh().isNull() ||
        m_remindedOn == today())
        return;
    remindNow();
}

int ExpiryReminder::countExpiring(int days) const
{
    // The same filter the link opens, so the count and the list can't disagree.
    TokenFilterProxy proxy;
    proxy.setStates({TokenState::Active});
    proxy.setExpiresWithinDays(days);
    proxy.setSourceModel(m_workspace->tokens());
    return proxy.rowCount();
}

void ExpiryReminder::remindNow()
{
    m_remindedOn = today();
    const int days = preferences::reminderDays();
    if (days <= 0)
        return;
    const int count = countExpiring(days);
    if (count == 0)
        return;
    // Whole sentences (English has no .qm to pick plural forms; a translation may use its own).
    QString text;
    if (count == 1)
        text = days == 1 ? tr("1 active token expires within a day.")
                         : tr("1 active token expires within %1 days.").arg(days);
    else
        text = days == 1 ? tr("%n active tokens expire within a day.", nullptr, count)
                         : tr("%n active tokens expire within %1 days.", nullptr, count).arg(days);
    m_messages->showMessage(MessageBar::Kind::Warning, text, tr("Show them"),
                            [this, days] { m_showTokens(days); });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QApplication::applicationDisplayName());
            connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                    [this] { m_showTokens(preferences::reminderDays()); });
        }
        m_tray->show();
        m_tray->showMessage(tr("Tokens expire soon"), text, QSystemTrayIcon::Warning);
    }
    emit reminded(count, days);
}

} // namespace ca
