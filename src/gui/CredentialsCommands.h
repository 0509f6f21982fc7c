// The window's credentials and expiry commands: File → Check a credentials file… (also by
// dropping a 1password-credentials*.json on the window), Servers → Renew credentials… and
// Tokens → Export expiry calendar…. Kept apart from MainWindow so that it only hooks them in.
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace ca {

class CheckCredentialsDialog;
class CommandController;
class MessageBar;
class ServersPage;
class Workspace;

class CredentialsCommands : public QObject
{
    Q_OBJECT
public:
    CredentialsCommands(Workspace *workspace, QWidget *window, MessageBar *messages);

    // Puts the commands behind their actions and the actions into the menus; accepts drops.
    void install(CommandController &commands, QMenu *file, QMenu *servers, QMenu *tokens);
    // Renew credentials… acts on the Servers page's selected server; the window calls this
    // when it builds that page (after the first frame).
    void addTo(CommandController &commands, ServersPage *servers);

    // Opens the check dialog; with a path, checks that file at once.
    CheckCredentialsDialog *checkFile(const QString &path = {});
    void renew(const QString &serverId);
    void exportCalendar();

    // Whether a dropped file is taken for a credentials file.
    static bool isCredentialsFileName(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Workspace *m_workspace;
    QWidget *m_window;
    MessageBar *m_messages;
    QAction *m_check;
    QAction *m_renew;
    QAction *m_calendar;
};

} // namespace ca
