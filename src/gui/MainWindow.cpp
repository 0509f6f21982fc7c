#include "gui/MainWindow.h"

#include "client/AccountSettings.h"
#include "gui/ActivityCommands.h"
#include "gui/ActivityPage.h"
#include "gui/ClipboardGuard.h"
#include "gui/ConfigFileCommands.h"
#include "gui/CredentialsCommands.h"
#include "gui/ExpiryReminder.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/HandbookDialog.h"
#include "gui/MessageBar.h"
#include "gui/PageActions.h"
#include "gui/Preferences.h"
#include "gui/Seams.h"
#include "gui/ServersPage.h"
#include "gui/ShortcutsDialog.h"
#include "gui/SignInDialog.h"
#include "gui/TableExport.h"
#include "gui/Theme.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QWidgetAction>
#include <algorithm>

namespace ca {

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_workspace(workspace)
    , m_commands([workspace] { return workspace->session()->isSignedIn(); })
{
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/connect-admin.svg")));
    setIcons();
    addPageList();
    setUpBars();
    addCommands();
    followUndoStack();
    followSession();
    followWorkspace();
    followSandbox();
    buildFirstPageAfterFirstFrame();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateActions();
}

MainWindow::~MainWindow() = default;

MessageBar *MainWindow::messageBar() const
{
    return m_messages;
}

SignInDialog *MainWindow::signInDialog() const
{
    return m_signIn;
}

QString MainWindow::connectionText() const
{
    return m_connection->text();
}

QString MainWindow::refreshedText() const
{
    return m_refreshed->text();
}

void MainWindow::setIcons()
{
    // Drawn in the palette's colours (see Theme), so they show on dark palettes too.
    const std::pair<QAction *, const char *> icons[] = {
        {ui->actionSignOut, "sign-out"},  {ui->actionStartSandbox, "sandbox"},
        {ui->actionUndo, "undo"},         {ui->actionRedo, "redo"},
        {ui->actionRename, "rename"},     {ui->actionDelete, "delete"},
        {ui->actionCopyId, "copy"},       {ui->actionShowServers, "servers"},
        {ui->actionShowTokens, "tokens"}, {ui->actionShowVaultAccess, "vault-access"},
        {ui->actionShowGroups, "groups"}, {ui->actionShowActivity, "activity"},
        {ui->actionRefresh, "refresh"},   {ui->actionNewServer, "add"},
        {ui->actionNewToken, "tokens"},   {ui->actionApply, "apply"},
        {ui->actionDiscard, "discard"},   {ui->actionReview, "review"}};
    for (const auto &[action, name] : icons)
        action->setIcon(theme::icon(QLatin1String(name)));
    const char *pages[] = {"servers", "tokens", "vault-access", "groups", "activity"};
    for (int row = 0; row < ui->pageList->count(); ++row)
        ui->pageList->item(row)->setIcon(theme::icon(QLatin1String(pages[row])));
}

void MainWindow::addPageList()
{
    // The sidebar as wide as its longest page name (German ones are long), no wider.
    const int sidebar = ui->pageList->sizeHintForColumn(0) + 2 * ui->pageList->frameWidth() +
                        ui->pageList->spacing() * 2 + 4;
    ui->pageList->setMinimumWidth(sidebar); // a wide page takes its room from elsewhere
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({sidebar, 1000});
    // Pages are built when first shown: building all five with their tables took two thirds
    // of a cold start, for pages most starts never show.
    connect(ui->pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            ui->pages->setCurrentWidget(page(PageIndex(row)));
    });
    connect(ui->pages, &QStackedWidget::currentChanged, this,
            [this] { m_commands.setPage(currentPage()); });
}

