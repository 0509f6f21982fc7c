// The main window builds only the page it shows first and each other page when it is first
// shown or asked for (issue 15, cold start); what a page not built yet stands behind — the
// sidebar, menus, shortcuts, Show activity, saved column widths, staged edits — still works.
#include "../support/TestSupport.h"
#include "gui/ActivityPage.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/MainWindow.h"
#include "gui/ServersPage.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "models/IdProxyModel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

// Sees the paints of the window's page area, and whether one came while no page was in it.
class PagePaints : public QObject
{
public:
    explicit PagePaints(QStackedWidget *pages)
        : m_pages(pages)
    {
        pages->installEventFilter(this);
    }
    int paints = 0;
    bool paintedEmpty = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_pages && event->type() == QEvent::Paint) {
            ++paints;
            paintedEmpty = paintedEmpty || m_pages->count() == 0;
        }
        return false;
    }

private:
    QStackedWidget *m_pages;
};

class TestLazyPages : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc; // started by the first test that signs in
    std::unique_ptr<MemoryCredentialStore> m_store;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;

    QAction *action(const char *name)
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }

    void openWindow()
    {
        m_store = std::make_unique<MemoryCredentialStore>();
        m_workspace = std::make_unique<Workspace>(m_store.get());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void signIn()
    {
        if (!m_svc)
            m_svc = startService();
        m_workspace->session()->signIn(QUrl(m_svc->url), u"owner@sandbox.example"_s,
                                       m_svc->ownerPassword);
        QVERIFY(QTest::qWaitFor([this] { return !m_workspace->lastRefresh().isNull(); }, 20000));
        QVERIFY(QTest::qWaitFor([this] { return !m_workspace->isBusy(); }, 20000));
        QVERIFY(!m_window->findChild<TokensPage *>());
        QVERIFY(!m_window->findChild<ActivityPage *>());
    }

    void closeWindow()
    {
        m_window.reset();
        m_workspace.reset();
        m_store.reset();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { m_svc.reset(); }
    void init()
    {
        QSettings().clear();
        openWindow();
    }
    void cleanup() { closeWindow(); }

    void onlyTheFirstPageIsBuilt()
    {
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Servers);
        QTRY_VERIFY(m_window->findChild<ServersPage *>()); // after the first frame
        QVERIFY(m_window->serversPage()->isVisible());
        QVERIFY(!m_window->findChild<TokensPage *>());
        QVERIFY(!m_window->findChild<VaultAccessPage *>());
        QVERIFY(!m_window->findChild<GroupPermissionsPage *>());
        QVERIFY(!m_window->findChild<ActivityPage *>());
        QVERIFY(!m_window->isPageBuilt(MainWindow::Tokens));
        // The sidebar still names every page.
        QCOMPARE(m_window->findChild<QListWidget *>(u"pageList"_s)->count(), 5);
    }

    // The first frame is painted before the Servers page is built; the page follows at once,
    // shown and current, with the sidebar on its row all along.
    void theFirstFrameComesBeforeTheServersPage()
    {
        closeWindow();
        m_store = std::make_unique<MemoryCredentialStore>();
        m_workspace = std::make_unique<Workspace>(m_store.get());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        auto *sidebar = m_window->findChild<QListWidget *>(u"pageList"_s);
        QCOMPARE(sidebar->currentRow(), int(MainWindow::Servers));
        QVERIFY(!m_window->isPageBuilt(MainWindow::Servers));
        PagePaints paints(m_window->findChild<QStackedWidget *>(u"pages"_s));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY(m_window->isPageBuilt(MainWindow::Servers));
        QVERIFY(paints.paintedEmpty); // a frame went out before the page was built
        QVERIFY(m_window->serversPage()->isVisible());
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Servers);
        QCOMPARE(sidebar->currentRow(), int(MainWindow::Servers));
        // The page's commands are hooked in as when it was built before the first frame.
        QVERIFY(m_window->serversPage()->table()->actions().contains(action("actionRename")));
    }

    // A page shown before the first frame (from a command) stays; the Servers page is not
    // built behind it.
    void aPageShownBeforeTheFirstFrameStays()
    {
        closeWindow();
        m_store = std::make_unique<MemoryCredentialStore>();
        m_workspace = std::make_unique<Workspace>(m_store.get());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->showPage(MainWindow::Tokens);
        PagePaints paints(m_window->findChild<QStackedWidget *>(u"pages"_s));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY(paints.paints > 0);
        QCoreApplication::processEvents(); // the turn of the event loop after the first paint
        QVERIFY(!paints.paintedEmpty);
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Tokens);
        QVERIFY(m_window->tokensPage()->isVisible());
        QVERIFY(!m_window->isPageBuilt(MainWindow::Servers));
    }

    // Clicking a page in the sidebar builds it, shows it, and its commands are the ones
    // behind the shared actions: Ctrl+F goes to the Tokens page's filter.
    void aPageIsBuiltWhenFirstShownAndItsShortcutsWork()
    {
        auto *pages = m_window->findChild<QListWidget *>(u"pageList"_s);
        pages->setCurrentRow(MainWindow::Tokens);
        auto *tokens = m_window->findChild<TokensPage *>();
        QVERIFY(tokens);
        QVERIFY(tokens->isVisible());
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Tokens);
        QVERIFY(!m_window->findChild<VaultAccessPage *>());

        QAction *find = action("actionFind");
        QVERIFY(find->isEnabled());
        QApplication::setActiveWindow(m_window.get());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        auto *filter = tokens->findChild<QLineEdit *>(u"filterEdit"_s);
        QTRY_VERIFY(filter->hasFocus());
        QCOMPARE(filter->accessibleName(), u"Filter tokens"_s);
        // Delete is the Tokens page's Revoke now, with its own label.
        QVERIFY(action("actionDelete")->text().contains(u"Revoke"_s));

        // Back and forth: the page is built once.
        m_window->showPage(MainWindow::Servers);
        m_window->showPage(MainWindow::Tokens);
        QCOMPARE(m_window->findChildren<TokensPage *>().size(), 1);
    }

    // A menu entry that opens a page not built yet (View → Vault access) builds it, and the
    // accessors the commands use build a page on demand too.
    void menuEntriesAndAccessorsBuildPages()
    {
        action("actionShowVaultAccess")->trigger();
        QCOMPARE(m_window->currentPageIndex(), MainWindow::VaultAccess);
        QVERIFY(m_window->findChild<VaultAccessPage *>());
        QVERIFY(m_window->findChild<VaultAccessPage *>()->isVisible());

        QVERIFY(!m_window->findChild<GroupPermissionsPage *>());
        GroupPermissionsPage *groups = m_window->groupPermissionsPage();
        QVERIFY(groups);
        QCOMPARE(m_window->findChild<GroupPermissionsPage *>(), groups);
        QCOMPARE(m_window->currentPageIndex(), MainWindow::VaultAccess); // not shown by that
        QVERIFY(!groups->isVisible());
        // Its table got copy and export like every table.
        QVERIFY(!groups->table()->actions().isEmpty());
    }

    // The Tokens menu lists the Tokens page's own commands in their place, page built or not.
    void theTokensMenuListsThePageCommands()
    {
        auto *menu = m_window->findChild<QMenu *>(u"menuTokens"_s);
        emit menu->aboutToShow(); // what opening the menu does first
        QVERIFY(m_window->findChild<TokensPage *>());
        const QList<QAction *> entries = menu->actions();
        const qsizetype rotate = entries.indexOf(action("actionRotateTokens"));
        QCOMPARE(entries.indexOf(action("actionNewToken")), 0);
        QCOMPARE(rotate, 1);
        QCOMPARE(entries.indexOf(action("actionCancelRevocation")), 2);
        QVERIFY(entries.indexOf(action("actionExportCalendar")) > rotate);
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Servers);
        QVERIFY(!action("actionRotateTokens")->isEnabled()); // not the current page
    }

    // Column widths chosen on a page come back when the page is built late next time.
    void columnWidthsComeBackOnALatePage()
    {
        m_window->showPage(MainWindow::Tokens);
        QHeaderView *header = m_window->tokensPage()->table()->horizontalHeader();
        header->resizeSection(TokenModel::Name, 333);
        closeWindow();

        openWindow();
        QVERIFY(!m_window->findChild<TokensPage *>());
        m_window->showPage(MainWindow::Tokens);
        QCOMPARE(m_window->tokensPage()->table()->horizontalHeader()->sectionSize(TokenModel::Name),
                 333);
    }

    // ---- against the real service: pages built after the first load

    // A page built after the load shows the rows and Export as CSV acts on it.
    void aLatePageShowsTheLoadedRows()
    {
        signIn();
        m_window->showPage(MainWindow::Tokens);
        QTableView *table = m_window->tokensPage()->table();
        QVERIFY(table->model()->rowCount() > 0);
        QTRY_VERIFY(action("actionExportCsv")->isEnabled());
    }

    // Show activity from the Servers table's context menu builds the Activity page, filtered
    // to that server.
    void showActivityBuildsTheActivityPage()
    {
        signIn();
        m_window->showPage(MainWindow::Servers);
        QVERIFY(!m_window->findChild<ActivityPage *>());
        QTableView *servers = m_window->serversPage()->table();
        // Selected as a click would (ServersPage::select reads the keyboard's modifiers, and
        // QTest leaves Ctrl down after the Ctrl+F test before: it would toggle the row off).
        const auto *proxy = static_cast<const IdProxyModel *>(servers->model());
        servers->selectionModel()->select(
            proxy->indexOf(m_workspace->servers()->items().first().id),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QAction *show = action("actionShowObjectActivity");
        QVERIFY(servers->actions().contains(show));
        QTRY_VERIFY(show->isEnabled());
        show->trigger();
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Activity);
        auto *activity = m_window->findChild<ActivityPage *>();
        QVERIFY(activity);
        QTRY_VERIFY_WITH_TIMEOUT(
            !activity->model()->isLoading() && activity->model()->rowCount() > 0, 20000);
        QVERIFY(!activity->query().object.isEmpty());
    }

    // Edits staged before the Vault access page exists are counted when it is built.
    void stagedEditsShowOnALateVaultAccessPage()
    {
        signIn();
        QVERIFY(!m_window->findChild<VaultAccessPage *>());
        VaultAccessModel *access = m_workspace->access();
        bool staged = false;
        for (int c = 0; c < access->columnCount() && !staged; ++c)
            staged = access->toggle(access->index(0, c));
        QVERIFY(staged);
        QTRY_VERIFY(action("actionApply")->isEnabled());
        action("actionReview")->trigger();
        QCOMPARE(m_window->currentPageIndex(), MainWindow::VaultAccess);
        auto *review = m_window->vaultAccessPage()->findChild<QPushButton *>(u"reviewButton"_s);
        QVERIFY(review->text().contains(u"(1)"_s));
        action("actionDiscard")->trigger();
        QCOMPARE(access->pendingCount(), 0);
    }
};

QTEST_MAIN(TestLazyPages)
#include "tst_lazypages.moc"
