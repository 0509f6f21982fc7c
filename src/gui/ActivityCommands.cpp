#include "gui/ActivityCommands.h"

#include "core/Ids.h"
#include "gui/ActivityPage.h"
#include "gui/CommandController.h"
#include "gui/CompareDialog.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/MainWindow.h"
#include "gui/ReachDialog.h"
#include "gui/ServersPage.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "models/Roles.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace ca {

ActivityCommands::ActivityCommands(Workspace *workspace, MainWindow *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_showActivity(new QAction(tr("Show &activity"), window))
    , m_compare(new QAction(tr("&Compare…"), window))
    , m_export(new QAction(tr("&Export activity…"), window))
{
    m_showActivity->setObjectName(u"actionShowObjectActivity"_s);
    m_showActivity->setToolTip(tr("The audit log of the selected item"));
    m_compare->setObjectName(u"actionCompare"_s);
    m_compare->setToolTip(tr("What changed in vault access and tokens between two moments"));
    m_export->setObjectName(u"actionExportActivity"_s);
}

void ActivityCommands::install(CommandController &commands, QMenuBar *menuBar, QMenu *before)
{
    using Ids = const QStringList &;
    m_commands = &commands;
    commands.add(m_compare, Command::forNothing([this](Ids) { compare(); }));
    commands.add(m_export, Command::forNothing([this](Ids) {
                     m_window->showPage(MainWindow::Activity);
                     m_window->activityPage()->exportEvents();
                 }));
    auto *menu = new QMenu(tr("&Activity"), menuBar);
    menu->setObjectName(u"menuActivity"_s);
    menu->addActions({m_compare, m_export});
    menuBar->insertMenu(before->menuAction(), menu);
}

void ActivityCommands::addTo(MainWindow::PageIndex page)
{
    switch (page) {
    case MainWindow::Servers:
        addShowActivity(m_window->serversPage(), IdKind::Server);
        break;
    case MainWindow::Tokens:
        addShowActivity(m_window->tokensPage(), IdKind::Token);
        break;
    case MainWindow::VaultAccess: {
        // The matrix: its headers' menus name a server or a vault.
        VaultAccessPage *matrix = m_window->vaultAccessPage();
        connect(matrix, &VaultAccessPage::activityRequested, m_window, &MainWindow::showActivity);
        connect(matrix, &VaultAccessPage::reachRequested, this, &ActivityCommands::showVaultReach);
        break;
    }
    case MainWindow::GroupPermissions:
        addGroupActions(m_window->groupPermissionsPage()->table());
        break;
    case MainWindow::Activity:
        addEventActions(m_window->activityPage());
        break;
    }
}

// Show activity in the context menu of a page listing servers or tokens.
void ActivityCommands::addShowActivity(PageWidget *page, IdKind kind)
{
    m_commands->add(page, m_showActivity, Command::forOne([this, kind](const QStringList &ids) {
                        m_window->showActivity(displayId(ids.first(), kind));
                    }));
    page->table()->addAction(m_showActivity);
}

// The group grid: what a group administers, and its activity.
void ActivityCommands::addGroupActions(QTableView *groups)
{
    auto *groupReach = new QAction(tr("What this group administers…"), groups);
    groupReach->setObjectName(u"actionGroupReach"_s);
    auto *groupActivity = new QAction(tr("Show activity"), groups);
    groupActivity->setObjectName(u"actionGroupActivity"_s);
    connect(groupReach, &QAction::triggered, this, [this, groups] {
        const QString id = groups->currentIndex().data(IdRole).toString();
        if (!id.isEmpty())
            showGroupReach(id);
    });
    connect(groupActivity, &QAction::triggered, this, [this, groups] {
        const QString id = groups->currentIndex().data(IdRole).toString();
        if (!id.isEmpty())
            m_window->showActivity(displayId(id, IdKind::Group));
    });
    groups->addActions({groupReach, groupActivity});
}

void ActivityCommands::addEventActions(ActivityPage *activity)
{
    connect(activity, &ActivityPage::compareRequested, this, &ActivityCommands::compare);
    // An event's actor: what that person administers, through their groups.
    QTableView *events = activity->table();
    auto *userReach = new QAction(tr("What this person administers…"), events);
    userReach->setObjectName(u"actionUserReach"_s);
    userReach->setToolTip(tr("The servers the person who made this change manages, through "
                             "their groups"));
    connect(userReach, &QAction::triggered, this, [this, activity, events] {
        const QModelIndex current = events->currentIndex();
        if (!current.isValid())
            return;
        const QString actor = activity->model()->eventAt(current.row()).actorId;
        if (!actor.isEmpty()) // the service's own events have none
            showUserReach(actor);
    });
    events->setContextMenuPolicy(Qt::ActionsContextMenu);
    events->addAction(userReach);
}

ReachDialog *ActivityCommands::reachDialog()
{
    if (!m_reach) {
        // One dialog, hidden when closed and reused (it goes with the window). Deleted on
        // close, it could be asked again between its close and its deferred delete — and
        // then vanish while loading: the screenshot tour crashed that way.
        m_reach = new ReachDialog(m_workspace, m_window);
        connect(m_reach, &ReachDialog::openServer, this, [this](const QString &id) {
            m_window->showPage(MainWindow::Servers);
            m_window->serversPage()->select(id);
        });
        connect(m_reach, &ReachDialog::openToken, this, &ActivityCommands::openToken);
        connect(m_reach, &ReachDialog::showActivity, m_window, &MainWindow::showActivity);
    }
    return m_reach;
}

ReachDialog *ActivityCommands::showVaultReach(const QString &vault)
{
    ReachDialog *dialog = reachDialog();
    dialog->showVault(vault);
    dialog->show();
    dialog->raise();
    return dialog;
}

ReachDialog *ActivityCommands::showUserReach(const QString &userId)
{
    ReachDialog *dialog = reachDialog();
    dialog->showUser(userId);
    dialog->show();
    dialog->raise();
    return dialog;
}

ReachDialog *ActivityCommands::showGroupReach(const QString &groupId)
{
    ReachDialog *dialog = reachDialog();
    dialog->showGroup(groupId);
    dialog->show();
    dialog->raise();
    return dialog;
}

void ActivityCommands::openToken(const QString &tokenId, const QString &serverId)
{
    m_window->showPage(MainWindow::Tokens);
    TokensPage *tokens = m_window->tokensPage();
    tokens->setStateFilter(TokensPage::AllStates);
    tokens->setServerFilter(serverId);
    tokens->setText({});
    const QModelIndex row = tokens->proxy()->indexOf(tokenId);
    if (row.isValid()) {
        tokens->table()->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
        tokens->table()->setCurrentIndex(row);
        tokens->table()->scrollTo(row);
    }
}

CompareDialog *ActivityCommands::compare()
{
    if (!m_compareDialog) {
        m_compareDialog = new CompareDialog(m_workspace, m_window); // reused, as above
    }
    m_compareDialog->show();
    m_compareDialog->raise();
    return m_compareDialog;
}

} // namespace ca