// The first frame shows the window's frame — menus, toolbar, sidebar, status bar — without
// the Servers page: building that page (its table, detail pane and column settings) kept the
// window off the screen for a tenth of a cold start (124 → 111 ms to its map). It is built as
// soon as that frame is painted, unless a page was shown before (a command, a test); the
// sidebar names it as current from the start.
void MainWindow::buildFirstPageAfterFirstFrame()
{
    const QSignalBlocker quiet(ui->pageList); // selecting the row would build the page
    ui->pageList->setCurrentRow(Servers);
    ui->pages->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == ui->pages && event->type() == QEvent::Paint) {
        ui->pages->removeEventFilter(this);
        // After the paint: the frame is flushed to the screen before the page is built.
        QTimer::singleShot(0, this, [this] {
            if (ui->pages->count() == 0)
                showPage(sidebarPage());
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

PageWidget *MainWindow::page(PageIndex index)
{
    if (m_pages[index])
        return m_pages[index];
    // The first page in the stack becomes the current one: before the first frame, a page
    // asked for but not shown (the Tokens menu's) comes after the page the sidebar names.
    if (const PageIndex named = sidebarPage(); ui->pages->count() == 0 && index != named)
        buildPage(named);
    return buildPage(index);
}

MainWindow::PageIndex MainWindow::sidebarPage() const
{
    return PageIndex(std::max(0, ui->pageList->currentRow()));
}

ServersPage *MainWindow::serversPage()
{
    return static_cast<ServersPage *>(page(Servers));
}

TokensPage *MainWindow::tokensPage()
{
    return static_cast<TokensPage *>(page(Tokens));
}

VaultAccessPage *MainWindow::vaultAccessPage()
{
    return static_cast<VaultAccessPage *>(page(VaultAccess));
}

GroupPermissionsPage *MainWindow::groupPermissionsPage()
{
    return static_cast<GroupPermissionsPage *>(page(GroupPermissions));
}

ActivityPage *MainWindow::activityPage()
{
    return static_cast<ActivityPage *>(page(Activity));
}

template <typename Page>
Page *MainWindow::builtPage(PageIndex index) const
{
    return static_cast<Page *>(m_pages[index]);
}

PageWidget *MainWindow::buildPage(PageIndex index)
{
    PageWidget *built = nullptr;
    switch (index) {
    case Servers:
        built = new ServersPage(m_workspace, ui->pages);
        break;
    case Tokens:
        built = new TokensPage(m_workspace, ui->pages);
        break;
    case VaultAccess:
        built = new VaultAccessPage(m_workspace, ui->pages);
        break;
    case GroupPermissions:
        built = new GroupPermissionsPage(m_workspace, ui->pages);
        break;
    case Activity:
        built = new ActivityPage(m_workspace, ui->pages);
        break;
    }
    m_pages[index] = built;
    ui->pages->addWidget(built); // the first one added becomes the current page
    hookPage(index, built);
    return built;
}

void MainWindow::hookPage(PageIndex index, PageWidget *page)
{
    connect(page, &PageWidget::actionsChanged, this, &MainWindow::updateActions);
    connect(page, &PageWidget::message, this, [this](MessageBar::Kind kind, const QString &text) {
        m_messages->showMessage(kind, text);
    });
    // Copy and export on every table, one implementation (TableExport); the Activity page's
    // own Export… writes every matching event, not only those loaded.
    if (index != Activity) {
        const QString files[] = {tr("servers"), tr("tokens"), tr("vault-access"),
                                 tr("group-permissions")};
        const QString rowTitles[] = {QString(), QString(), tr("Server"), tr("Group")};
        TableExport *exporter =
            TableExport::install(tableOf(index), files[index], rowTitles[index]);
        connect(exporter, &TableExport::message, this,
                [this](MessageBar::Kind kind, const QString &text) {
                    m_messages->showMessage(kind, text);
                });
    }
    page->addCommands(m_commands, m_shared);
    m_activityCommands->addTo(index);
    if (index == Servers)
        m_credentialsCommands->addTo(m_commands, static_cast<ServersPage *>(page));
    if (index == Tokens) {
        // Rotate… and Cancel scheduled revocation right after New token, as always.
        const QList<QAction *> menu = ui->menuTokens->actions();
        const qsizetype after = menu.indexOf(ui->actionNewToken) + 1;
        ui->menuTokens->insertActions(after < menu.size() ? menu.at(after) : nullptr,
                                      static_cast<TokensPage *>(page)->lifecycleActions());
    }
    updateActions();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitToolBar();
}

// Labels beside the icons where the window has room for them. Where it hasn't (German at
// 1024 pixels put "Abmelden" behind the toolbar's "»"), buttons show their icons alone, the
// ones whose icons say most first; the names stay in the tooltips and the menus.
void MainWindow::fitToolBar()
{
    QList<QAction *> iconsOnly;
    const QList<QAction *> levels[] = {
        {},
        {ui->actionUndo, ui->actionRedo},
        {ui->actionSignOut}, // beside the account's name: its icon says enough
        {ui->actionNewServer, ui->actionNewToken},
        ui->toolBar->actions(), // Apply and Refresh keep their labels longest
    };
    for (const QList<QAction *> &level : levels) {
        iconsOnly += level;
        for (QAction *action : ui->toolBar->actions()) {
            if (auto *button = qobject_cast<QToolButton *>(ui->toolBar->widgetForAction(action)))
                button->setToolButtonStyle(iconsOnly.contains(action)
                                               ? Qt::ToolButtonIconOnly
                                               : Qt::ToolButtonTextBesideIcon);
        }
        ui->toolBar->layout()->invalidate();
        if (ui->toolBar->sizeHint().width() <= ui->toolBar->width())
            return;
    }
}

void MainWindow::setUpBars()
{
    // Toolbar: the account on the right.
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    ui->toolBar->addWidget(spacer);
    m_account = new QLabel(this);
    m_account->setContentsMargins(6, 0, 6, 0);
    ui->toolBar->addWidget(m_account);
    ui->toolBar->addAction(ui->actionSignOut);

    // Status bar: messages in a slot of their own, then busy, connection, last refresh.
    m_messages = new MessageBar(this);
    m_connection = new QLabel(this);
    m_refreshed = new QLabel(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_busy->setAccessibleName(tr("Loading or saving"));
    statusBar()->setSizeGripEnabled(false);
    statusBar()->addWidget(m_messages, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_refreshed);
    setConnection(tr("Not signed in"), false);
}

void MainWindow::addCommands()
{
    // The window's own commands; the pages add theirs behind the shared actions.
    using Ids = const QStringList &;
    auto local = [](Command::Run run) {
        return Command::forNothing(std::move(run)).signedOutToo();
    };
    m_commands.add(ui->actionQuit, local([this](Ids) { close(); }));
    m_commands.add(ui->actionSignIn, local([this](Ids) { showSignIn({}); }));
    m_commands.add(ui->actionSignOut, Command::forNothing([this](Ids) { signOut(); }));
    m_commands.add(ui->actionStartSandbox, local([this](Ids) { startSandbox(); }));
    m_commands.add(ui->actionRefresh, Command::forNothing([this](Ids) { m_workspace->refresh(); }));
    m_commands.add(ui->actionAbout, local([this](Ids) { about(); }));
    m_commands.add(ui->actionAboutQt, local([this](Ids) { QMessageBox::aboutQt(this); }));
    m_commands.add(ui->actionShortcuts, local([this](Ids) {
                       auto *dialog = new ShortcutsDialog(this, this);
                       dialog->setAttribute(Qt::WA_DeleteOnClose);
                       dialog->open();
                   }));
    m_commands.add(ui->actionHandbook, local([this](Ids) {
                       auto *dialog = new HandbookDialog(this);
                       dialog->setAttribute(Qt::WA_DeleteOnClose);
                       dialog->open();
                   }));
    m_commands.add(ui->actionExportCsv, local([this](Ids) {
                                            TableExport::of(currentTable())->exportCsv();
                                        }).onlyIf([this](Ids) {
        const QTableView *table = currentTable();
        return table && table->isVisible() && TableExport::of(table) &&
               table->model()->rowCount() > 0;
    }));
    const std::pair<QAction *, PageIndex> pages[] = {{ui->actionShowServers, Servers},
                                                     {ui->actionShowTokens, Tokens},
                                                     {ui->actionShowVaultAccess, VaultAccess},
                                                     {ui->actionShowGroups, GroupPermissions},
                                                     {ui->actionShowActivity, Activity}};
    for (const auto &[action, page] : pages)
        m_commands.add(action, local([this, page = page](Ids) { showPage(page); }));

    m_commands.add(ui->actionNewServer,
                   Command::forNothing([this](Ids) {
                       showPage(Servers);
                       serversPage()->newServer();
                   }).onlyIf([this](Ids) { return m_workspace->canCreateServers(); }));
    m_commands.add(ui->actionNewToken, Command::forNothing([this](Ids) {
                       showPage(Tokens);
                       tokensPage()->newToken();
                   }));

    // Staged vault access edits can be applied, discarded and reviewed from any page.
    const VaultAccessModel *access = m_workspace->access();
    auto staged = [access](Ids) { return access->pendingCount() > 0 && !access->isFrozen(); };
    m_commands.add(ui->actionApply, Command::forNothing([this](Ids) {
                                        showPage(VaultAccess);
                                        vaultAccessPage()->apply();
                                    }).onlyIf(staged));
    m_commands.add(ui->actionDiscard,
                   local([this](Ids) { vaultAccessPage()->discard(); }).onlyIf(staged));
    m_commands.add(ui->actionReview,
                   local([this](Ids) {
                       showPage(VaultAccess);
                       vaultAccessPage()->toggleReview();
                   }).onlyIf([access](Ids) { return access->pendingCount() > 0; }));

    // The pages put their commands behind these as they are built (hookPage).
    m_shared = {ui->actionNewServer, ui->actionNewToken, ui->actionRename, ui->actionDelete,
                ui->actionCopyId,    ui->actionFind,     ui->actionUndo,   ui->actionRedo,
                ui->actionApply,     ui->actionDiscard,  ui->actionReview};
    m_activityCommands = new ActivityCommands(m_workspace, this);
    m_activityCommands->install(m_commands, menuBar(), ui->menuHelp);
    m_credentialsCommands = new CredentialsCommands(m_workspace, this, m_messages);
    m_credentialsCommands->install(m_commands, ui->menuFile, ui->menuServers, ui->menuTokens);
    // The Tokens menu lists the Tokens page's own commands: opening it builds the page.
    connect(ui->menuTokens, &QMenu::aboutToShow, this, [this] { tokensPage(); });
    m_configFileCommands = new ConfigFileCommands(m_workspace, this, m_messages, [this] {
        showPage(VaultAccess);
        vaultAccessPage()->setReviewVisible(true);
    });
    m_configFileCommands->install(m_commands, ui->menuFile);
    addPreferences();
    m_commands.setPage(currentPage());
}

void MainWindow::addPreferences()
{
    auto *reminder = new ExpiryReminder(
        m_workspace, m_messages,
        [this](int days) {
            showPage(Tokens);
            tokensPage()->showExpiringWithin(days);
            raise(); // from the desktop notification
            activateWindow();
        },
        this);
    auto *preferences = new QAction(tr("&Preferences…"), this);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    preferences->setMenuRole(QAction::PreferencesRole);
    ui->menuEdit->addSeparator();
    ui->menuEdit->addAction(preferences);
    m_commands.add(preferences, Command::forNothing([this, reminder](const QStringList &) {
                                    auto *dialog = new PreferencesDialog(this);
                                    dialog->setAttribute(Qt::WA_DeleteOnClose);
                                    connect(dialog, &QDialog::accepted, this, [this, reminder] {
                                        // A page built later reads them itself.
                                        if (auto *tokens = builtPage<TokensPage>(Tokens))
                                            tokens->setExpiringDays(preferences::reminderDays());
                                        reminder->remindNow(); // the new days count at once
                                    });
                                    dialog->open();
                                }).signedOutToo());
}

void MainWindow::followUndoStack()
{
    QUndoStack *undo = m_workspace->access()->undoStack();
    for (auto signal : {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged})
        connect(undo, signal, this, &MainWindow::updateActions);
    connect(m_workspace->access(), &VaultAccessModel::frozenChanged, this,
            &MainWindow::updateActions);
    connect(m_workspace->access(), &VaultAccessModel::pendingChanged, this,
            &MainWindow::updateActions);
    // The toolbar keeps short labels; the menu names what will be undone.
    ui->actionUndo->setIconText(tr("Undo"));
    ui->actionRedo->setIconText(tr("Redo"));
    connect(undo, &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        ui->actionUndo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(undo, &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        ui->actionRedo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
}

void MainWindow::followSession()
{
    Session *session = m_workspace->session();
    connect(session, &Session::signedIn, this, &MainWindow::onSignedIn);
    connect(session, &Session::signInNeeded, this, &MainWindow::showSignIn);
    connect(session, &Session::signInFailed, this, [this](const ApiError &e) {
        if (m_signIn)
            m_signIn->showError(e.message);
        else
            showSignIn(e.message);
    });
    connect(session, &Session::expired, this, [this](const ApiError &) {
        setConnection(tr("Session expired"), false);
        m_messages->showMessage(
            MessageBar::Kind::Warning,
            tr("Your session has ended. Sign in again to go on; your staged changes are kept."));
        showSignIn(tr("Your session has ended. Sign in again; nothing you staged is lost."));
    });
    connect(session, &Session::notRemembered, this, [this](const QString &reason) {
        m_messages->showMessage(
            MessageBar::Kind::Warning,
            tr("This session will not be remembered after you quit: %1").arg(reason));
    });
    connect(session, &Session::signedOut, this, [this] {
        m_account->clear();
        setConnection(tr("Signed out"), false);
        updateActions();
        showSignIn(tr("You have signed out."));
    });
}

void MainWindow::followWorkspace()
{
    connect(m_workspace->client(), &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        const QString url = m_workspace->session()->url().toDisplayString();
        if (!reachable)
            setConnection(tr("Can't reach %1").arg(url), false);
        else if (m_workspace->session()->isSignedIn())
            setConnection(tr("Connected to %1").arg(url), true);
    });
    connect(m_workspace, &Workspace::busyChanged, m_busy, &QWidget::setVisible);
    connect(m_workspace, &Workspace::refreshed, this, [this](const QDateTime &at) {
        m_refreshed->setText(
            tr("Updated %1").arg(QLocale().toString(at.time(), QLocale::ShortFormat)));
        m_refreshed->setToolTip(QLocale().toString(at, QLocale::LongFormat));
        updateActions();
    });
    connect(m_workspace, &Workspace::loadFailed, this, [this](const ApiError &e) {
        m_messages->showMessage(MessageBar::Kind::Error, e.message, tr("Retry"),
                                [this] { m_workspace->refresh(); });
    });
}

void MainWindow::followSandbox()
{
    connect(&m_sandbox, &SandboxLauncher::ready, this,
            [this](const QString &url, const QString &email, const QString &password) {
                setConnection(tr("Signing in to the local sandbox…"), false);
                m_workspace->session()->signIn(QUrl(url), email, password);
            });
    connect(&m_sandbox, &SandboxLauncher::failed, this, [this](const QString &message) {
        if (m_signIn)
            m_signIn->showError(message);
        m_messages->showMessage(MessageBar::Kind::Error, message, tr("Try again"),
                                [this] { startSandbox(); });
    });
}

void MainWindow::signOut()
{
    const int pending = m_workspace->access()->pendingCount();
    if (pending > 0 &&
        seams::ask(
            this, QMessageBox::Question, tr("Sign out"),
            tr("You have %1 staged vault access changes that were not applied.").arg(pending),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel,
            tr("Signing out discards them.")) != QMessageBox::Discard)
        return;
    m_workspace->access()->load({}, {}, {});
    m_workspace->session()->signOut();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Connect Admin"),
        tr("<h3>Connect Admin %1</h3><p>Administer Connect servers, their access tokens, vault "
           "access and who may manage them.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::start(const StartOptions &options)
{
    m_sandboxDir = options.sandboxDir;
    if (options.sandbox) {
        startSandbox(options.sandboxDir);
        return;
    }
    const AccountRef last = AccountSettings::lastAccount();
    if (options.url.isValid() && !options.url.isEmpty()) {
        const QString email = AccountSettings::emailFor(options.url);
        if (email.isEmpty()) {
            showSignIn(tr("Sign in to %1.").arg(options.url.toDisplayString()));
            m_signIn->setAccount(options.url.toString(), {});
        } else {
            setConnection(tr("Connecting to %1…").arg(options.url.toDisplayString()), false);
            m_workspace->session()->restore(options.url, email);
        }
        return;
    }
    if (last.isValid()) {
        setConnection(tr("Connecting to %1…").arg(last.url.toDisplayString()), false);
        m_workspace->session()->restore(last.url, last.email);
        return;
    }
    showSignIn(tr(
        "Sign in to the account service that holds your Connect servers, or try a local sandbox."));
}

void MainWindow::startSandbox(const QString &dataFolder)
{
    const QString folder = !dataFolder.isEmpty()     ? dataFolder
                           : !m_sandboxDir.isEmpty() ? m_sandboxDir
                                                     : SandboxLauncher::defaultDataFolder();
    setConnection(tr("Starting the local sandbox…"), false);
    m_sandbox.start(folder);
}

void MainWindow::showSignIn(const QString &reason)
{
    if (!m_signIn) {
        m_signIn = new SignInDialog(this);
        m_signIn->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_signIn, &SignInDialog::signInRequested, this,
                [this](const QString &url, const QString &email, const QString &password) {
                    setConnection(tr("Signing in to %1…").arg(url), false);
                    m_workspace->session()->signIn(QUrl(url), email, password);
                });
        connect(m_signIn, &SignInDialog::sandboxRequested, this, [this] { startSandbox(); });
    }
    const Session *session = m_workspace->session();
    const AccountRef last = AccountSettings::lastAccount();
    const QString url = session->url().isEmpty() ? last.url.toString() : session->url().toString();
    const QString email = session->email().isEmpty() ? last.email : session->email();
    m_signIn->setAccount(url, email);
    if (!reason.isEmpty())
        m_signIn->setReason(reason);
    m_signIn->setWorking(false);
    m_signIn->open();
}

void MainWindow::onSignedIn(const SessionInfo &info)
{
    if (m_signIn)
        m_signIn->accept();
    const Session *session = m_workspace->session();
    AccountSettings::setLastAccount({session->url(), session->email()});
    m_account->setText(tr("%1 at %2").arg(info.user.email, session->url().host()));
    fitToolBar();
    m_account->setToolTip(
        tr("Signed in as %1 (%2) to %3")
            .arg(info.user.name, info.user.email, session->url().toDisplayString()));
    setConnection(tr("Connected to %1").arg(session->url().toDisplayString()), true);
    if (auto *groups = builtPage<GroupPermissionsPage>(GroupPermissions))
        groups->updateAccess(); // one built later asks itself
    m_workspace->refresh();
    updateActions();
}

void MainWindow::setConnection(const QString &text, bool ok)
{
    m_connection->setText(text);
    theme::setTextTone(m_connection,
                       ok ? std::nullopt : std::optional<colors::Tone>(colors::Tone::Neutral));
}

QTableView *MainWindow::tableOf(PageIndex index) const
{
    return m_pages[index] ? m_pages[index]->table() : nullptr;
}

QTableView *MainWindow::currentTable() const
{
    return tableOf(currentPageIndex());
}

PageWidget *MainWindow::currentPage() const
{
    return qobject_cast<PageWidget *>(ui->pages->currentWidget());
}

void MainWindow::showActivity(const QString &object)
{
    activityPage()->showObject(object); // the filter first: showing the page loads it once
    showPage(Activity);
}

void MainWindow::showPage(PageIndex index)
{
    ui->pageList->setCurrentRow(index);
    ui->pages->setCurrentWidget(page(index)); // shown already unless the row was current
}

MainWindow::PageIndex MainWindow::currentPageIndex() const
{
    // The stack holds the pages in the order they were built.
    const auto shown = std::find(m_pages.begin(), m_pages.end(), ui->pages->currentWidget());
    return shown == m_pages.end() ? Servers : PageIndex(shown - m_pages.begin());
}

void MainWindow::updateActions()
{
    m_commands.update();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int pending = m_workspace->access()->pendingCount();
    if (pending > 0) {
        const auto answer = seams::ask(
            this, QMessageBox::Question, tr("Quit Connect Admin"),
            tr("You have %1 staged vault access changes that were not applied.").arg(pending),
            QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel,
            tr("Apply them, or discard them and quit?"));
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Apply) {
            event->ignore();
            showPage(VaultAccess);
            vaultAccessPage()->apply();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_sandbox.stop();
    ClipboardGuard::instance()->clearNow(); // closing the window quits
    event->accept();
}

} // namespace ca
