// The window's activity and reach commands: Show activity in the context menus of servers,
// tokens and the vault access matrix (opening the Activity page filtered to that object),
// Who can reach this vault… / What this group administers… / What this person administers…
// (the Activity table's menu, for an event's actor), and the Activity menu with
// Compare…. Kept apart from MainWindow so that it only hooks them in.
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QMenuBar;

namespace ca {

class CommandController;
class CompareDialog;
class MainWindow;
class ReachDialog;
class Workspace;

class ActivityCommands : public QObject
{
    Q_OBJECT
public:
    ActivityCommands(Workspace *workspace, MainWindow *window);

    // Puts the commands behind their actions, the actions into the tables' context menus
    // and an Activity menu into the menu bar before `before`.
    void install(CommandController &commands, QMenuBar *menuBar, QMenu *before);

    ReachDialog *showVaultReach(const QString &vault);
    ReachDialog *showGroupReach(const QString &groupId);
    ReachDialog *showUserReach(const QString &userId);
    CompareDialog *compare();
    void openToken(const QString &tokenId, const QString &serverId);

private:
    ReachDialog *reachDialog();

    Workspace *m_workspace;
    MainWindow *m_window;
    QAction *m_showActivity;
    QAction *m_compare;
    QAction *m_export;
    QPointer<ReachDialog> m_reach;
    QPointer<CompareDialog> m_compareDialog;
};

} // namespace ca
