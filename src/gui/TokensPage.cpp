#include "gui/TokensPage.h"

#include "core/Ids.h"
#include "core/NameOrder.h"
#include "gui/ColumnWidths.h"
#include "gui/CommandController.h"
#include "gui/EmptyViewText.h"
#include "gui/NewTokenDialog.h"
#include "gui/PageActions.h"
#include "gui/Preferences.h"
#include "gui/RevealTokenDialog.h"
#include "gui/Seams.h"
#include "gui/TableExport.h"
#include "gui/TokenLifecycleCommands.h"
#include "gui/TokenScopesDelegate.h"
#include "gui/Workspace.h"
#include "ui_TokensPage.h"

#include <QAction>
#include <QCompleter>
#include <QHeaderView>
#include <QLineEdit>
#include <QPointer>

namespace ca {

TokensPage::TokensPage(Workspace *workspace, QWidget *parent)
    : PageWidget(workspace, parent)
    , ui(std::make_unique<Ui::TokensPage>())
    , m_lifecycle(new TokenLifecycleCommands(workspace, this))
{
    ui->setupUi(this);
    fitPlaceholder(ui->filterEdit);
    m_proxy.setSourceModel(workspace->tokens());
    ui->table->setModel(&m_proxy);
    ui->table->setItemDelegateForColumn(TokenModel::Vaults, new TokenScopesDelegate(ui->table));
    ui->table->verticalHeader()->hide();
    ui->table->verticalHeader()->setDefaultSectionSize(ui->table->fontMetrics().height() + 8);
    ui->table->sortByColumn(TokenModel::Expires, Qt::AscendingOrder);
    auto *columns = new ColumnWidths(
        ui->table, QStringLiteral("tokens"),
        {TokenModel::Vaults,
         {{TokenModel::Id, 12}, {TokenModel::Server, 20}},
         {TokenModel::Id},
         {{TokenModel::State,
           {TokenModel::stateText(TokenState::Active), TokenModel::stateText(TokenState::Revoked),
            TokenModel::stateText(TokenState::Expired)}}}});
    connect(workspace, &Workspace::refreshed, columns, &ColumnWidths::fitOnce);
    // Built after a load (the window builds a page when it is first shown): fitted to what
    // is there once the page is laid out.
    if (workspace->lastRefresh().isValid())
        QTimer::singleShot(0, columns, &ColumnWidths::fitOnce);
    // The filter box gets the room; the drop-downs a fixed, modest width (their lists open
    // as wide as their entries), so long server names or German labels don't widen the page.
    ui->topBar->setStretchFactor(ui->filterEdit, 1);
    for (QComboBox *combo : {ui->serverCombo, ui->stateCombo}) {
        combo->setMinimumContentsLength(10);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    makeServerComboSearchable();
    EmptyViewText::forFilteredList(ui->table, workspace, workspace->tokens(),
                                   tr("No tokens yet. Issue one with New token; it is shown "
                                      "once, then kept only as its name, server and vaults."),
                                   tr("No token matches the filters."));
    ui->stateCombo->addItem(tr("All states"), AllStates);
    ui->stateCombo->addItem(tr("Active"), ActiveOnly);
    ui->stateCombo->addItem(tr("Revoked"), RevokedOnly);
    ui->stateCombo->addItem(tr("Expired"), ExpiredOnly);
    ui->stateCombo->addItem(QString(), ExpiringSoon);
    setExpiringDays(preferences::reminderDays());
    // Filtering 100,000 tokens takes tens of milliseconds: wait until typing pauses.
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(150);
    connect(ui->filterEdit, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this,
            [this] { m_proxy.setText(ui->filterEdit->text()); });
    connect(ui->serverCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy.setServer(ui->serverCombo->currentData().toString()); });
    connect(ui->stateCombo, &QComboBox::currentIndexChanged, this, [this] {
        const auto filter = StateFilter(ui->stateCombo->currentData().toInt());
        m_proxy.setStates(filter == ActiveOnly    ? QSet<TokenState>{TokenState::Active}
                          : filter == RevokedOnly ? QSet<TokenState>{TokenState::Revoked}
                          : filter == ExpiredOnly ? QSet<TokenState>{TokenState::Expired}
                                                  : QSet<TokenState>{});
        m_proxy.setExpiresWithinDays(filter == ExpiringSoon ? m_expiringDays : -1);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&m_proxy, signal, this, &TokensPage::updateCount);
    connect(&m_proxy, &QAbstractItemModel::modelReset, this, &TokensPage::updateCount);
    connect(&m_proxy, &QAbstractItemModel::layoutChanged, this, &TokensPage::updateCount);
    connect(ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PageWidget::actionsChanged);
    auto *servers = workspace->servers();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(servers, signal, this, &TokensPage::fillServers);
    connect(servers, &QAbstractItemModel::dataChanged, this, &TokensPage::fillServers);
    fillServers();
    updateCount();
}

TokensPage::~TokensPage() = default;

void TokensPage::addCommands(CommandController &commands, const PageActions &actions)
{
    commands.add(this, actions.rename,
                 Command::forOne([this](const QStringList &ids) { rename(ids.first()); }));
    commands.add(this, actions.remove,
                 Command::forMany([this](const QStringList &ids) {
                     revoke(ids);
                 }).onlyIf([this](const QStringList &ids) {
                       return anyActive(ids);
                   }).labelled(tr("&Revoke")));
    commands.add(this, actions.copyId,
                 Command::forMany([this](const QStringList &ids) { copyIds(ids); }).signedOutToo());
    commands.add(this, actions.find, Command::forNothing([this](const QStringList &) {
                                         focusFilter();
                                     }).signedOutToo());
    ui->newButton->setDefaultAction(actions.newToken);
    ui->revokeButton->setDefaultAction(actions.remove);
    ui->table->addActions({actions.rename, actions.remove, actions.copyId});
    m_lifecycle->addCommands(commands);
    ui->table->addActions(m_lifecycle->actions());
}

QList<QAction *> TokensPage::lifecycleActions() const
{
    return m_lifecycle->actions();
}

QTableView *TokensPage::table() const
{
    return ui->table;
}

void TokensPage::makeServerComboSearchable()
{
    // Hundreds of servers: type any part of a name (any case) and pick from what matches.
    QComboBox *combo = ui->serverCombo;
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->lineEdit()->setPlaceholderText(tr("All servers"));
    combo->lineEdit()->setAccessibleName(tr("Server"));
    QCompleter *completer = combo->completer();
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    // Typed text that names no server goes back to the server shown, not a filter that
    // seems set but isn't.
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [combo] {
        const int exact = combo->findText(combo->currentText(), Qt::MatchFixedString);
        if (exact >= 0 && exact != combo->currentIndex())
            combo->setCurrentIndex(exact);
        else
            combo->setEditText(combo->itemText(combo->currentIndex()));
    });
}

void TokensPage::fillServers()
{
    const QString current = ui->serverCombo->currentData().toString();
    QSignalBlocker block(ui->serverCombo);
    ui->serverCombo->clear();
    ui->serverCombo->addItem(tr("All servers"), QString());
    QList<Server> servers = m_workspace->servers()->items();
    NameOrder::current().sort(servers);
    for (const Server &s : std::as_const(servers))
        ui->serverCombo->addItem(s.name, s.id);
    ui->serverCombo->setCurrentIndex(std::max(0, ui->serverCombo->findData(current)));
    if (ui->serverCombo->currentData().toString() != current)
        m_proxy.setServer(ui->serverCombo->currentData().toString());
}

void TokensPage::updateCount()
{
    ui->countLabel->setText(tr("Showing %1 of %2 tokens")
                                .arg(m_proxy.rowCount())
                                .arg(m_workspace->tokens()->rowCount()));
}

void TokensPage::setServerFilter(const QString &serverId)
{
    ui->serverCombo->setCurrentIndex(std::max(0, ui->serverCombo->findData(serverId)));
}

void TokensPage::setStateFilter(StateFilter filter)
{
    ui->stateCombo->setCurrentIndex(ui->stateCombo->findData(filter));
}

void TokensPage::setExpiringDays(int days)
{
    m_expiringDays = days > 0 ? days : TokenModel::kDueSoonDays; // reminders off: a week
    const int index = ui->stateCombo->findData(ExpiringSoon);
    ui->stateCombo->setItemText(index, m_expiringDays == 1
                                           ? tr("Expiring within a day")
                                           : tr("Expiring within %1 days").arg(m_expiringDays));
    if (ui->stateCombo->currentIndex() == index) // the list shown follows the new days
        m_proxy.setExpiresWithinDays(m_expiringDays);
}

void TokensPage::showExpiringWithin(int days)
{
    setExpiringDays(days);
    // Exactly the tokens the reminder counted: no other filter narrows them.
    setText({});
    ui->serverCombo->setCurrentIndex(0);
    setStateFilter(ExpiringSoon);
}

void TokensPage::setText(const QString &text)
{
    ui->filterEdit->setText(text);
    m_filterDelay.stop();
    m_proxy.setText(text);
}

QStringList TokensPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &row : ui->table->selectionModel()->selectedRows())
        ids.append(m_proxy.id(row));
    return ids;
}

