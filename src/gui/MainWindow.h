// The main window: a sidebar of pages (Servers, Tokens, Vault access, Group permissions,
// Activity),
// menus and a toolbar sharing one set of actions, a message bar for errors, a status bar
// with the connection and the last refresh, and a busy indicator. It signs in (keeping
// the session in the keychain), starts the local sandbox on request, and asks for the
// password again when the session expires — without losing staged edits.
#pragma once

#include "gui/CommandController.h"
#include "gui/SandboxLauncher.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>
#include <memory>

class QLabel;
class QProgressBar;
class QTableView;

namespace Ui {
class MainWindow;
}

namespace ca {

class ActivityCommands;
class ConfigFileCommands;
class ActivityPage;
class GroupPermissionsPage;
class MessageBar;
class PageWidget;
class ServersPage;
class SignInDialog;
class TokensPage;
class VaultAccessPage;
class Workspace;
struct SessionInfo;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum PageIndex { Servers, Tokens, VaultAccess, GroupPermissions, Activity };

    struct StartOptions
    {
        bool sandbox = false;
        QString sandboxDir; // empty: the default data folder
        QUrl url;           // a service to open; empty: the last account
    };

    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    void start(const StartOptions &options);
    void showPage(PageIndex page);
    PageIndex currentPageIndex() const;

    ServersPage *serversPage() const { return m_servers; }
    TokensPage *tokensPage() const { return m_tokens; }
    VaultAccessPage *vaultAccessPage() const { return m_vaultAccess; }
    GroupPermissionsPage *groupPermissionsPage() const { return m_groups; }
    ActivityPage *activityPage() const { return m_activity; }
    ActivityCommands *activityCommands() const { return m_activityCommands; }
    ConfigFileCommands *configFileCommands() const { return m_configFileCommands; }
    // The Activity page, filtered to one object (an ID, or kind:name).
    void showActivity(const QString &object);
    MessageBar *messageBar() const;
    SignInDialog *signInDialog() const;
    SandboxLauncher *sandbox() { return &m_sandbox; }
    QString connectionText() const;
    QString refreshedText() const; // "Updated HH:MM" in the status bar

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // The constructor's steps.
    void setIcons();
    void addPages();
    void setUpBars();
    void addCommands();
    void addPreferences(); // Edit → Preferences and the expiry reminders it sets
    void followUndoStack();
    void followSession();
    void followWorkspace();
    void followSandbox();

    void signOut();
    void about();
    void showSignIn(const QString &reason);
    void onSignedIn(const SessionInfo &info);
    void startSandbox(const QString &dataFolder = {});
    void updateActions();
    void setConnection(const QString &text, bool ok);
    void fitToolBar();
    PageWidget *currentPage() const;
    QTableView *currentTable() const; // the current page's table (copy, export)

    std::unique_ptr<Ui::MainWindow> ui;
    Workspace *m_workspace;
    ServersPage *m_servers;
    TokensPage *m_tokens;
    VaultAccessPage *m_vaultAccess;
    GroupPermissionsPage *m_groups;
    ActivityPage *m_activity;
    ActivityCommands *m_activityCommands = nullptr;
    ConfigFileCommands *m_configFileCommands = nullptr;
    SandboxLauncher m_sandbox;
    CommandController m_commands;
    QPointer<SignInDialog> m_signIn;
    MessageBar *m_messages;
    QLabel *m_account;
    QLabel *m_connection;
    QLabel *m_refreshed;
    QProgressBar *m_busy;
    QString m_sandboxDir;
};

} // namespace ca
