// The desktop program's widgets driven like a user would (keys, clicks, dialogs through
// their seams) against the real account service on loopback.
#include "../support/TestSupport.h"
#include "core/Ids.h"
#include "gui/ClipboardGuard.h"
#include "gui/ColumnWidths.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/NewServerDialog.h"
#include "gui/NewTokenDialog.h"
#include "gui/RevealTokenDialog.h"
#include "gui/Seams.h"
#include "gui/ServersPage.h"
#include "gui/SignInDialog.h"
#include "gui/TokenScopesDelegate.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "service/Crypto.h"

#include <QAction>
#include <QBrush>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <cstdlib>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

namespace {

QJsonObject claimsOf(const QString &jwt)
{
    return QJsonDocument::fromJson(*crypto::fromBase64Url(jwt.section(u'.', 1, 1).toLatin1()))
        .object();
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    std::unique_ptr<MemoryCredentialStore> m_store;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Http> m_http; // the service seen from outside the program
    QTemporaryDir m_files;

    QAction *action(const char *name)
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }

    QString vaultId(const QString &name)
    {
        for (const Vault &v : m_workspace->directory()->vaults())
            if (v.name == name)
                return v.id;
        return {};
    }

    QString serverId(const QString &name)
    {
        for (const Server &s : m_workspace->servers()->items())
            if (s.name == name)
                return s.id;
        return {};
    }

    bool settled()
    {
        return QTest::qWaitFor([this] { return !m_workspace->isBusy(); }, 20000);
    }

