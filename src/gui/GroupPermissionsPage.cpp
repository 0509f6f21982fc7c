#include "gui/GroupPermissionsPage.h"

#include "gui/RotatedHeaderView.h"
#include "gui/Workspace.h"
#include "ui_GroupPermissionsPage.h"

namespace ca {

GroupPermissionsPage::GroupPermissionsPage(Workspace *workspace, QWidget *parent)
    : PageWidget(workspace, parent)
    , ui(std::make_unique<Ui::GroupPermissionsPage>())
{
    ui->setupUi(this);
    ui->table->setHorizontalHeader(new RotatedHeaderView(ui->table));
    ui->table->setModel(workspace->groupPermissions());
    ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    ui->table->verticalHeader()->setDefaultSectionSize(ui->table->fontMetrics().height() + 10);
    ui->table->horizontalHeader()->resizeSection(GroupPermissionModel::Manager, 34);
    ui->layout->setStretchFactor(ui->table, 1);
    ui->explanation->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(
        workspace->groupPermissions(), &GroupPermissionModel::changeRequested, this,
        [this](const GroupPermissionChange &change) {
            m_workspace->changeGroupPermission(change, this, [this, change](const Result<Done> &r) {
                const QString group = m_workspace->directory()->groupName(change.groupId);
                const QString what =
                    change.allServers ? tr("all servers")
                    : change.serverId.isEmpty()
                        ? tr("Secrets Automation (as a manager)")
                        : tr("the server \"%1\"")
                              .arg(m_workspace->directory()->serverName(change.serverId));
                if (!r.ok())
                    emit message(MessageBar::Kind::Error,
                                 tr("Could not change \"%1\": %2").arg(group, r.error().message));
                else if (change.granted)
                    emit message(MessageBar::Kind::Success,
                                 tr("\"%1\" can now manage %2.").arg(group, what));
                else
                    emit message(MessageBar::Kind::Success,
                                 tr("\"%1\" no longer manages %2.").arg(group, what));
            });
        });
    connect(workspace->session(), &Session::signedIn, this, &GroupPermissionsPage::updateAccess);
    updateAccess();
}

GroupPermissionsPage::~GroupPermissionsPage() = default;

void GroupPermissionsPage::addCommands(CommandController &, const PageActions &)
{
    // Each change is saved as it is made: nothing for the shared actions to do here.
}

QTableView *GroupPermissionsPage::table() const
{
    return ui->table;
}

void GroupPermissionsPage::updateAccess()
{
    const bool allowed = m_workspace->canSeeGroupPermissions();
    ui->table->setVisible(allowed);
    if (!allowed && m_workspace->session()->isSignedIn())
        ui->explanation->setText(
            tr("Seeing and changing who administers Secrets Automation needs manager rights "
               "(Owners, Administrators, or a manager group)."));
}

} // namespace ca
