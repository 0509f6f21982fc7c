#include "gui/ServersPage.h"

#include "core/Ids.h"
#include "core/NameOrder.h"
#include "gui/ColumnWidths.h"
#include "gui/CommandController.h"
#include "gui/CredentialsExport.h"
#include "gui/EmptyViewText.h"
#include "gui/NewServerDialog.h"
#include "gui/PageActions.h"
#include "gui/Seams.h"
#include "gui/TableExport.h"
#include "gui/Workspace.h"
#include "ui_ServersPage.h"

#include <QAction>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>

namespace ca {

ServersPage::ServersPage(Workspace *workspace, QWidget *parent)
    : PageWidget(workspace, parent)
    , ui(std::make_unique<Ui::ServersPage>())
    , m_scopes(workspace->directory())
{
    ui->setupUi(this);
    fitPlaceholder(ui->filterEdit);
    m_proxy.setSourceModel(workspace->servers());
    m_proxy.setFilterKeyColumn(-1);
    ui->table->setModel(&m_proxy);
    ui->table->sortByColumn(ServerModel::Name, Qt::AscendingOrder);
    // The ID is in the detail pane too: narrow, elided in the middle. The ID and the state
    // (always ACTIVE so far) are in the detail pane: hidden until asked for (header menu).
    auto *columns = new ColumnWidths(
        ui->table, QStringLiteral("servers"),
        {ServerModel::Vaults, {{ServerModel::Id, 12}}, {ServerModel::Id, ServerModel::State}, {}});
    connect(workspace, &Workspace::refreshed, columns, &ColumnWidths::fitOnce);
    ui->table->verticalHeader()->hide();
    EmptyViewText::forFilteredList(
        ui->table, workspace, workspace->servers(),
        tr("No Connect servers yet. Create one with New server: it comes with its credentials "
           "file."),
        tr("No server matches the filter."));
    // A long server name wraps in the pane instead of widening it (and squeezing the table).
    // The ID is never cut (it is copied from here): where caption and ID don't fit side by
    // side, as in a 1024-pixel window, the ID moves under its caption.
    for (QLabel *label : {ui->detailTitle, ui->vaultsCaption, ui->tokensCaption})
        label->setWordWrap(true);
    ui->detailForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    ui->scopeView->setModel(&m_scopes);
    ui->scopeView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({760, 300});
    // Something selected from the start: the detail pane is never an empty box.
    connect(workspace, &Workspace::refreshed, this, [this] {
        if (selectedId().isEmpty() && m_proxy.rowCount() > 0)
            ui->table->selectRow(0);
    });
    connect(ui->filterEdit, &QLineEdit::textChanged, &m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetail();
        emit actionsChanged();
    });
    // The detail pane follows changes to the selected server and its tokens.
    connect(workspace->servers(), &QAbstractItemModel::dataChanged, this, &ServersPage::showDetail);
    connect(workspace->tokens(), &QAbstractItemModel::rowsInserted, this, &ServersPage::showDetail);
    connect(workspace->tokens(), &QAbstractItemModel::dataChanged, this, &ServersPage::showDetail);
    connect(workspace->servers(), &QAbstractItemModel::rowsRemoved, this, [this] {
        showDetail();
        emit actionsChanged();
    });
    showDetail();
}

ServersPage::~ServersPage() = default;

void ServersPage::addCommands(CommandController &commands, const PageActions &actions)
{
    commands.add(this, actions.rename,
                 Command::forOne([this](const QStringList &ids) { rename(ids.first()); }));
    commands.add(this, actions.remove, Command::forOne([this](const QStringList &ids) {
                                           deleteServer(ids.first());
                                       }).labelled(tr("&Delete")));
    commands.add(this, actions.copyId,
                 Command::forMany([this](const QStringList &ids) { copyIds(ids); }).signedOutToo());
    commands.add(this, actions.find, Command::forNothing([this](const QStringList &) {
                                         focusFilter();
                                     }).signedOutToo());
    ui->newButton->setDefaultAction(actions.newServer);
    ui->renameButton->setDefaultAction(actions.rename);
    ui->deleteButton->setDefaultAction(actions.remove);
    ui->table->addActions({actions.rename, actions.remove, actions.copyId});
}

QStringList ServersPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &row : ui->table->selectionModel()->selectedRows())
        ids.append(m_workspace->servers()->id(m_proxy.mapToSource(row)));
    return ids;
}

QTableView *ServersPage::table() const
{
    return ui->table;
}

QString ServersPage::selectedId() const
{
    const QModelIndexList rows = ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : m_workspace->servers()->id(m_proxy.mapToSource(rows.first()));
}

void ServersPage::select(const QString &serverId)
{
    const QModelIndex index = m_proxy.indexOf(serverId);
    if (index.isValid())
        ui->table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    ui->table->setCurrentIndex(index);
}

