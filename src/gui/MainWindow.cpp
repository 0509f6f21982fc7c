#include "gui/MainWindow.h"

#include "client/AccountSettings.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/MessageBar.h"
#include "gui/Seams.h"
#include "gui/ServersPage.h"
#include "gui/SignInDialog.h"
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
#include <QWidgetAction>

namespace ca {

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_workspace(workspace)
{
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/connect-admin.svg")));
    m_servers = new ServersPage(workspace, ui->pages);
    m_tokens = new TokensPage(workspace, ui->pages);
    m_vaultAccess = new VaultAccessPage(workspace, ui->pages);
    m_groups = new GroupPermissionsPage(workspace, ui->pages);
    for (PageWidget *page :
         std::initializer_list<PageWidget *>{m_servers, m_tokens, m_vaultAccess, m_groups}) {
        ui->pages->addWidget(page);
        connect(page, &PageWidget::actionsChanged, this, &MainWindow::updateActions);
        connect(page, &PageWidget::message, this,
                [this](MessageBar::Kind kind, const QString &text) {
                    ui->messageBar->show(kind, text);
                });
    }
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({190, 1000});
    ui->pageList->setCurrentRow(0);
    connect(ui->pageList, &QListWidget::currentRowChanged, ui->pages,
            &QStackedWidget::setCurrentIndex);
    connect(ui->pages, &QStackedWidget::currentChanged, this, &MainWindow::updateActions);

    // Toolbar: the account on the right.
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    ui->toolBar->addWidget(spacer);
    m_account = new QLabel(this);
    m_account->setContentsMargins(6, 0, 6, 0);
    ui->toolBar->addWidget(m_account);
    ui->toolBar->addAction(ui->actionSignOut);

    // Status bar: connection, last refresh, busy.
    m_connection = new QLabel(this);
    m_refreshed = new QLabel(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_busy->setAccessibleName(tr("Loading or saving"));
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_refreshed);
    setConnection(tr("Not signed in"), false);

    wireActions();
    m_servers->setActions(ui->actionNewServer, ui->actionRename, ui->actionDelete,
                          ui->actionCopyId);
    m_tokens->setActions(ui->actionNewToken, ui->actionDelete, ui->actionRename, ui->actionCopyId);
    m_vaultAccess->setActions(ui->actionUndo, ui->actionRedo, ui->actionApply, ui->actionDiscard,
                              ui->actionReview);

    Session *session = workspace->session();
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
        ui->messageBar->show(
            MessageBar::Kind::Warning,
            tr("Your session has ended. Sign in again to go on; your staged changes are kept."));
        showSignIn(tr("Your session has ended. Sign in again; nothing you staged is lost."));
    });
    connect(session, &Session::notRemembered, this, [this](const QString &reason) {
        ui->messageBar->show(
            MessageBar::Kind::Warning,
            tr("This session will not be remembered after you quit: %1").arg(reason));
    });
    connect(session, &Session::signedOut, this, [this] {
        m_account->clear();
        setConnection(tr("Signed out"), false);
        updateActions();
        showSignIn(tr("You have signed out."));
    });
    connect(workspace->client(), &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (!reachable)
            setConnection(tr("Can't reach %1").arg(m_workspace->session()->url().toDisplayString()),
                          false);
        else if (m_workspace->session()->isSignedIn())
            setConnection(
                tr("Connected to %1").arg(m_workspace->session()->url().toDisplayString()), true);
    });
    connect(workspace, &Workspace::busyChanged, m_busy, &QWidget::setVisible);
    connect(workspace, &Workspace::refreshed, this, [this](const QDateTime &at) {
        m_refreshed->setText(
            tr("Updated %1").arg(QLocale().toString(at.time(), QLocale::ShortFormat)));
        m_refreshed->setToolTip(QLocale().toString(at, QLocale::LongFormat));
        updateActions();
    });
    connect(workspace, &Workspace::loadFailed, this, [this](const ApiError &e) {
        ui->messageBar->show(MessageBar::Kind::Error, e.message, tr("Retry"),
                             [this] { m_workspace->refresh(); });
    });

    connect(&m_sandbox, &SandboxLauncher::ready, this,
            [this](const QString &url, const QString &email, const QString &password) {
                setConnection(tr("Signing in to the local sandbox…"), false);
                m_workspace->session()->signIn(QUrl(url), email, password);
            });
    connect(&m_sandbox, &SandboxLauncher::failed, this, [this](const QString &message) {
        if (m_signIn)
            m_signIn->showError(message);
        ui->messageBar->show(MessageBar::Kind::Error, message, tr("Try again"),
                             [this] { startSandbox(); });
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateActions();
}

MainWindow::~MainWindow() = default;

MessageBar *MainWindow::messageBar() const
{
    return ui->messageBar;
}

SignInDialog *MainWindow::signInDialog() const
{
    return m_signIn;
}

QString MainWindow::connectionText() const
{
    return m_connection->text();
}

void MainWindow::wireActions()
{
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionSignIn, &QAction::triggered, this, [this] { showSignIn({}); });
    connect(ui->actionSignOut, &QAction::triggered, this, [this] {
        if (m_workspace->access()->pendingCount() > 0 &&
            seams::ask(this, QMessageBox::Question, tr("Sign out"),
                       tr("You have %1 staged vault access changes that were not applied.")
                           .arg(m_workspace->access()->pendingCount()),
                       QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel,
                       tr("Signing out discards them.")) != QMessageBox::Discard)
            return;
        m_workspace->access()->load({}, {}, {});
        m_workspace->session()->signOut();
    });
    connect(ui->actionStartSandbox, &QAction::triggered, this, [this] { startSandbox(); });
    connect(ui->actionRefresh, &QAction::triggered, m_workspace, &Workspace::refresh);
    connect(ui->actionShowServers, &QAction::triggered, this, [this] { showPage(Servers); });
    connect(ui->actionShowTokens, &QAction::triggered, this, [this] { showPage(Tokens); });
    connect(ui->actionShowVaultAccess, &QAction::triggered, this,
            [this] { showPage(VaultAccess); });
    connect(ui->actionShowGroups, &QAction::triggered, this,
            [this] { showPage(GroupPermissions); });
    connect(ui->actionNewServer, &QAction::triggered, this, [this] {
        showPage(Servers);
        m_servers->newServer();
    });
    connect(ui->actionNewToken, &QAction::triggered, this, [this] {
        showPage(Tokens);
        m_tokens->newToken();
    });
    connect(ui->actionRename, &QAction::triggered, this, [this] { currentPage()->rename(); });
    connect(ui->actionDelete, &QAction::triggered, this,
            [this] { currentPage()->deleteSelected(); });
    connect(ui->actionCopyId, &QAction::triggered, this, [this] { currentPage()->copyId(); });
    connect(ui->actionFind, &QAction::triggered, this, [this] { currentPage()->focusFilter(); });
    QUndoStack *undo = m_workspace->access()->undoStack();
    connect(ui->actionUndo, &QAction::triggered, undo, &QUndoStack::undo);
    connect(ui->actionRedo, &QAction::triggered, undo, &QUndoStack::redo);
    for (auto signal : {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged})
        connect(undo, signal, this, &MainWindow::updateActions);
    connect(m_workspace->access(), &VaultAccessModel::frozenChanged, this,
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
    connect(ui->actionApply, &QAction::triggered, this, [this] {
        showPage(VaultAccess);
        m_vaultAccess->apply();
    });
    connect(ui->actionDiscard, &QAction::triggered, m_vaultAccess, &VaultAccessPage::discard);
    connect(ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Connect Admin"),
            tr("<h3>Connect Admin %1</h3><p>Administer Connect servers, their access tokens, vault "
               "access and who may manage them.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
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
    m_account->setToolTip(
        tr("Signed in as %1 (%2) to %3")
            .arg(info.user.name, info.user.email, session->url().toDisplayString()));
    setConnection(tr("Connected to %1").arg(session->url().toDisplayString()), true);
    m_groups->updateAccess();
    m_workspace->refresh();
    updateActions();
}

void MainWindow::setConnection(const QString &text, bool ok)
{
    m_connection->setText(text);
    m_connection->setStyleSheet(ok ? QString() : QStringLiteral("color:#8a5a00"));
}

PageWidget *MainWindow::currentPage() const
{
    return qobject_cast<PageWidget *>(ui->pages->currentWidget());
}

void MainWindow::showPage(PageIndex page)
{
    ui->pageList->setCurrentRow(page);
}

MainWindow::PageIndex MainWindow::currentPageIndex() const
{
    return PageIndex(ui->pages->currentIndex());
}

void MainWindow::updateActions()
{
    const bool signedIn = m_workspace->session()->isSignedIn();
    const PageWidget *page = currentPage();
    ui->actionSignOut->setEnabled(signedIn);
    ui->actionRefresh->setEnabled(signedIn);
    ui->actionNewServer->setEnabled(signedIn && m_workspace->canCreateServers());
    ui->actionNewToken->setEnabled(signedIn);
    ui->actionRename->setEnabled(signedIn && page && page->canRename());
    ui->actionDelete->setEnabled(signedIn && page && page->canDelete());
    ui->actionDelete->setText(currentPageIndex() == Tokens ? tr("&Revoke") : tr("&Delete"));
    ui->actionCopyId->setEnabled(page && page->canCopyId());
    const VaultAccessModel *access = m_workspace->access();
    // Undo is about staged vault access edits: live where they are shown.
    QUndoStack *undo = m_workspace->access()->undoStack();
    const bool onMatrix = currentPageIndex() == VaultAccess && !access->isFrozen();
    ui->actionUndo->setEnabled(onMatrix && undo->canUndo());
    ui->actionRedo->setEnabled(onMatrix && undo->canRedo());
    ui->actionApply->setEnabled(signedIn && access->pendingCount() > 0 && !access->isFrozen());
    ui->actionDiscard->setEnabled(access->pendingCount() > 0 && !access->isFrozen());
    ui->actionReview->setEnabled(access->pendingCount() > 0);
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
            m_vaultAccess->apply();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_sandbox.stop();
    event->accept();
}

} // namespace ca
