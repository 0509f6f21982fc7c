// The Activity page, the reverse view (who can reach a vault, what a group administers) and
// the comparison between two moments, driven like a user would against the real account
// service on loopback.
#include "../support/TestSupport.h"
#include "DarkPalette.h"
#include "client/AuditDiff.h"
#include "core/Ids.h"
#include "gui/ActivityCommands.h"
#include "gui/ActivityPage.h"
#include "gui/ColumnWidths.h"
#include "gui/CompareDialog.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/ReachDialog.h"
#include "gui/Seams.h"
#include "gui/ServersPage.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "models/Colors.h"
#include "models/Roles.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

class TestActivity : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    std::unique_ptr<MemoryCredentialStore> m_store;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Http> m_http;
    QTemporaryDir m_files;

    ActivityPage *page() { return m_window->activityPage(); }
    AuditModel *model() { return page()->model(); }

    QString serverId(const QString &name)
    {
        for (const Server &s : m_workspace->servers()->items())
            if (s.name == name)
                return s.id;
        return {};
    }

    // The page shows the events of its filter, all of the first page loaded.
    bool loaded()
    {
        return QTest::qWaitFor([this] { return !model()->isLoading() && model()->rowCount() >= 0; },
                               20000) &&
               QTest::qWaitFor([this] { return !model()->isLoading(); }, 20000);
    }

    void choose(QComboBox *combo, const QString &data)
    {
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    }

    qint64 chainCount()
    {
        return m_http->get(u"/v1/audit/verify"_s).json.value(u"count"_s).toInteger();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
        m_svc = startService();
        m_http = std::make_unique<Http>(m_svc->url);
        m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
        m_store = std::make_unique<MemoryCredentialStore>();
        m_workspace = std::make_unique<Workspace>(m_store.get());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_workspace->session()->signIn(QUrl(m_svc->url), u"owner@sandbox.example"_s,
                                       m_svc->ownerPassword);
        QVERIFY(QTest::qWaitFor([this] { return !m_workspace->lastRefresh().isNull(); }, 20000));
        QVERIFY(QTest::qWaitFor([this] { return !m_workspace->isBusy(); }, 20000));
    }

    void cleanup()
    {
        QCOMPARE(seams::pendingAnswers(), 0);
        m_window.reset();
        m_workspace.reset();
        m_store.reset();
        m_http.reset();
        m_svc.reset();
    }

    // Newest first, 100 at a time: scrolling to the end asks for the next page, no sooner.
    void pagesArriveAsTheTableScrolls()
    {
        const QString id = serverId(u"CI runners"_s);
        for (int i = 0; i < 130; ++i)
            QCOMPARE(m_http
                         ->patch(u"/v1/connect/servers/"_s + id,
                                 {{u"name"_s, u"CI runners %1"_s.arg(i)}})
                         .status,
                     200);
        QVERIFY(action("actionShowActivity")->isEnabled());
        action("actionShowActivity")->trigger();
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Activity);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 100, 20000);
        QVERIFY(loaded());
        QCOMPARE(model()->rowCount(), 100); // not all of the ~200 events
        QVERIFY(!model()->isComplete());
        QCOMPARE(model()->eventAt(0).action, u"server.rename"_s);
        QCOMPARE(model()->eventAt(0).detail.value(u"to"_s).toString(), u"CI runners 129"_s);
        QCOMPARE(model()->index(0, AuditModel::Action).data().toString(), u"Server renamed"_s);
        QCOMPARE(model()->index(0, AuditModel::Changes).data().toString(),
                 u"\"CI runners 128\" → \"CI runners 129\""_s);
        QCOMPARE(model()->index(0, AuditModel::Actor).data().toString(), u"Olivia Owner"_s);
        for (int r = 1; r < model()->rowCount(); ++r)
            QVERIFY(model()->eventAt(r - 1).id > model()->eventAt(r).id);

        // The model tester fetches more itself: it starts once the first page is checked.
        QAbstractItemModelTester tester(model());
        page()->table()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 100, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(model()->isComplete() || model()->rowCount() == 200, 20000);
        for (int r = 1; r < model()->rowCount(); ++r)
            QVERIFY(model()->eventAt(r - 1).id > model()->eventAt(r).id);
    }

    // Each filter goes to the service and every row shown matches it.
    void filtersNarrowTheEvents()
    {
        m_window->showPage(MainWindow::Activity);
        QVERIFY(loaded());
        QTRY_VERIFY(model()->rowCount() > 20);
        const int all = model()->rowCount();

        choose(page()->findChild<QComboBox *>(u"actionFilter"_s), u"token.create"_s);
        QVERIFY(loaded());
        QTRY_VERIFY(model()->rowCount() > 0 && model()->rowCount() < all);
        for (int r = 0; r < model()->rowCount(); ++r)
            QCOMPARE(model()->eventAt(r).action, u"token.create"_s);

        // Free text, typed: applied when typing pauses.
        QTest::keyClicks(page()->findChild<QLineEdit *>(u"filterEdit"_s), u"monitoring"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() == 1, 5000);
        QCOMPARE(model()->eventAt(0).detail.value(u"name"_s).toString(), u"staging monitoring"_s);
        page()->findChild<QLineEdit *>(u"filterEdit"_s)->clear();

        choose(page()->findChild<QComboBox *>(u"actionFilter"_s), QString());
        choose(page()->findChild<QComboBox *>(u"actorFilter"_s), u"owner@sandbox.example"_s);
        QVERIFY(loaded());
        QTRY_VERIFY(model()->rowCount() > 0);
        const QString owner = m_workspace->session()->info().user.id;
        for (int r = 0; r < model()->rowCount(); ++r)
            QCOMPARE(model()->eventAt(r).actorId, owner);

        // A time range in the past shows nothing; today shows today's.
        page()->setRange(ActivityPage::Custom);
        auto *since = page()->findChildren<QDateTimeEdit *>().value(0);
        auto *until = page()->findChildren<QDateTimeEdit *>().value(1);
        QVERIFY(since && until && since->isVisible());
        since->setDateTime(QDateTime(QDate(2020, 1, 1), QTime(0, 0)));
        until->setDateTime(QDateTime(QDate(2020, 2, 1), QTime(0, 0)));
        QTRY_VERIFY_WITH_TIMEOUT(model()->isComplete() && model()->rowCount() == 0, 5000);
        page()->setRange(ActivityPage::Today);
        QVERIFY(!since->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 0, 5000);

        // An object: by kind and name as typed, or picked from the list.
        choose(page()->findChild<QComboBox *>(u"actorFilter"_s), QString());
        auto *object = page()->findChild<QComboBox *>(u"objectFilter"_s);
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        object->setEditText(u"server:Staging cluster"_s);
        const QString staging = displayId(serverId(u"Staging cluster"_s), IdKind::Server);
        QVERIFY(reset.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!model()->isLoading() && model()->rowCount() > 0, 5000);
        for (int r = 0; r < model()->rowCount(); ++r) {
            const AuditEvent &e = model()->eventAt(r);
            QVERIFY2(e.targetId == staging || e.detail.value(u"server"_s).toString() == staging,
                     qPrintable(e.action));
        }
        // A name nobody has: the service's error in the message bar, not a silent empty list.
        object->setEditText(u"server:No such server"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->messageBar()->text().contains(u"No such server"_s),
                                 5000);
        QCOMPARE(model()->rowCount(), 0);
    }

    // The chain line says how far the log is verified, and names the first broken event in
    // the palette's negative tone.
    void chainStatusNamesTheFirstBrokenEvent()
    {
        m_window->showPage(MainWindow::Activity);
        const qint64 count = chainCount();
        QTRY_COMPARE_WITH_TIMEOUT(page()->chainText(),
                                  u"✓ Chain verified through event %1"_s.arg(count), 10000);
        auto *label = page()->findChild<QLabel *>(u"chainLabel"_s);
        QCOMPARE(label->palette().color(QPalette::WindowText),
                 colors::text(colors::Tone::Positive, label->palette(), QPalette::Window));

        {
            auto store = Store::open(m_svc->host->database(), u"activity-tamper"_s);
            QSqlQuery q(QSqlDatabase::database(u"activity-tamper"_s));
            QVERIFY(q.exec(u"UPDATE audit_events SET detail = '{\"name\":\"forged\"}' "
                           "WHERE seq = 7"_s));
        }
        action("actionRefresh")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page()->chainText().contains(u"altered at event 7"_s), 10000);
        QCOMPARE(label->palette().color(QPalette::WindowText),
                 colors::text(colors::Tone::Negative, label->palette(), QPalette::Window));
    }

    // Export writes every event the filter matches (not only those loaded), as CSV or JSON;
    // Cancel leaves no file.
    void exportsWhatTheFilterShowsAndCancels()
    {
        m_window->showPage(MainWindow::Activity);
        QVERIFY(loaded());
        const qint64 count = chainCount();
        const QString csv = m_files.filePath(u"activity.csv"_s);
        seams::setNextSaveFileName(csv);
        page()->findChild<QPushButton *>(u"exportButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->runningExport(), 20000);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first().trimmed(), AuditExport::csvHeader().trimmed().toUtf8());
        QCOMPARE(lines.size() - 2, count); // header and the empty piece after the last CRLF
        QVERIFY(m_window->messageBar()->text().contains(u"Exported %1 events"_s.arg(count)));

        choose(page()->findChild<QComboBox *>(u"actionFilter"_s), u"token"_s);
        QVERIFY(loaded());
        const QString json = m_files.filePath(u"tokens.json"_s);
        seams::setNextSaveFileName(json);
        page()->exportEvents();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->runningExport(), 20000);
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonArray events = QJsonDocument::fromJson(jsonFile.readAll()).array();
        QCOMPARE(events.size(), model()->rowCount());
        QVERIFY(!events.isEmpty());
        for (const QJsonValue &e : events)
            QVERIFY(e[u"action"_s].toString().startsWith(u"token."_s));

        const QString cancelled = m_files.filePath(u"cancelled.csv"_s);
        seams::setNextSaveFileName(cancelled);
        page()->exportEvents();
        QVERIFY(page()->runningExport());
        QProgressDialog *progress = page()->runningExport()->progress();
        QVERIFY(progress && progress->isVisible());
        QPushButton *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), u"Cancel"_s);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!page()->runningExport());
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(m_window->messageBar()->text().contains(u"cancelled"_s));
    }

    // Show activity in the servers' and tokens' context menus opens the page on that object.
    void showActivityFromTheServersAndTokensPages()
    {
        m_window->showPage(MainWindow::Servers);
        const QString id = serverId(u"Staging cluster"_s);
        m_window->serversPage()->select(id);
        QAction *show = m_window->findChild<QAction *>(u"actionShowObjectActivity"_s);
        QVERIFY(m_window->serversPage()->table()->actions().contains(show));
        QTRY_VERIFY(show->isEnabled());
        show->trigger();
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Activity);
        QVERIFY(loaded());
        QTRY_VERIFY(model()->rowCount() > 0);
        const QString shown = displayId(id, IdKind::Server);
        for (int r = 0; r < model()->rowCount(); ++r) {
            const AuditEvent &e = model()->eventAt(r);
            QVERIFY(e.targetId == shown || e.detail.value(u"server"_s).toString() == shown);
        }

        m_window->showPage(MainWindow::Tokens);
        QTableView *tokens = m_window->tokensPage()->table();
        QVERIFY(tokens->actions().contains(show));
        tokens->selectRow(0);
        const QString token = tokens->currentIndex().data(IdRole).toString();
        QTRY_VERIFY(show->isEnabled());
        show->trigger();
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Activity);
        QTRY_VERIFY(!model()->isLoading() && model()->rowCount() > 0);
        QCOMPARE(model()->eventAt(model()->rowCount() - 1).action, u"token.create"_s);
        QCOMPARE(canonicalId(model()->eventAt(0).targetId), token);
    }

    // From the matrix's column header: who can reach the vault; double-click opens the token.
    void whoCanReachAVaultAndOpenItsToken()
    {
        m_window->showPage(MainWindow::VaultAccess);
        VaultAccessModel *access = m_workspace->access();
        int column = -1;
        for (int c = 0; c < access->columnCount(); ++c)
            if (access->vaultName(c) == u"Kubernetes")
                column = c;
        QVERIFY(column >= 0);
        QMenu menu;
        m_window->vaultAccessPage()->fillColumnMenu(&menu, column);
        QAction *reach = nullptr;
        for (QAction *a : menu.actions())
            if (a->text() == u"Who can reach this vault…")
                reach = a;
        QVERIFY(reach);
        reach->trigger();
        ReachDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ReachDialog *>()) && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QTreeWidget *tree = dialog->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *server = tree->topLevelItem(0);
        QCOMPARE(server->text(0), u"Staging cluster"_s);
        QStringList children;
        for (int i = 0; i < server->childCount(); ++i)
            children.append(server->child(i)->text(0) + u'|' + server->child(i)->text(1));
        QVERIFY2(children.contains(u"staging deploy|read and write"_s),
                 qPrintable(children.join(u", ")));
        QVERIFY2(children.contains(u"staging monitoring|read"_s), qPrintable(children.join(u", ")));
        QVERIFY2(children.contains(u"Group Developers|manages this server"_s),
                 qPrintable(children.join(u", ")));
        QVERIFY(dialog->summary().contains(u"1 server"_s));

        QTreeWidgetItem *token = nullptr;
        for (int i = 0; i < server->childCount(); ++i)
            if (server->child(i)->text(0) == u"staging monitoring")
                token = server->child(i);
        QVERIFY(token);
        const QRect rect = tree->visualItemRect(token);
        QVERIFY(rect.isValid());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(m_window->currentPageIndex(), MainWindow::Tokens);
        QTableView *tokens = m_window->tokensPage()->table();
        QTRY_VERIFY(tokens->currentIndex().isValid());
        QCOMPARE(tokens->model()->index(tokens->currentIndex().row(), 0).data().toString(),
                 u"staging monitoring"_s);

        // The server opens on its own page.
        const QRect serverRect = tree->visualItemRect(server);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, serverRect.center());
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, serverRect.center());
        QTRY_COMPARE(m_window->currentPageIndex(), MainWindow::Servers);
        QCOMPARE(m_window->serversPage()->selectedId(), serverId(u"Staging cluster"_s));
    }

    // A group turned round: the servers it administers, their vaults and tokens.
    void whatAGroupAdministers()
    {
        QString developers;
        for (const Group &g : m_workspace->directory()->groups())
            if (g.name == u"Developers")
                developers = g.id;
        QVERIFY(!developers.isEmpty());
        ReachDialog *dialog = m_window->activityCommands()->showGroupReach(developers);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QCOMPARE(dialog->tree()->topLevelItemCount(), 1);
        QTreeWidgetItem *server = dialog->tree()->topLevelItem(0);
        QCOMPARE(server->text(0), u"Staging cluster"_s);
        QStringList children;
        for (int i = 0; i < server->childCount(); ++i)
            children.append(server->child(i)->text(0));
        QVERIFY2(children.contains(u"Vault Kubernetes"_s) && children.contains(u"staging deploy"_s),
                 qPrintable(children.join(u", ")));
        QVERIFY(dialog->summary().contains(u"administers 1 server"_s));
    }

    // A person turned round, through their groups: from an event's actor in the Activity
    // table (the owner: every server, as a member of Owners), and for a developer (what the
    // Developers group manages) and for someone in no group (nothing).
    // The Activity table's columns behave as the other pages' do: fitted to what they show
    // (the action column to every action's label, German ones are long), then the user's,
    // kept for the next start.
    void activityColumnsFitAndAreKept()
    {
        m_window->showPage(MainWindow::Activity);
        QTableView *events = m_window->activityPage()->table();
        QTRY_VERIFY(events->model()->rowCount() > 0);
        QHeaderView *header = events->horizontalHeader();
        const int margins = 2 * (events->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
        for (const QString &label : AuditModel::actionTexts())
            QVERIFY2(header->sectionSize(AuditModel::Action) >=
                         std::min(events->fontMetrics().horizontalAdvance(label) + margins,
                                  ColumnWidths::maximumInitialWidth(events)),
                     qPrintable(label));
        QCOMPARE(header->contextMenuPolicy(), Qt::CustomContextMenu); // show or hide columns
        header->resizeSection(AuditModel::Object, 211);
        const QByteArray saved = QSettings().value(u"columns/activity"_s).toByteArray();
        QHeaderView restored(Qt::Horizontal);
        restored.setModel(events->model());
        QVERIFY(restored.restoreState(saved));
        QCOMPARE(restored.sectionSize(AuditModel::Object), 211);
    }

    void whatAPersonAdministers()
    {
        m_window->showPage(MainWindow::Activity);
        QTableView *events = m_window->activityPage()->table();
        QTRY_VERIFY(events->model()->rowCount() > 0);
        int ownerRow = -1;
        for (int row = 0; row < events->model()->rowCount() && ownerRow < 0; ++row)
            if (!m_window->activityPage()->model()->eventAt(row).actorId.isEmpty())
                ownerRow = row;
        QVERIFY(ownerRow >= 0);
        events->setCurrentIndex(events->model()->index(ownerRow, 0));
        auto *action = events->findChild<QAction *>(u"actionUserReach"_s);
        QVERIFY(action && events->actions().contains(action));
        QCOMPARE(events->contextMenuPolicy(), Qt::ActionsContextMenu);
        action->trigger();
        ReachDialog *dialog = m_window->findChild<ReachDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QCOMPARE(dialog->tree()->topLevelItemCount(), m_workspace->servers()->rowCount());
        QVERIFY2(dialog->summary().startsWith(u"Olivia Owner administers 2 servers ("_s) &&
                     dialog->summary().endsWith(u"vaults in all) through the group \"Owners\"."_s),
                 qPrintable(dialog->summary()));

        QString dana, nina;
        for (const User &u : m_workspace->users()->items()) {
            if (u.email == u"dana@sandbox.example")
                dana = u.id;
            if (u.email == u"nina@sandbox.example")
                nina = u.id;
        }
        QVERIFY(!dana.isEmpty() && !nina.isEmpty());
        m_window->activityCommands()->showUserReach(dana);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QCOMPARE(dialog->tree()->topLevelItemCount(), 1);
        QCOMPARE(dialog->tree()->topLevelItem(0)->text(0), u"Staging cluster"_s);
        QVERIFY2(dialog->summary().contains(u"Dana Developer administers 1 server (2 vaults in "
                                            "all) through the group \"Developers\"."_s),
                 qPrintable(dialog->summary()));
        m_window->activityCommands()->showUserReach(nina);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QCOMPARE(dialog->tree()->topLevelItemCount(), 0);
        QVERIFY2(dialog->summary().contains(u"belongs to no group"_s),
                 qPrintable(dialog->summary()));
        dialog->close();

        // Asked again right after closing — before the event loop runs — the dialog is
        // still there when its answer comes (deleted on close, it vanished mid-load).
        QPointer<ReachDialog> again = m_window->activityCommands()->showUserReach(dana);
        QCOMPARE(again.data(), dialog);
        QTRY_VERIFY_WITH_TIMEOUT(again && !again->isLoading(), 10000);
        QVERIFY(again->isVisible());
        QCOMPARE(again->tree()->topLevelItemCount(), 1);
        again->close();
    }

    // Compare…: cells granted and revoked between two moments in green and red, tokens
    // created, group grants changed; a cell revoked and granted again is no change; CSV.
    void compareTwoMoments()
    {
        // The moment, to the second, after everything the sandbox was made with.
        const QDateTime seeded = QDateTime::fromString(
            m_http->get(u"/v1/audit?limit=1"_s).json[u"items"_s][0][u"at"_s].toString(),
            Qt::ISODateWithMs);
        QVERIFY(seeded.isValid());
        QTRY_VERIFY(QDateTime::currentDateTime() > seeded.addSecs(1));
        QDateTime t0 = QDateTime::currentDateTime();
        t0.setTime(QTime(t0.time().hour(), t0.time().minute(), t0.time().second()));
        const QString staging = serverId(u"Staging cluster"_s);
        const QString ci = serverId(u"CI runners"_s);
        const QString base = u"/v1/connect/servers/%1/vaults/%2"_s;
        QCOMPARE(m_http->put(base.arg(ci, u"Customers"_s)).status, 200);
        QCOMPARE(m_http->del(base.arg(staging, u"Staging"_s)).status, 200);
        QCOMPARE(m_http->del(base.arg(staging, u"Kubernetes"_s)).status, 200);
        QCOMPARE(m_http->put(base.arg(staging, u"Kubernetes"_s)).status, 200);
        QCOMPARE(
            m_http->post(u"/v1/connect/tokens"_s, {{u"name"_s, u"compared"_s}, {u"server"_s, ci}})
                .status,
            201);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/group-grants"_s,
                            {{u"group"_s, u"Developers"_s}, {u"server"_s, ci}})
                     .status,
                 201);
        action("actionRefresh")->trigger();
        QTRY_VERIFY(!m_workspace->isBusy());

        QAction *compareAction = m_window->findChild<QAction *>(u"actionCompare"_s);
        QVERIFY(compareAction && compareAction->isEnabled());
        compareAction->trigger();
        CompareDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CompareDialog *>()) && dialog->isVisible());
        dialog->setRange(t0, QDateTime::currentDateTime().addSecs(5));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"compareButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QTableWidget *table = dialog->table();
        QStringList rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows.append(u"%1|%2|%3"_s.arg(table->item(r, CompareDialog::Change)->text(),
                                          table->item(r, CompareDialog::What)->text(),
                                          table->item(r, CompareDialog::Where)->text()));
        const QString all = rows.join(u"\n");
        QVERIFY2(rows.contains(u"+ Granted|Vault Customers|Server CI runners"_s), qPrintable(all));
        QVERIFY2(rows.contains(u"− Revoked|Vault Staging|Server Staging cluster"_s),
                 qPrintable(all));
        QVERIFY2(!all.contains(u"Kubernetes"_s), qPrintable(all)); // revoked, granted again
        QVERIFY2(rows.contains(u"+ Created|Token compared|Server CI runners"_s), qPrintable(all));
        QVERIFY2(rows.contains(u"+ Granted|Group Developers|Server CI runners"_s), qPrintable(all));
        QCOMPARE(rows.size(), 4);
        // Green and red as staged edits are: the palette's tints, the sign in the text too.
        for (int r = 0; r < table->rowCount(); ++r) {
            const bool added = table->item(r, 0)->text().startsWith(u'+');
            QCOMPARE(table->item(r, 1)->background().color(),
                     colors::tint(added ? colors::Tone::Positive : colors::Tone::Negative,
                                  table->palette()));
        }
        QVERIFY2(dialog->summary().startsWith(u"Cells granted: 1, revoked: 1;"_s),
                 qPrintable(dialog->summary()));

        const QString csv = m_files.filePath(u"changes.csv"_s);
        seams::setNextSaveFileName(csv);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"compareExport"_s), Qt::LeftButton);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text.count(u"\r\n"_s), 5);
        QVERIFY(text.startsWith(u"change,kind,what,where,when,who\r\n"_s));
        QVERIFY(text.contains(u"removed,cell,Vault Staging,Server Staging cluster,"_s));

        // In a dark palette each change reads on its row's tint too (green on dark green was
        // 2.9:1 in the tour).
        dialog->setPalette(test::darkPalette());
        dialog->setRange(t0, QDateTime::currentDateTime().addSecs(5));
        dialog->compare();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QCOMPARE(table->rowCount(), 4);
        for (int r = 0; r < table->rowCount(); ++r) {
            const QTableWidgetItem *change = table->item(r, CompareDialog::Change);
            const double c =
                colors::contrast(change->foreground().color(), change->background().color());
            QVERIFY2(c >= 4.5, qPrintable(u"%1: %2"_s.arg(change->text()).arg(c)));
        }
        dialog->setPalette(QPalette());

        // Before any of it: nothing changed.
        dialog->setRange(QDateTime(QDate(2020, 1, 1), QTime(0, 0)),
                         QDateTime(QDate(2020, 1, 2), QTime(0, 0)));
        dialog->compare();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(dialog->summary().startsWith(u"Nothing changed"_s));
    }

    // The diff itself: net changes per cell, a deleted server loses its cells, batches the
    // log lists only in part are named.
    void diffIsNetPerCell()
    {
        auto event = [](qint64 id, const QString &action, const QString &target,
                        const QJsonObject &detail) {
            AuditEvent e;
            e.id = id;
            e.at = QDateTime(QDate(2026, 11, 1), QTime(9, 0)).addSecs(id);
            e.action = action;
            e.targetId = target;
            e.detail = detail;
            return e;
        };
        const QString s = u"AAAAAAAAAAAAAAAAAAAAAAAAAA"_s, v = u"bbbbbbbbbbbbbbbbbbbbbbbbbb"_s,
                      w = u"cccccccccccccccccccccccccc"_s;
        QList<AuditEvent> oldestFirst = {
            event(1, u"server.create"_s, s, {{u"name"_s, u"X"_s}, {u"vaults"_s, QJsonArray{v}}}),
            event(2, u"vault.grant"_s, s, {{u"vault"_s, w}}),
            event(3, u"vault.revoke"_s, s, {{u"vault"_s, v}}),
            event(4, u"vault.grant"_s, s, {{u"vault"_s, v}}),
            event(5, u"grants.batch"_s, u"9"_s,
                  {{u"applied"_s, 300},
                   {u"first"_s, QJsonArray{QJsonObject{
                                    {u"server"_s, s}, {u"vault"_s, w}, {u"granted"_s, false}}}}}),
        };
        QList<AuditEvent> newestFirst(oldestFirst.crbegin(), oldestFirst.crend());
        AuditDiff d = diffFromEvents(newestFirst, {}, {});
        QStringList cells;
        for (const DiffEntry &e : d.entries)
            if (e.kind == DiffEntry::Kind::Cell)
                cells.append(e.objectId + (e.added ? u"+"_s : u"-"_s));
        QCOMPARE(cells, QStringList{v + u'+'}); // w granted then revoked: no change
        QCOMPARE(d.incomplete.size(), 1);
        QVERIFY(d.incomplete.first().contains(u"300"_s));

        newestFirst.prepend(event(6, u"server.delete"_s, s, {{u"name"_s, u"X"_s}}));
        d = diffFromEvents(newestFirst, {}, {});
        for (const DiffEntry &e : d.entries)
            QVERIFY(e.kind != DiffEntry::Kind::Cell); // created and deleted: no cell remains
    }

private:
    QAction *action(const char *name)
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }
};

QTEST_MAIN(TestActivity)
#include "tst_activity.moc"