void ServersPage::showDetail()
{
    const Server *s = m_workspace->servers()->find(selectedId());
    ui->detail->setEnabled(s != nullptr);
    ui->vaultsList->clear();
    if (!s) {
        ui->detailTitle->setText(tr("Select a server to see its vaults and tokens."));
        ui->idValue->clear();
        ui->createdValue->clear();
        ui->tokensVersionValue->clear();
        m_scopes.setServer(Server{}, {});
        return;
    }
    ui->detailTitle->setText(s->name);
    ui->idValue->setText(displayId(s->id, IdKind::Server));
    ui->idValue->setToolTip(ui->idValue->text());
    ui->createdValue->setText(
        tr("%1 by %2")
            .arg(QLocale().toString(s->createdAt.toLocalTime(), QLocale::ShortFormat),
                 m_workspace->directory()->userName(s->creatorId)));
    ui->tokensVersionValue->setText(QString::number(s->tokensVersion));
    QStringList vaults;
    for (const QString &v : s->vaults)
        vaults.append(m_workspace->directory()->vaultName(v));
    NameOrder::current().sort(vaults);
    ui->vaultsList->addItems(vaults);
    if (s->vaults.isEmpty())
        ui->vaultsList->addItem(tr("No vaults yet — grant some on the Vault access page."));
    m_scopes.setServer(*s, m_workspace->tokens()->items());
}

void ServersPage::newServer()
{
    if (!m_workspace->canCreateServers()) {
        emit message(MessageBar::Kind::Warning,
                     tr("Creating Connect servers needs Secrets Automation manager rights."));
        return;
    }
    auto *dialog = new NewServerDialog(m_workspace->directory()->vaults(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &NewServerDialog::createRequested, this,
        [this, dialog](const QString &name, const QStringList &vaults) {
            m_workspace->createServer(
                name, vaults, this,
                [this, asked = QPointer<NewServerDialog>(dialog)](const Result<NewServerReply> &r) {
                    if (!settle(asked, r))
                        return;
                    select(r->server.id);
                    // The credentials exist only now: ask where to keep them at once.
                    const ExportResult saved = saveCredentials(
                        window(), {r->server.id, r->server.name}, r->credentials,
                        [this](const QString &id) -> std::optional<QString> {
                            const Server *s = m_workspace->servers()->find(id);
                            return s ? std::optional<QString>(s->name) : std::nullopt;
                        });
                    if (saved.saved)
                        emit message(
                            MessageBar::Kind::Success,
                            tr("Created \"%1\" and saved its credentials file to %2.")
                                .arg(r->server.name, QDir::toNativeSeparators(saved.path)));
                    else
                        emit message(
                            MessageBar::Kind::Warning,
                            tr("Created \"%1\", but its credentials file was not saved and "
                               "can't be retrieved. "
                               "Delete the server and create it again if you need the file.")
                                .arg(r->server.name));
                });
        });
    dialog->open();
}

void ServersPage::rename(const QString &serverId)
{
    const QModelIndex name = m_proxy.indexOf(serverId, ServerModel::Name);
    if (name.isValid())
        ui->table->edit(name);
}

void ServersPage::deleteServer(const QString &serverId)
{
    const Server *s = m_workspace->servers()->find(serverId);
    if (!s)
        return;
    const Server server = *s;
    const bool confirmed = seams::confirm(
        window(), tr("Delete server"), tr("Delete the Connect server \"%1\"?").arg(server.name),
        tr("Delete server"),
        server.activeTokens == 1 ? tr("Its credentials file and its active token stop "
                                      "working at once. This can't be undone.")
                                 : tr("Its credentials file and its %1 active tokens "
                                      "stop working at once. This can't be undone.")
                                       .arg(server.activeTokens));
    if (!confirmed)
        return;
    m_workspace->deleteServer(server.id, this, [this, server](const Result<Server> &r) {
        if (r.ok())
            emit message(MessageBar::Kind::Success,
                         tr("Deleted \"%1\"; its tokens are revoked.").arg(server.name));
        else
            emit message(MessageBar::Kind::Error, r.error().message);
    });
}

void ServersPage::copyIds(const QStringList &ids)
{
    QStringList shown;
    for (const QString &id : ids)
        shown.append(displayId(id, IdKind::Server));
    TableExport::copyLines(shown);
    emit message(MessageBar::Kind::Info, shown.size() == 1
                                             ? tr("Copied the server ID %1.").arg(shown.first())
                                             : tr("Copied %1 server IDs.").arg(shown.size()));
}

void ServersPage::focusFilter()
{
    ui->filterEdit->setFocus();
    ui->filterEdit->selectAll();
}

} // namespace ca
