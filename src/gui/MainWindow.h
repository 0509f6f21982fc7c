// The main window: a sidebar of pages (Servers, Tokens, Vault access, Group permissions,
// Activity), each built when it is first shown or asked for (a cold start builds only the
// first), menus and a toolbar sharing one set of actions, a message bar for errors, a status
// bar with the connection and the last refresh, and a busy indicator. It signs in (keeping
// the session in the keychain), starts the local sandbox on request, and asks for the
// password again when the session expires — without losing staged edits.
#pragma once

#include "gui/CommandController.h"
#include "gui/PageActions.h"
#include "gui/SandboxLauncher.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>
#include <array>
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
class CredentialsCommands;
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
    void showPage(PageIndex index); // builds the page the first time
    PageIndex currentPageIndex() const;

    // The pages, each built the first time it is asked for (here or by being shown).
    PageWidget *page(PageIndex index);
    ServersPage *serversPage();
    TokensPage *tokensPage();
    VaultAccessPage *vaultAccessPage();
    GroupPermissionsPage *groupPermissionsPage();
    ActivityPage *activityPage();
    // Whether the page has been built yet (it is built when first shown or asked for).
    bool isPageBuilt(PageIndex index) const { return m_pages[index] != nullptr; }
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
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The constructor's steps.
    void setIcons();
    void addPageList();
    void setUpBars();
    void addCommands();
    void addPreferences(); // Edit → Preferences and the expiry reminders it sets
    void followUndoStack();
    void followSession();
    void followWorkspace();
    void followSandbox();
    void buildFirstPageAfterFirstFrame();

    PageWidget *buildPage(PageIndex index);
    PageIndex sidebarPage() const;                    // the page the sidebar names as current
    void hookPage(PageIndex index, PageWidget *page); // the window's part of a new page
    template <typename Page>
    Page *builtPage(PageIndex index) const; // nullptr while not built

    void signOut();
    void about();
    void showSignIn(const QString &reason);
    void onSignedIn(const SessionInfo &info);
    void startSandbox(const QString &dataFolder = {});
    void updateActions();
    void setConnection(const QString &text, bool ok);
    void fitToolBar();
    PageWidget *currentPage() const;
    QTableView *tableOf(PageIndex index) const; // nullptr while the page isn't built
    QTableView *currentTable() const;           // the current page's table (copy, export)

    std::unique_ptr<Ui::MainWindow> ui;
    Workspace *m_workspace;
    std::array<PageWidget *, Activity + 1> m_pages{}; // by PageIndex; nullptr: not built yet
    PageActions m_shared{};                           // what the pages' commands go behind
    ActivityCommands *m_activityCommands = nullptr;
    ConfigFileCommands *m_configFileCommands = nullptr;
    CredentialsCommands *m_credentialsCommands = nullptr;
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