void TokensPage::newToken()
{
    if (m_workspace->servers()->rowCount() == 0) {
        emit message(MessageBar::Kind::Info,
                     tr("Create a Connect server first; tokens belong to a server."));
        return;
    }
    auto *dialog =
        new NewTokenDialog(m_workspace->servers()->items(), m_workspace->directory(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The server the list is filtered to, else the one just created: the likeliest wanted.
    if (!ui->serverCombo->currentData().toString().isEmpty())
        dialog->setServer(ui->serverCombo->currentData().toString());
    else if (!m_workspace->lastCreatedServerId().isEmpty())
        dialog->setServer(m_workspace->lastCreatedServerId());
    connect(
        dialog, &NewTokenDialog::createRequested, this,
        [this, dialog](const NewTokenRequest &request) {
            m_workspace->createToken(
                request, this,
                [this, asked = QPointer<NewTokenDialog>(dialog)](const Result<NewTokenReply> &r) {
                    if (!settle(asked, r))
                        return;
                    auto *reveal =
                        new RevealTokenDialog(r->jwt, r->token, m_workspace->directory(), window());
                    reveal->open();
                    emit message(MessageBar::Kind::Success,
                                 tr("Issued the token \"%1\". Copy it now: it is shown only once.")
                                     .arg(r->token.name));
                });
        });
    dialog->open();
}

void TokensPage::rename(const QString &tokenId)
{
    const QModelIndex name = m_proxy.indexOf(tokenId, TokenModel::Name);
    if (name.isValid())
        ui->table->edit(name);
}

bool TokensPage::anyActive(const QStringList &tokenIds) const
{
    return std::any_of(tokenIds.cbegin(), tokenIds.cend(), [this](const QString &id) {
        const Token *t = m_workspace->tokens()->find(id);
        return t && t->state != TokenState::Revoked;
    });
}

void TokensPage::revoke(const QStringList &tokenIds)
{
    QStringList ids;
    QStringList names;
    for (const QString &id : tokenIds) {
        const Token *t = m_workspace->tokens()->find(id);
        if (t && t->state != TokenState::Revoked) {
            ids.append(id);
            names.append(t->name);
        }
    }
    if (ids.isEmpty())
        return;
    const QString question = ids.size() == 1 ? tr("Revoke the token \"%1\"?").arg(names.first())
                                             : tr("Revoke %1 tokens?").arg(ids.size());
    const QString verb =
        ids.size() == 1 ? tr("Revoke token") : tr("Revoke %1 tokens").arg(ids.size());
    const bool confirmed =
        seams::confirm(window(), tr("Revoke tokens"), question, verb,
                       tr("Whatever uses them loses access at once. Revoked tokens stay listed. "
                          "This can't be undone.\n\n%1")
                           .arg(names.join(u'\n')));
    if (!confirmed)
        return;
    m_workspace->revokeTokens(ids, this, [this](int revoked, const QList<ApiError> &errors) {
        if (errors.isEmpty())
            emit message(MessageBar::Kind::Success, revoked == 1
                                                        ? tr("Revoked 1 token.")
                                                        : tr("Revoked %1 tokens.").arg(revoked));
        else
            emit message(MessageBar::Kind::Error,
                         tr("Revoked %1 tokens; %2 could not be revoked: %3")
                             .arg(revoked)
                             .arg(errors.size())
                             .arg(errors.first().message));
        emit actionsChanged();
    });
}

void TokensPage::copyIds(const QStringList &tokenIds)
{
    QStringList shown;
    for (const QString &id : tokenIds)
        shown.append(displayId(id, IdKind::Token));
    TableExport::copyLines(shown);
    emit message(MessageBar::Kind::Info, shown.size() == 1
                                             ? tr("Copied the token ID %1.").arg(shown.first())
                                             : tr("Copied %1 token IDs.").arg(shown.size()));
}

void TokensPage::focusFilter()
{
    ui->filterEdit->setFocus();
    ui->filterEdit->selectAll();
}

} // namespace ca
