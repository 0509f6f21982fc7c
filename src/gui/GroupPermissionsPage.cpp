#include "gui/GroupPermissionsPage.h"

#include "gui/CommandController.h"
#include "gui/PageActions.h"
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
    m_proxy.setSourceModel(workspace->groupPermissions());
    ui->table->setModel(&m_proxy);
    // Group names stay in the vertical header: a frozen first column while scrolling
    // through the servers, as on the matrix.
    connect(ui->filterEdit, &QLineEdit::textChanged, &m_proxy, &RowNameFilterProxy::setText);
    ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    ui->table->verticalHeader()->setDefaultSectionSize(ui->table->fontMetrics().height() + 10);
    ui->table->horizontalHeader()->resizeSection(GroupPermissionModel::Manager, 34);
    ui->layout->setStretchFactor(ui->table, 1);
    ui->table->setContextMenuPolicy(Qt::ActionsContextMenu); // copy and export (TableExport)
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

void GroupPermissionsPage::addCommands(CommandController &commands, const PageActions &actions)
{
    // Each change is saved as it is made: only Find for the shared actions.
    commands.add(this, actions.find, Command::forNothing([this](const QStringList &) {
                                         focusFilter();
                                     }).signedOutToo());
}

void GroupPermissionsPage::setFilterText(const QString &text)
{
    ui->filterEdit->setText(text);
}

void GroupPermissionsPage::focusFilter()
{
    ui->filterEdit->setFocus();
    ui->filterEdit->selectAll();
}

QTableView *GroupPermissionsPage::table() const
{
    return ui->table;
}

void GroupPermissionsPage::updateAccess()
{
    const bool allowed = m_workspace->canSeeGroupPermissions();
    ui->table->setVisible(allowed);
    ui->filterEdit->setVisible(allowed);
    if (!allowed && m_workspace->session()->isSignedIn())
        ui->explanation->setText(
            tr("Seeing and changing who administers Secrets Automation needs manager rights "
               "(Owners, Administrators, or a manager group)."));
}

} // namespace ca
