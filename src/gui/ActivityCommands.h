// The window's activity and reach commands: Show activity in the context menus of servers,
// tokens and the vault access matrix (opening the Activity page filtered to that object),
// Who can reach this vault… / What this group administers… / What this person administers…
// (the Activity table's menu, for an event's actor), and the Activity menu with
// Compare…. Kept apart from MainWindow so that it only hooks them in.
#pragma once

#include "core/Ids.h"
#include "gui/MainWindow.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QMenuBar;
class QTableView;

namespace ca {

class ActivityPage;
class PageWidget;
class CommandController;
class CompareDialog;
class ReachDialog;
class Workspace;

class ActivityCommands : public QObject
{
    Q_OBJECT
public:
    ActivityCommands(Workspace *workspace, MainWindow *window);

    // Puts the window's commands behind their actions and an Activity menu into the menu
    // bar before `before`.
    void install(CommandController &commands, QMenuBar *menuBar, QMenu *before);
    // Hooks the commands into a page just built: its table's context menu, its signals.
    void addTo(MainWindow::PageIndex page);

    ReachDialog *showVaultReach(const QString &vault);
    ReachDialog *showGroupReach(const QString &groupId);
    ReachDialog *showUserReach(const QString &userId);
    CompareDialog *compare();
    void openToken(const QString &tokenId, const QString &serverId);

private:
    ReachDialog *reachDialog();
    void addShowActivity(PageWidget *page, IdKind kind);
    void addGroupActions(QTableView *groups);
    void addEventActions(ActivityPage *activity);

    Workspace *m_workspace;
    MainWindow *m_window;
    CommandController *m_commands = nullptr;
    QAction *m_showActivity;
    QAction *m_compare;
    QAction *m_export;
    QPointer<ReachDialog> m_reach;
    QPointer<CompareDialog> m_compareDialog;
};

} // namespace ca
