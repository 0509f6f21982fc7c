// Expiry reminders: at the first load after signing in, and then once a day while the program
// runs, counts the active tokens that expire within the days set in Preferences and says so
// once — a line in the message bar with "Show them" (the Tokens page filtered to them) and a
// desktop notification through the system tray, when there is one.
#pragma once

#include <QDate>
#include <QObject>
#include <QTimer>

#include <functional>

class QSystemTrayIcon;

namespace ca {

class MessageBar;
class Workspace;

class ExpiryReminder : public QObject
{
    Q_OBJECT
public:
    // showTokens(days): show the Tokens page filtered to tokens expiring within days.
    ExpiryReminder(Workspace *workspace, MessageBar *messages,
                   std::function<void(int days)> showTokens, QObject *parent = nullptr);

    // Counts and reminds now (also when it did today), e.g. after the days were changed.
    void remindNow();
    // The active tokens expiring within days, as the Tokens page's filter counts them.
    int countExpiring(int days) const;

signals:
    void reminded(int count, int days);

private:
    void remindOncePerDay();
    QDate today() const;

    Workspace *m_workspace;
    MessageBar *m_messages;
    std::function<void(int)> m_showTokens;
    QSystemTrayIcon *m_tray = nullptr;
    QDate m_remindedOn; // local date of the last reminder; invalid: none yet this session
    QTimer m_daily;
};

} // namespace ca