    // Types into the in-place editor of a table cell and commits with Enter.
    void editInPlace(QTableView *table, const QString &text)
    {
        QLineEdit *editor = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (editor = table->viewport()->findChild<QLineEdit *>()) != nullptr; },
            5000));
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A locale whose collation differs from code points (Ä sorts with A), so that a list
        // sorted without it shows.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    }

    void init()
    {
        QSettings().clear(); // no widths, folders or accounts from an earlier test
        m_svc = startService();
        m_http = std::make_unique<Http>(m_svc->url);
        m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
        m_store = std::make_unique<MemoryCredentialStore>();
        m_workspace = std::make_unique<Workspace>(m_store.get());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // Sign in through the dialog, as a user would.
        m_window->start({});
        SignInDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->signInDialog()) && dialog->isVisible(); }, 5000));
        dialog->findChild<QLineEdit *>(u"urlEdit"_s)->setText(m_svc->url);
        dialog->findChild<QLineEdit *>(u"emailEdit"_s)->setText(u"owner@sandbox.example"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), m_svc->ownerPassword);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return m_workspace->session()->isSignedIn(); }, 20000));
        QVERIFY(QTest::qWaitFor([this] { return !m_workspace->lastRefresh().isNull(); }, 20000));
        QVERIFY(settled());
        QVERIFY(m_window->connectionText().contains(m_svc->url));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        QCOMPARE(seams::pendingAnswers(), 0); // every queued answer was asked for
        m_window.reset();
        m_workspace.reset();
        m_store.reset();
        m_http.reset();
        m_svc.reset();
    }

    void createServerAndSaveCredentials()
    {
        action("actionNewServer")->trigger();
        NewServerDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<NewServerDialog *>()) != nullptr; }, 5000));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Dev"_s);
        auto *list = dialog->findChild<QListWidget *>(u"vaultList"_s);
        int checked = 0;
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem *item = list->item(i);
            const bool wanted = item->text() == u"Kubernetes" || item->text() == u"Customers";
            if (wanted) {
                QVERIFY(item->flags() & Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Checked);
                ++checked;
            }
            if (item->text().startsWith(u"Shared"_s)) // can't be granted: disabled, says why
                QVERIFY(!(item->flags() & Qt::ItemIsEnabled) &&
                        item->toolTip().contains(u"the Shared vault can't be granted"_s) &&
                        !item->toolTip().contains(u"EVERYONE"_s));
        }
        QCOMPARE(checked, 2);
        // Once sent, the dialog can't be cancelled: the service's answer carries the file.
        dialog->setWorking(true);
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()
                     ->button(QDialogButtonBox::Cancel)
                     ->isEnabled());
        dialog->reject();
        QVERIFY(dialog->isVisible());
        dialog->setWorking(false);
        // The save dialog opens at once; the user first cancels, is warned, and saves again.
        const QString path = m_files.filePath(u"1password-credentials.json"_s);
        seams::setNextSaveFileName(QString());
        seams::setNextAnswer(QMessageBox::Save);
        seams::setNextSaveFileName(path);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(path); }, 20000));
        // The file name proposed carries the server's name.
        QVERIFY2(seams::lastSuggestedPath().endsWith(u"/1password-credentials-dev.json"_s),
                 qPrintable(seams::lastSuggestedPath()));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject creds = QJsonDocument::fromJson(f.readAll()).object();
        for (const char *k : {"verifier", "encCredentials", "version", "deviceUuid", "uniqueKey"})
            QVERIFY2(creds.contains(QLatin1String(k)), k);
        QCOMPARE(creds[u"encCredentials"_s][u"enc"_s].toString(), u"A256GCM"_s);
        // The service has it, with both vaults; the window shows it selected.
        const Reply r = m_http->get(u"/v1/connect/servers/Dev"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"vaults"_s).toArray().size(), 2);
        QTRY_COMPARE(m_window->serversPage()->selectedId(), serverId(u"Dev"_s));
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Success);
        QVERIFY(m_window->messageBar()->text().contains(path));

        // A second server: the file exists, overwriting is refused once, then accepted.
        action("actionNewServer")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return (dialog = m_window->findChild<NewServerDialog *>()) != nullptr &&
                       dialog->isVisible();
            },
            5000));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Prod"_s);
        const QByteArray before = QJsonDocument(creds).toJson();
        seams::setNextSaveFileName(path);
        seams::setNextAnswer(QMessageBox::No);
        seams::setNextSaveFileName(path);
        seams::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(QTest::qWaitFor(
            [&] { return !serverId(u"Prod"_s).isEmpty() && seams::pendingAnswers() == 0; }, 20000));
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QVERIFY(again.readAll() != before);
        // Replacing Dev's file said whose credentials would be lost.
        QVERIFY2(seams::lastQuestion().contains(u"credentials of \"Dev\""_s) &&
                     seams::lastQuestion().contains(u"only copy"_s),
                 qPrintable(seams::lastQuestion()));
        QVERIFY(seams::lastSuggestedPath().endsWith(u"/1password-credentials-prod.json"_s));

        // New token proposes the server just created (not the first by name).
        action("actionNewToken")->trigger();
        NewTokenDialog *tokenDialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (tokenDialog = m_window->findChild<NewTokenDialog *>()) != nullptr; },
            5000));
        QCOMPARE(tokenDialog->findChild<QComboBox *>(u"serverCombo"_s)->currentText(), u"Prod"_s);
        tokenDialog->reject();
    }

    void createTokenWithReadAndWrite()
    {
        // A server with two vaults first (through the service directly).
        QCOMPARE(m_http
                     ->post(u"/v1/connect/servers"_s,
                            {{u"name"_s, u"Prod"_s},
                             {u"vaults"_s, QJsonArray{u"Customers"_s, u"Vendors"_s}}})
                     .status,
                 201);
        action("actionRefresh")->trigger();
        QVERIFY(settled());
        QVERIFY(!serverId(u"Prod"_s).isEmpty());

        action("actionNewToken")->trigger();
        NewTokenDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<NewTokenDialog *>()) != nullptr; }, 5000));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s),
                         u"Prod: Customer details"_s);
        auto *server = dialog->findChild<QComboBox *>(u"serverCombo"_s);
        server->setCurrentIndex(server->findText(u"Prod"_s));
        auto *table = dialog->findChild<QTableWidget *>(u"vaultTable"_s);
        QCOMPARE(table->rowCount(), 2);                   // only the server's vaults
        for (int row = 0; row < table->rowCount(); ++row) // read only unless asked for more
            QCOMPARE(qobject_cast<QComboBox *>(table->cellWidget(row, 1))->currentData().toInt(),
                     int(Access::Read));
        for (int row = 0; row < table->rowCount(); ++row) {
            table->item(row, 0)->setCheckState(Qt::Checked);
            auto *access = qobject_cast<QComboBox *>(table->cellWidget(row, 1));
            access->setCurrentIndex(access->findData(
                int(table->item(row, 0)->text() == u"Customers" ? Access::Write : Access::Read)));
        }
        // A typed duration is checked as it is typed: a bad one disables "Issue".
        auto *expiry = dialog->findChild<QComboBox *>(u"expiryCombo"_s);
        expiry->setCurrentIndex(expiry->count() - 1); // Custom…
        auto *duration = dialog->findChild<QLineEdit *>(u"durationEdit"_s);
        QPushButton *issue = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(duration, u"30x"_s);
        QVERIFY(!issue->isEnabled());
        QVERIFY(dialog->durationProblem().contains(u"unknown unit"_s));
        duration->clear();
        QTest::keyClicks(duration, u"30d"_s);
        QVERIFY(issue->isEnabled());
        QTest::mouseClick(issue, Qt::LeftButton);

        RevealTokenDialog *reveal = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (reveal = m_window->findChild<RevealTokenDialog *>()) != nullptr; },
            20000));
        const QString jwt = reveal->shownToken();
        const QJsonObject claims = claimsOf(jwt);
        QCOMPARE(claims.value(u"sub"_s).toString(), displayId(serverId(u"Prod"_s), IdKind::Server));
        QCOMPARE(claims.value(u"exp"_s).toInteger() - claims.value(u"iat"_s).toInteger(),
                 30 * 86400);
        QHash<QString, int> acl;
        for (const QJsonValue &v : claims.value(u"1password.com/vts"_s).toArray())
            acl.insert(v[u"u"_s].toString(), v[u"a"_s].toInt());
        QCOMPARE(acl.value(vaultId(u"Customers"_s)), 960);
        QCOMPARE(acl.value(vaultId(u"Vendors"_s)), 48);
        // Copy puts it on the clipboard, and the clipboard is cleared again later.
        ClipboardGuard::instance()->setClearAfterMs(300);
        QTest::mouseClick(reveal->findChild<QPushButton *>(u"copyButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), jwt);
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
        reveal->close();
        // The token is listed (never its JWT).
        QTRY_VERIFY(m_workspace->tokens()->rowCount() == 4);
        QCOMPARE(m_http->get(u"/v1/connect/tokens?server=Prod"_s)
                     .json.value(u"items"_s)
                     .toArray()
                     .size(),
                 1);
    }

    void signInDialogLayoutAndAddresses()
    {
        SignInDialog dialog(m_window.get());
        dialog.setAccount(m_svc->url, u"owner@sandbox.example"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QSize before = dialog.size();
        // A long answer, as a proxy or a TLS failure gives: five lines or more.
        dialog.showError(u"Can't reach the account service at https://connect-admin.example.com: "
                         "the TLS handshake failed because the certificate is signed by an "
                         "unknown authority. If the service uses a private certificate "
                         "authority, start the program with --ca-file and the authority's "
                         "certificate, or ask whoever runs the service which address to use. "
                         "Nothing was sent; your password was not used."_s);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QTest::qWait(50);
        // The message is shown whole and the fields keep their height: the dialog grew.
        auto *status = dialog.findChild<QLabel *>(u"statusLabel"_s);
        QVERIFY2(
            status->height() >= status->heightForWidth(status->width()),
            qPrintable(
                u"%1 < %2"_s.arg(status->height()).arg(status->heightForWidth(status->width()))));
        for (auto *edit : dialog.findChildren<QLineEdit *>())
            QVERIFY2(edit->height() >= edit->sizeHint().height(), qPrintable(edit->objectName()));
        QVERIFY(dialog.height() > before.height());

        // host:port on this computer is taken as http://; elsewhere the dialog says what to do.
        auto *url = dialog.findChild<QLineEdit *>(u"urlEdit"_s);
        QPushButton *signIn = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passwordEdit"_s), u"pw"_s);
        url->clear();
        QTest::keyClicks(url, u"localhost:8080"_s);
        QVERIFY(signIn->isEnabled());
        QCOMPARE(dialog.url(), u"http://localhost:8080"_s);
        QVERIFY(status->text().isEmpty());
        url->clear();
        QTest::keyClicks(url, u"connect.example.com:443"_s);
        QVERIFY(!signIn->isEnabled());
        QVERIFY2(status->text().contains(u"https://connect.example.com:443"_s),
                 qPrintable(status->text()));
        url->clear();
        QTest::keyClicks(url, u"ftp://connect.example.com"_s);
        QVERIFY(!signIn->isEnabled());
        QVERIFY2(status->text().contains(u"ftp://"_s), qPrintable(status->text()));
        url->clear();
        QTest::keyClicks(url, u"https://connect.example.com"_s);
        QVERIFY(signIn->isEnabled());
        QVERIFY(status->text().isEmpty());
    }

    void newTokenIsGuardedAndCanBeSaved()
    {
        Token token;
        token.id = u"tokenid"_s;
        token.name = u"Prod: deploy"_s;
        token.serverId = serverId(u"CI runners"_s);
        const QString jwt = u"eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"_s;
        QPointer<RevealTokenDialog> dialog =
            new RevealTokenDialog(jwt, token, m_workspace->directory(), m_window.get());
        dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // Escape, the window's close button and Close ask first; "Cancel" keeps it open.
        seams::setNextAnswer(QMessageBox::Cancel);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY2(seams::lastQuestion().contains(u"not copied or saved"_s),
                 qPrintable(seams::lastQuestion()));
        seams::setNextAnswer(QMessageBox::Cancel);
        dialog->close();
        QVERIFY(dialog && dialog->isVisible());
        seams::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close),
                          Qt::LeftButton);
        QVERIFY(dialog && dialog->isVisible());

        // Save to file: 0600, the token and a newline; then it closes without asking.
        const QString path = m_files.filePath(u"deploy.jwt"_s);
        seams::setNextSaveFileName(path);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY(seams::lastSuggestedPath().endsWith(u"/connect-token-prod-deploy.jwt"_s));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), jwt.toLatin1() + '\n');
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(dialog->isKept());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog); // closed, and deleted on close

        // Not kept, and the user insists: it closes.
        dialog = new RevealTokenDialog(jwt, token, m_workspace->directory(), m_window.get());
        dialog->open();
        seams::setNextAnswer(QMessageBox::Discard);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog);
    }

    void stageUndoAndApplyOnTheMatrix()
    {
        m_window->showPage(MainWindow::VaultAccess);
        QTableView *table = m_window->vaultAccessPage()->table();
        VaultAccessModel *model = m_workspace->access();
        auto *proxy = m_window->vaultAccessPage()->proxy();
        auto cell = [&](const QString &server, const QString &vault) {
            return proxy->mapFromSource(
                model->index(model->rowOf(serverId(server)), model->columnOf(vaultId(vault))));
        };
        auto press = [&](const QModelIndex &index) {
            table->setCurrentIndex(index);
            QTest::keyClick(table, Qt::Key_Space);
        };
        // CI runners has CI Secrets; Staging cluster has Kubernetes and Staging.
        press(cell(u"CI runners"_s, u"Kubernetes"_s));   // grant
        press(cell(u"CI runners"_s, u"Customers"_s));    // grant
        press(cell(u"Staging cluster"_s, u"Staging"_s)); // revoke
        QCOMPARE(model->pendingCount(), 3);
        QVERIFY(!action("actionApply")->text().isEmpty());
        QVERIFY(action("actionApply")->isEnabled());
        // A cell that can't be granted can't even be made current, nor toggled.
        const QModelIndex shared = cell(u"CI runners"_s, u"Shared"_s);
        table->setCurrentIndex(shared);
        QVERIFY(table->currentIndex() != shared);
        QVERIFY(!(shared.flags() & Qt::ItemIsEnabled));
        QVERIFY(shared.data(Qt::ToolTipRole).toString().contains(u"can't be granted"_s));
        QCOMPARE(model->pendingCount(), 3);
        // Undo the last edit with the keyboard.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model->pendingCount(), 2);
        QVERIFY(action("actionRedo")->isEnabled());
        auto *review = m_window->vaultAccessPage()->findChild<QPushButton *>(u"reviewButton"_s);
        QCOMPARE(review->text(), u"Review and apply (2)"_s);
        QTest::mouseClick(review, Qt::LeftButton);
        auto *apply = m_window->vaultAccessPage()->findChild<QPushButton *>(u"applyButton"_s);
        QTRY_VERIFY(apply->isVisible() && apply->width() > 0); // the review panel is laid out
        QCOMPARE(apply->text(), u"Apply 2 changes"_s);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model->pendingCount(), 0, 20000);
        QVERIFY(settled());
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Success);
        const QJsonObject ci =
            m_http->get(u"/v1/connect/servers/"_s + percent(u"CI runners"_s)).json;
        QStringList vaults;
        for (const QJsonValue &v : ci.value(u"vaults"_s).toArray())
            vaults.append(m_workspace->directory()->vaultName(v.toString().toLower()));
        vaults.sort();
        QCOMPARE(vaults, (QStringList{u"CI Secrets"_s, u"Customers"_s, u"Kubernetes"_s}));
        // The undone revoke was not applied.
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + percent(u"Staging cluster"_s))
                     .json.value(u"vaults"_s)
                     .toArray()
                     .size(),
                 2);
    }

    void staleApplyShowsTheConflictAndKeepsEdits()
    {
        VaultAccessModel *model = m_workspace->access();
        const QString ci = serverId(u"CI runners"_s);
        model->toggle(model->index(model->rowOf(ci), model->columnOf(vaultId(u"Kubernetes"_s))));
        model->toggle(model->index(model->rowOf(ci), model->columnOf(vaultId(u"Vendors"_s))));
        QCOMPARE(model->pendingCount(), 2);
        // The review list wraps long names instead of cutting them.
        auto *review = m_window->vaultAccessPage()->findChild<QListView *>(u"pendingList"_s);
        QVERIFY(review && review->wordWrap() && review->textElideMode() == Qt::ElideNone);
        // Someone else grants Kubernetes to CI runners meanwhile.
        QCOMPARE(m_http
                     ->put(u"/v1/connect/servers/"_s + percent(u"CI runners"_s) +
                           u"/vaults/Kubernetes"_s)
                     .status,
                 200);
        action("actionApply")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->kind() == MessageBar::Kind::Warning; }, 20000));
        QVERIFY(settled());
        QVERIFY2(m_window->messageBar()->text().contains(u"changed since you loaded it"_s),
                 qPrintable(m_window->messageBar()->text()));
        QVERIFY(m_window->messageBar()->text().contains(u"Kubernetes"_s));
        QVERIFY2(!m_window->messageBar()->text().contains(u".;"_s) &&
                     !m_window->messageBar()->text().contains(u".."_s),
                 qPrintable(m_window->messageBar()->text()));
        // The Vendors edit is kept and can be applied now; the collision is marked on its cell.
        QCOMPARE(model->pendingCount(), 1);
        QCOMPARE(model->pendingChanges().first().vaultId, vaultId(u"Vendors"_s));
        const QModelIndex hit =
            model->index(model->rowOf(ci), model->columnOf(vaultId(u"Kubernetes"_s)));
        QVERIFY(hit.data(Qt::ToolTipRole).toString().contains(u"Someone else granted"_s));
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + percent(u"CI runners"_s))
                     .json.value(u"vaults"_s)
                     .toArray()
                     .size(),
                 2);
        action("actionApply")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(model->pendingCount(), 0, 20000);
        QVERIFY(settled());
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + percent(u"CI runners"_s))
                     .json.value(u"vaults"_s)
                     .toArray()
                     .size(),
                 3);
    }

    void revokeTwoTokensAtOnce()
    {
        m_window->showPage(MainWindow::Tokens);
        TokensPage *page = m_window->tokensPage();
        QTableView *table = page->table();
        page->setText(u"staging"_s);
        QTRY_COMPARE(table->model()->rowCount(), 2);
        table->selectAll();
        QCOMPARE(page->selectedIds().size(), 2);
        QVERIFY(action("actionDelete")->isEnabled());
        seams::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->text() == u"Revoked 2 tokens."_s; }, 20000));
        // The confirmation's button names the step, not "Yes".
        QCOMPARE(seams::lastButtons().first(), u"Revoke 2 tokens"_s);
        QVERIFY(!seams::lastButtons().contains(u"&Yes"_s));
        int revoked = 0;
        for (const QJsonValue &t :
             m_http->get(u"/v1/connect/tokens"_s).json.value(u"items"_s).toArray())
            revoked += t[u"state"_s].toString() == u"REVOKED";
        QCOMPARE(revoked, 2);
        // Revoked tokens stay listed, shown as revoked.
        page->setStateFilter(TokensPage::RevokedOnly);
        QTRY_COMPARE(table->model()->rowCount(), 2);
    }

    void renameAServerInPlace()
    {
        m_window->showPage(MainWindow::Servers);
        ServersPage *page = m_window->serversPage();
        page->select(serverId(u"CI runners"_s));
        QTest::keyClick(page->table(), Qt::Key_F2);
        editInPlace(page->table(), u"CI runners (eu)"_s);
        QVERIFY(QTest::qWaitFor([&] { return !serverId(u"CI runners (eu)"_s).isEmpty(); }, 20000));
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + percent(u"CI runners (eu)"_s)).status,
                 200);
        // The matrix row follows.
        VaultAccessModel *model = m_workspace->access();
        QCOMPARE(model->serverName(model->rowOf(serverId(u"CI runners (eu)"_s))),
                 u"CI runners (eu)"_s);
        // An empty name is no change.
        QTest::keyClick(page->table(), Qt::Key_F2);
        editInPlace(page->table(), QString());
        QVERIFY(settled());
        QVERIFY(!serverId(u"CI runners (eu)"_s).isEmpty());
    }

    void deleteAServerAfterConfirming()
    {
        ServersPage *page = m_window->serversPage();
        const QString ciId = serverId(u"CI runners"_s);
        page->select(ciId);
        seams::setNextAnswer(QMessageBox::Cancel);
        action("actionDelete")->trigger();
        QVERIFY(settled());
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + percent(u"CI runners"_s)).status, 200);
        seams::setNextAnswer(QMessageBox::Yes);
        action("actionDelete")->trigger();
        QVERIFY(QTest::qWaitFor([&] { return serverId(u"CI runners"_s).isEmpty(); }, 20000));
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + percent(u"CI runners"_s)).status, 404);
        QCOMPARE(seams::lastButtons().first(), u"Delete server"_s); // a verb, not "Yes"
        QCOMPARE(m_workspace->directory()->serverName(ciId), u"CI runners (deleted)"_s);
        // Its token shows revoked at once.
        for (const Token &t : m_workspace->tokens()->items())
            if (t.name == u"ci pipeline")
                QCOMPARE(t.state, TokenState::Revoked);
    }

    void groupGrantFromTheGrid()
    {
        m_window->showPage(MainWindow::GroupPermissions);
        QTableView *table = m_window->groupPermissionsPage()->table();
        QVERIFY(table->isVisible());
        GroupPermissionModel *model = m_workspace->groupPermissions();
        int operations = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->headerData(r, Qt::Vertical).toString() == u"Operations")
                operations = r;
        QVERIFY(operations >= 0);
        table->setCurrentIndex(model->index(operations, GroupPermissionModel::AllServers));
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_window->messageBar()->text().contains(u"can now manage all servers"_s);
            },
            20000));
        bool found = false;
        for (const QJsonValue &g :
             m_http->get(u"/v1/connect/group-grants"_s).json.value(u"items"_s).toArray())
            found |= g[u"kind"_s].toString() == u"all_servers" &&
                     g[u"group"_s].toString() == model->groupId(operations);
        QVERIFY(found);
        QCOMPARE(model->index(operations, GroupPermissionModel::AllServers)
                     .data(Qt::CheckStateRole)
                     .toInt(),
                 int(Qt::Checked));
    }

    void expiredSessionAsksAgainAndKeepsStagedEdits()
    {
        VaultAccessModel *model = m_workspace->access();
        const QString ci = serverId(u"CI runners"_s);
        model->toggle(model->index(model->rowOf(ci), model->columnOf(vaultId(u"Marketing"_s))));
        QCOMPARE(model->pendingCount(), 1);
        // The session ends behind the program's back.
        Http other(m_svc->url);
        other.setToken(m_workspace->client()->sessionToken());
        QCOMPARE(other.del(u"/v1/auth/sessions/current"_s).status, 204);
        action("actionRefresh")->trigger();
        SignInDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->signInDialog()) && dialog->isVisible(); }, 20000));
        QCOMPARE(model->pendingCount(), 1);
        QCOMPARE(dialog->email(), u"owner@sandbox.example"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), m_svc->ownerPassword);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return m_workspace->session()->isSignedIn(); }, 20000));
        QVERIFY(settled());
        QCOMPARE(model->pendingCount(), 1); // survived the new sign-in and the reload
        action("actionApply")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(model->pendingCount(), 0, 20000);
    }

    void tokensShowVaultsTheirServerLost()
    {
        // Revoke Kubernetes from Staging cluster on the matrix, as a user would.
        VaultAccessModel *access = m_workspace->access();
        const QString staging = serverId(u"Staging cluster"_s);
        QVERIFY(access->toggle(
            access->index(access->rowOf(staging), access->columnOf(vaultId(u"Kubernetes"_s)))));
        action("actionApply")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(access->pendingCount(), 0, 20000);
        QVERIFY(settled());

        // Tokens page: Kubernetes is struck through for both of its tokens, Staging is not.
        TokenModel *tokens = m_workspace->tokens();
        auto scopesOf = [&](const QString &name) {
            for (int r = 0; r < tokens->rowCount(); ++r)
                if (tokens->item(r).name == name)
                    return tokens->index(r, TokenModel::Vaults);
            return QModelIndex();
        };
        const QModelIndex deploy = scopesOf(u"staging deploy"_s);
        QTRY_VERIFY(deploy.data(ScopesRole).value<QList<TokenScope>>().value(0).lost);
        const auto scopes = deploy.data(ScopesRole).value<QList<TokenScope>>();
        QCOMPARE(scopes.size(), 2);
        QCOMPARE(scopes.at(0).text, u"Kubernetes (rw)"_s);
        QVERIFY(!scopes.at(1).lost); // Staging
        QVERIFY2(deploy.data(Qt::ToolTipRole).toString().contains(u"no longer has access"_s),
                 qPrintable(deploy.data(Qt::ToolTipRole).toString()));
        QVERIFY(qobject_cast<TokenScopesDelegate *>(
            m_window->tokensPage()->table()->itemDelegateForColumn(TokenModel::Vaults)));

        // The server's detail pane agrees: a struck-through Kubernetes column.
        m_window->showPage(MainWindow::Servers);
        m_window->serversPage()->select(staging);
        auto *scopeView = m_window->serversPage()->findChild<QTableView *>(u"scopeView"_s);
        QAbstractItemModel *pane = scopeView->model();
        int kubernetes = -1;
        for (int c = 0; c < pane->columnCount(); ++c)
            if (pane->headerData(c, Qt::Horizontal).toString() == u"Kubernetes")
                kubernetes = c;
        QVERIFY(kubernetes >= 0);
        QVERIFY(
            pane->headerData(kubernetes, Qt::Horizontal, Qt::FontRole).value<QFont>().strikeOut());
        QVERIFY(pane->headerData(kubernetes, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"no longer has access"_s));
        int monitoring = -1;
        for (int r = 0; r < pane->rowCount(); ++r)
            if (pane->headerData(r, Qt::Vertical).toString() == u"staging monitoring")
                monitoring = r;
        QVERIFY(monitoring >= 0);
        const QModelIndex cell = pane->index(monitoring, kubernetes);
        QCOMPARE(cell.data().toString(), u"r"_s);
        QVERIFY(cell.data(Qt::FontRole).value<QFont>().strikeOut());
    }

    void columnsKeepUsableWidthsAndComeBack()
    {
        ServersPage *page = m_window->serversPage();
        QTableView *table = page->table();
        QHeaderView *header = table->horizontalHeader();
        QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
        const int name = header->sectionSize(ServerModel::Name);
        const int vaults = header->sectionSize(ServerModel::Vaults);
        QVERIFY2(vaults >= ColumnWidths::minimumWidth(table), qPrintable(QString::number(vaults)));
        // A very long name changes no width: Vaults is not squeezed to "…".
        const QString longName = u"CI runners for the payments platform in the "_s +
                                 u"Frankfurt, Dublin and Virginia regions, blue and green"_s;
        QCOMPARE(m_http
                     ->patch(u"/v1/connect/servers/"_s + percent(u"CI runners"_s),
                             {{u"name"_s, longName}})
                     .status,
                 200);
        action("actionRefresh")->trigger();
        QVERIFY(settled());
        QVERIFY(!serverId(longName).isEmpty());
        QCOMPARE(header->sectionSize(ServerModel::Name), name);
        QCOMPARE(header->sectionSize(ServerModel::Vaults), vaults);

        // The widths the user sets come back with the next window.
        header->resizeSection(ServerModel::Name, 277);
        QTableView *tokens = m_window->tokensPage()->table();
        tokens->horizontalHeader()->resizeSection(TokenModel::Name, 233);
        m_window.reset();
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(
            m_window->serversPage()->table()->horizontalHeader()->sectionSize(ServerModel::Name),
            277);
        QCOMPARE(m_window->tokensPage()->table()->horizontalHeader()->sectionSize(TokenModel::Name),
                 233);
    }

    void everyListSortsNamesTheSameWay()
    {
        // German collation (initTestCase): Ä sorts with A; case does not matter; numbers by
        // value.
        for (const QString &name : {u"beta"_s, u"Alpha"_s, u"Ärger"_s, u"zulu 10"_s, u"zulu 9"_s})
            QCOMPARE(m_http->post(u"/v1/connect/servers"_s, {{u"name"_s, name}}).status, 201);
        action("actionRefresh")->trigger();
        QVERIFY(settled());
        const QStringList expected{u"Alpha"_s,           u"Ärger"_s,  u"beta"_s,   u"CI runners"_s,
                                   u"Staging cluster"_s, u"zulu 9"_s, u"zulu 10"_s};

        QStringList matrix;
        VaultAccessModel *access = m_workspace->access();
        for (int r = 0; r < access->rowCount(); ++r)
            matrix.append(access->serverName(r));
        QCOMPARE(matrix, expected);

        QStringList page;
        QAbstractItemModel *servers = m_window->serversPage()->table()->model();
        for (int r = 0; r < servers->rowCount(); ++r)
            page.append(servers->index(r, ServerModel::Name).data().toString());
        QCOMPARE(page, expected);

        QStringList filter;
        auto *combo = m_window->tokensPage()->findChild<QComboBox *>(u"serverCombo"_s);
        for (int i = 1; i < combo->count(); ++i) // after "All servers"
            filter.append(combo->itemText(i));
        QCOMPARE(filter, expected);

        QStringList columns, rows;
        GroupPermissionModel *groups = m_workspace->groupPermissions();
        for (int c = GroupPermissionModel::FirstServer; c < groups->columnCount(); ++c)
            columns.append(groups->headerData(c, Qt::Horizontal).toString());
        QCOMPARE(columns, expected);
        for (int r = 0; r < groups->rowCount(); ++r)
            rows.append(groups->headerData(r, Qt::Vertical).toString());
        QCOMPARE(rows, (QStringList{u"Administrators"_s, u"Developers"_s, u"Finance"_s,
                                    u"Operations"_s, u"Owners"_s, u"Security"_s}));
    }

    void aSelectedCellKeepsItsStagedColour()
    {
        m_window->resize(1200, 760);
        m_window->showPage(MainWindow::VaultAccess);
        VaultAccessModel *model = m_workspace->access();
        QTableView *table = m_window->vaultAccessPage()->table();
        const QModelIndex cell = model->index(model->rowOf(serverId(u"CI runners"_s)),
                                              model->columnOf(vaultId(u"Vendors"_s)));
        model->toggle(cell);
        const QColor staged = cell.data(Qt::BackgroundRole).value<QBrush>().color();
        QVERIFY(staged.isValid());
        const QModelIndex shown = m_window->vaultAccessPage()->proxy()->mapFromSource(cell);
        table->setFocus();
        table->setCurrentIndex(shown); // as the keyboard moves it
        table->selectionModel()->select(shown, QItemSelectionModel::ClearAndSelect);
        table->scrollTo(shown);
        QCoreApplication::processEvents();
        const QRect rect = table->visualRect(shown);
        const QImage image = table->viewport()->grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const QColor seen = image.pixelColor(QPoint(rect.left() + 5, rect.bottom() - 4) * dpr);
        QVERIFY2(std::abs(seen.red() - staged.red()) + std::abs(seen.green() - staged.green()) +
                         std::abs(seen.blue() - staged.blue()) <
                     24,
                 qPrintable(u"%1 shown, %2 staged"_s.arg(seen.name(), staged.name())));
        model->toggle(cell); // unstaged again for the next test
    }

    void anEmptyGridSaysWhy()
    {
        QCOMPARE(m_window->vaultAccessPage()->emptyText(), QString()); // servers and vaults
        // An account without servers (nothing loaded yet): the grid says what to do.
        MemoryCredentialStore store;
        Workspace empty(&store);
        VaultAccessPage page(&empty);
        page.resize(800, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY2(page.emptyText().contains(u"No Connect servers yet"_s),
                 qPrintable(page.emptyText()));
        auto *label = page.table()->viewport()->findChild<QLabel *>();
        QVERIFY(label && label->isVisible() && label->text() == page.emptyText());
    }

    void revokeFromEveryServerOnlyWhereSomethingIsGranted()
    {
        VaultAccessModel *model = m_workspace->access();
        int checkedHeld = 0, checkedUnheld = 0;
        for (int column = 0; column < model->columnCount(); ++column) {
            bool held = false;
            for (int row = 0; row < model->rowCount(); ++row)
                held = held || model->cellState(row, column) == CellState::Granted;
            QMenu menu;
            m_window->vaultAccessPage()->fillColumnMenu(&menu, column);
            bool offered = false;
            for (const QAction *a : menu.actions())
                offered = offered || a->text().startsWith(u"Revoke"_s);
            QCOMPARE(offered, held);
            ++(held ? checkedHeld : checkedUnheld);
        }
        QVERIFY(checkedHeld > 0 && checkedUnheld > 0); // the fixture has both kinds
    }

    void filterPlaceholdersAreNotCutOff()
    {
        m_window->resize(1024, 640);
        for (auto page : {MainWindow::Servers, MainWindow::Tokens, MainWindow::VaultAccess}) {
            m_window->showPage(page);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
            for (QLineEdit *edit : m_window->findChildren<QLineEdit *>(u"filterEdit"_s)) {
                if (!edit->isVisible())
                    continue;
                const QFontMetrics fm = edit->fontMetrics();
                // The whole text, and room for the frame and the clear button beside it.
                QVERIFY2(edit->width() >=
                             fm.horizontalAdvance(edit->placeholderText()) + fm.height() + 8,
                         qPrintable(u"%1: %2 px for \"%3\""_s.arg(int(page))
                                        .arg(edit->width())
                                        .arg(edit->placeholderText())));
            }
        }
    }

    void messageBarIsOneLineAndMovesNothing()
    {
        m_window->resize(1024, 640);
        MessageBar *bar = m_window->messageBar();
        QWidget *pages = m_window->serversPage()->parentWidget();
        auto pagesRect = [&] {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            return QRect(pages->mapTo(m_window.get(), QPoint(0, 0)), pages->size());
        };
        const QRect before = pagesRect();
        const int oneLine = std::max(bar->fontMetrics().height(),
                                     bar->findChild<QPushButton *>()->sizeHint().height()) +
                            4;
        bar->showMessage(MessageBar::Kind::Success,
                         u"Created \"Dev\" and saved its credentials file to "
                         "/home/admin/Documents/1password-credentials-dev.json."_s);
        QCOMPARE(pagesRect(), before);
        QVERIFY2(bar->height() <= oneLine, qPrintable(QString::number(bar->height())));
        bar->showMessage(MessageBar::Kind::Error, u"Can't reach the account service"_s, u"Retry"_s,
                         [] {});
        QCOMPARE(pagesRect(), before);
        QVERIFY2(bar->height() <= oneLine, qPrintable(QString::number(bar->height())));
        QVERIFY(!bar->hidesByItself()); // an error stays until it is dismissed
        bar->dismiss();
        QCOMPARE(pagesRect(), before);
        // Information goes by itself.
        bar->setAutoHideMs(50);
        bar->showMessage(MessageBar::Kind::Info, u"Copied the server ID."_s);
        QVERIFY(bar->hidesByItself());
        QTRY_VERIFY(!bar->isShowing());
        QCOMPARE(pagesRect(), before);
    }

    void statusBarSaysWhenTheServiceIsGone()
    {
        QVERIFY(m_window->connectionText().startsWith(u"Connected"_s));
        m_workspace->setHeartbeatInterval(100);
        m_svc->host.reset(); // the service dies; nobody clicks anything
        QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionText().startsWith(u"Can't reach"_s), 10000);
    }

    void updatedMovesOnlyWhenTheServiceAnswered()
    {
        QSignalSpy updated(m_workspace.get(), &Workspace::refreshed);
        // After a create (the matrix gains a row) ...
        m_workspace->createServer(u"Updated test"_s, {}, this,
                                  [](const Result<NewServerReply> &) {});
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, 20000);
        QVERIFY(settled());
        // ... after an apply ...
        VaultAccessModel *model = m_workspace->access();
        const QString ci = serverId(u"CI runners"_s);
        model->toggle(model->index(model->rowOf(ci), model->columnOf(vaultId(u"Vendors"_s))));
        action("actionApply")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 2, 20000);
        QVERIFY(settled());
        // ... and after the reload that follows a conflict.
        model->toggle(model->index(model->rowOf(ci), model->columnOf(vaultId(u"Kubernetes"_s))));
        QCOMPARE(m_http
                     ->put(u"/v1/connect/servers/"_s + percent(u"CI runners"_s) +
                           u"/vaults/Kubernetes"_s)
                     .status,
                 200);
        action("actionApply")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 3, 20000);
        QVERIFY(settled());
        const QDateTime last = m_workspace->lastRefresh();
        QCOMPARE(m_window->refreshedText(),
                 u"Updated %1"_s.arg(QLocale().toString(last.time(), QLocale::ShortFormat)));
        // A refresh that fails does not move it.
        m_svc->host.reset();
        action("actionRefresh")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->kind() == MessageBar::Kind::Error; }, 20000));
        QVERIFY(settled());
        QCOMPARE(updated.count(), 3);
        QCOMPARE(m_workspace->lastRefresh(), last);
    }

    void serviceStoppedMidSession()
    {
        m_svc->host.reset(); // the service goes away
        action("actionRefresh")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->kind() == MessageBar::Kind::Error; }, 20000));
        QVERIFY(settled());
        QVERIFY2(m_window->messageBar()->text().contains(u"Can't reach the account service"_s),
                 qPrintable(m_window->messageBar()->text()));
        QVERIFY(m_window->connectionText().contains(u"Can't reach"_s));
        // Everything shown stays; actions fail with a message, not a crash.
        QVERIFY(m_workspace->servers()->rowCount() > 0);
        m_window->showPage(MainWindow::Servers);
        m_window->serversPage()->select(serverId(u"CI runners"_s));
        seams::setNextAnswer(QMessageBox::Yes);
        action("actionDelete")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->text().contains(u"connection refused"_s); },
            20000));
        QVERIFY(!serverId(u"CI runners"_s).isEmpty());
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
