// The desktop program's widgets driven like a user would (keys, clicks, dialogs through
// their seams) against the real account service on loopback.
#include "../support/TestSupport.h"
#include "core/Ids.h"
#include "gui/CheckCredentialsDialog.h"
#include "gui/ClipboardGuard.h"
#include "gui/ColumnWidths.h"
#include "gui/ConfigFileCommands.h"
#include "gui/CredentialsCommands.h"
#include "gui/FileChangesDialog.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/HandbookDialog.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/NewServerDialog.h"
#include "gui/NewTokenDialog.h"
#include "gui/Preferences.h"
#include "gui/RenewCredentialsDialog.h"
#include "gui/RevealTokenDialog.h"
#include "gui/RotateTokensDialog.h"
#include "gui/Seams.h"
#include "gui/ServersPage.h"
#include "gui/ShortcutsDialog.h"
#include "gui/SignInDialog.h"
#include "gui/TableExport.h"
#include "gui/TokenScopesDelegate.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "service/Crypto.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
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
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

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

    // A server made behind the program's back, its credentials file written to m_files.
    QString serverWithFile(const QString &name, const QString &fileName)
    {
        const Reply r =
            m_http->post(u"/v1/connect/servers"_s,
                         {{u"name"_s, name}, {u"vaults"_s, QJsonArray{u"Kubernetes"_s}}});
        if (r.status != 201)
            qFatal("creating %s: %d", qPrintable(name), r.status);
        QFile f(m_files.filePath(fileName));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("can't write %s", qPrintable(f.fileName()));
        f.write(QJsonDocument(r.json.value(u"credentials"_s).toObject()).toJson());
        return r.json.value(u"server"_s).toObject().value(u"id"_s).toString();
    }

    QString tokenFor(const QString &server, const QString &name)
    {
        const Reply r = m_http->post(
            u"/v1/connect/tokens"_s,
            {{u"name"_s, name},
             {u"server"_s, server},
             {u"vaults"_s,
              QJsonArray{QJsonObject{{u"vault"_s, u"Kubernetes"_s}, {u"access"_s, u"read"_s}}}}});
        if (r.status != 201)
            qFatal("creating token %s: %d", qPrintable(name), r.status);
        return r.json.value(u"jwt"_s).toString();
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

    // Tokens → Rotate… on one token: the dialog says what the new token carries, names it
    // "<old> (rotated <date>)" unless edited; the new JWT is shown once, the old token is
    // listed as "revokes in 23 hours" until its scheduled revocation is cancelled.
    void rotateATokenAndCancelItsRevocation()
    {
        m_window->showPage(MainWindow::Tokens);
        TokensPage *page = m_window->tokensPage();
        QTableView *table = page->table();
        page->setText(u"staging deploy"_s);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        const QString oldId = page->selectedIds().value(0);
        QVERIFY(!oldId.isEmpty());
        QAction *rotate = action("actionRotateTokens");
        QVERIFY(rotate && rotate->isEnabled());
        QVERIFY(table->actions().contains(rotate)); // the context menu
        QVERIFY(m_window->findChild<QMenu *>(u"menuTokens"_s)->actions().contains(rotate));
        QVERIFY(!action("actionCancelRevocation")->isEnabled()); // nothing is scheduled yet
        rotate->trigger();

        RotateTokensDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<RotateTokensDialog *>()) != nullptr; },
            5000));
        auto *name = dialog->findChild<QLineEdit *>(u"nameEdit"_s);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(name->text(), u"staging deploy (rotated %1)"_s.arg(today));
        const QString carries = dialog->findChild<QLabel *>(u"carriesLabel"_s)->text();
        for (const QString &fact :
             {u"Staging cluster"_s, u"Kubernetes (rw)"_s, u"Staging (r)"_s, u"90 days"_s})
            QVERIFY2(carries.contains(fact), qPrintable(carries));
        name->clear();
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // a name is needed
        QTest::keyClicks(name, u"deploy v2"_s);
        auto *overlap = dialog->findChild<QComboBox *>(u"overlapCombo"_s);
        QCOMPARE(overlap->count(), 5); // now, 1 h, 24 h, 7 d, at a date…
        overlap->setCurrentIndex(overlap->findData(u"24h"_s));
        QTest::mouseClick(ok, Qt::LeftButton);

        RevealTokenDialog *reveal = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (reveal = m_window->findChild<RevealTokenDialog *>()) != nullptr; },
            20000));
        const QJsonObject claims = claimsOf(reveal->shownToken());
        const QString newId = claims.value(u"jti"_s).toString();
        QVERIFY(!newId.isEmpty() && newId != oldId);
        QCOMPARE(claims.value(u"1password.com/vts"_s).toArray().size(), 2);
        const QString path = m_files.filePath(u"rotated.jwt"_s);
        seams::setNextSaveFileName(path);
        QTest::mouseClick(reveal->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        reveal->close();

        // On the service: the new token by its name, the old one scheduled in a day.
        QJsonObject oldOnService, newOnService;
        for (const QJsonValue &t :
             m_http->get(u"/v1/connect/tokens"_s).json.value(u"items"_s).toArray()) {
            if (t[u"id"_s].toString() == oldId)
                oldOnService = t.toObject();
            if (t[u"id"_s].toString() == newId)
                newOnService = t.toObject();
        }
        QCOMPARE(newOnService.value(u"name"_s).toString(), u"deploy v2"_s);
        const qint64 in = QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(
            oldOnService.value(u"revokes_at"_s).toString(), Qt::ISODateWithMs));
        QVERIFY2(in > 23 * 3600 && in <= 24 * 3600, qPrintable(QString::number(in)));

        // The list says so, and offers to cancel it.
        page->setText(QString());
        TokenModel *tokens = m_workspace->tokens();
        const QModelIndex expires = tokens->indexOf(oldId, TokenModel::Expires);
        // 23 h 59 min and some seconds: rounded to the nearest hour, as every expiry is.
        QCOMPARE(expires.data().toString(), u"revokes in 24 hours"_s);
        page->setText(u"staging deploy"_s);
        QTRY_COMPARE(table->model()->rowCount(), 1); // "deploy v2" does not match
        table->selectRow(0);
        QTRY_VERIFY(action("actionCancelRevocation")->isEnabled());
        action("actionCancelRevocation")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->text().contains(u"no longer scheduled"_s); },
            20000));
        QVERIFY(m_http->get(u"/v1/connect/tokens/"_s + oldId)
                    .json.value(u"revokes_at"_s)
                    .toString()
                    .isEmpty());
        QVERIFY(
            !tokens->indexOf(oldId, TokenModel::Expires).data().toString().contains(u"revokes"_s));
        QVERIFY(!action("actionCancelRevocation")->isEnabled());
    }

    // "at a date…": a date field appears, and the old token is scheduled at that time.
    void rotateWithRevocationAtADate()
    {
        m_window->showPage(MainWindow::Tokens);
        TokensPage *page = m_window->tokensPage();
        QTableView *table = page->table();
        page->setText(u"ci pipeline"_s);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        const QString oldId = page->selectedIds().value(0);
        action("actionRotateTokens")->trigger();
        RotateTokensDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<RotateTokensDialog *>()) != nullptr; },
            5000));
        auto *overlap = dialog->findChild<QComboBox *>(u"overlapCombo"_s);
        auto *date = dialog->findChild<QDateTimeEdit *>(u"revokeAtEdit"_s);
        QVERIFY(date && !date->isVisible());
        overlap->setCurrentIndex(overlap->count() - 1);
        QVERIFY(date->isVisible());
        // Never in the past: the field refuses a time before now.
        date->setDateTime(QDateTime::currentDateTime().addDays(-2));
        QVERIFY(date->dateTime() > QDateTime::currentDateTime());
        const QDateTime at = QDateTime::currentDateTime().addDays(3);
        date->setDateTime(at);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        RevealTokenDialog *reveal = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (reveal = m_window->findChild<RevealTokenDialog *>()) != nullptr; },
            20000));
        seams::setNextAnswer(QMessageBox::Discard);
        reveal->close();
        const QDateTime onService = QDateTime::fromString(
            m_http->get(u"/v1/connect/tokens/"_s + oldId).json.value(u"revokes_at"_s).toString(),
            Qt::ISODateWithMs);
        QVERIFY2(qAbs(onService.secsTo(at)) < 60, qPrintable(onService.toString(Qt::ISODate)));
    }

    // Several at once: no name to edit, the new tokens in one guarded list (copy each, or
    // save all to one 0600 file), and "now" revokes the old ones in the same step.
    void rotateTwoTokensAtOnce()
    {
        m_window->showPage(MainWindow::Tokens);
        TokensPage *page = m_window->tokensPage();
        QTableView *table = page->table();
        page->setText(u"staging"_s);
        QTRY_COMPARE(table->model()->rowCount(), 2);
        table->selectAll();
        const QStringList oldIds = page->selectedIds();
        action("actionRotateTokens")->trigger();
        RotateTokensDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<RotateTokensDialog *>()) != nullptr; },
            5000));
        QVERIFY(!dialog->findChild<QLineEdit *>(u"nameEdit"_s));
        auto *overlap = dialog->findChild<QComboBox *>(u"overlapCombo"_s);
        overlap->setCurrentIndex(overlap->findData(u"0"_s));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        RevealTokenDialog *reveal = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (reveal = m_window->findChild<RevealTokenDialog *>()) != nullptr; },
            20000));
        QCOMPARE(m_window->findChildren<RevealTokenDialog *>().size(), 1); // one list
        QCOMPARE(reveal->tokenCount(), 2);
        QCOMPARE(m_window->messageBar()->text(),
                 u"Rotated 2 tokens. Copy the new ones now: they are shown only once."_s);
        // Each token is picked and copied on its own; closing asks until both are kept.
        auto *list = reveal->findChild<QTableWidget *>(u"tokenList"_s);
        QVERIFY(list && list->rowCount() == 2);
        QStringList jwts;
        for (int row = 0; row < 2; ++row) {
            list->setCurrentCell(row, 0);
            jwts.append(reveal->shownToken());
        }
        QCOMPARE(QSet<QString>(jwts.cbegin(), jwts.cend()).size(), 2);
        list->setCurrentCell(0, 0);
        QTest::mouseClick(reveal->findChild<QPushButton *>(u"copyButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), jwts.at(0));
        QVERIFY(!reveal->isKept());
        seams::setNextAnswer(QMessageBox::Cancel);
        reveal->close();
        QVERIFY(reveal->isVisible());
        QVERIFY2(seams::lastQuestion().contains(list->item(1, 0)->text()),
                 qPrintable(seams::lastQuestion()));
        // Save all: one 0600 file with both tokens, each after a comment naming it.
        const QString path = m_files.filePath(u"rotated-two.jwt"_s);
        seams::setNextSaveFileName(path);
        QTest::mouseClick(reveal->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY(reveal->isKept());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY(text.contains(jwts.at(0).toLatin1()) && text.contains(jwts.at(1).toLatin1()));
        QCOMPARE(text.count("\n# "), 1);
        QCOMPARE(saved.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        int revoked = 0;
        for (const QJsonValue &t :
             m_http->get(u"/v1/connect/tokens"_s).json.value(u"items"_s).toArray())
            revoked +=
                oldIds.contains(t[u"id"_s].toString()) && t[u"state"_s].toString() == u"REVOKED";
        QCOMPARE(revoked, 2);
        QVERIFY(reveal->close()); // kept: no question
    }

    // File → Check a credentials file…: which account, server and service the file belongs
    // to, that the server exists and is active and this is its file; a pasted token is
    // checked against it. Dropping the file on the window checks it too.
    void checkACredentialsFile()
    {
        const QString id = serverWithFile(u"Checked"_s, u"1password-credentials-checked.json"_s);
        serverWithFile(u"Elsewhere"_s, u"1password-credentials-elsewhere.json"_s);
        const QString path = m_files.filePath(u"1password-credentials-checked.json"_s);
        action("actionRefresh")->trigger();
        QVERIFY(settled());
        QAction *check = action("actionCheckCredentials");
        QVERIFY(check && check->isEnabled());
        QVERIFY(m_window->findChild<QMenu *>(u"menuFile"_s)->actions().contains(check));
        check->trigger();
        CheckCredentialsDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<CheckCredentialsDialog *>()) != nullptr; },
            5000));
        auto *checkButton = dialog->findChild<QPushButton *>(u"checkButton"_s);
        QVERIFY(!checkButton->isEnabled()); // no file yet
        // Each label with a mnemonic has its field as buddy (else it shows the "&").
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(u'&') || label->buddy(), qPrintable(label->text()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pathEdit"_s), path);
        QTest::mouseClick(checkButton, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isChecking(); }, 20000));
        QCOMPARE(dialog->verdict(), u"The file is good."_s);
        for (const QString &fact :
             {id, u"\"Checked\""_s, u"), Active"_s, m_svc->url, u"In force: yes"_s, u"Issued: "_s})
            QVERIFY2(dialog->facts().contains(fact),
                     qPrintable(fact + u" in\n"_s + dialog->facts()));

        // A token of this server belongs to it; one of another server does not.
        const QString mine = tokenFor(u"Checked"_s, u"checked reader"_s);
        auto *token = dialog->findChild<QPlainTextEdit *>(u"tokenEdit"_s);
        token->setPlainText(mine);
        QTest::mouseClick(checkButton, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isChecking(); }, 20000));
        QCOMPARE(dialog->verdict(), u"The file and the token are good."_s);
        for (const QString &fact : {u"\"checked reader\""_s, u"Belongs to this file: yes"_s,
                                    u"Signature: valid"_s, u"Kubernetes (r)"_s})
            QVERIFY2(dialog->facts().contains(fact),
                     qPrintable(fact + u" in\n"_s + dialog->facts()));
        token->setPlainText(tokenFor(u"Elsewhere"_s, u"elsewhere reader"_s));
        QTest::mouseClick(checkButton, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isChecking(); }, 20000));
        QVERIFY2(dialog->verdict().contains(u"not to this file's server"_s),
                 qPrintable(dialog->verdict()));
        QVERIFY(dialog->facts().contains(u"Belongs to this file: no"_s));
        dialog->close();

        // Dropped on the window: checked at once. Another JSON file is not taken.
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(m_files.filePath(u"1password-credentials-elsewhere.json"_s))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(QTest::qWaitFor(
            [&] {
                dialog = nullptr; // the closed one may not be deleted yet
                for (auto *d : m_window->findChildren<CheckCredentialsDialog *>())
                    if (d->isVisible())
                        dialog = d;
                return dialog && !dialog->isChecking() && !dialog->verdict().isEmpty();
            },
            20000));
        QCOMPARE(dialog->verdict(), u"The file is good."_s);
        QVERIFY(dialog->facts().contains(u"\"Elsewhere\""_s));
        QVERIFY(!CredentialsCommands::isCredentialsFileName(u"/tmp/settings.json"_s));
        dialog->close();
    }

    // Servers → Renew credentials…: says how many tokens stop matching, rotates them when
    // asked, and the new file goes straight into the save dialog; the old file is no longer
    // in force.
    void renewCredentialsAndRotateItsTokens()
    {
        serverWithFile(u"Renewed"_s, u"1password-credentials-old.json"_s);
        tokenFor(u"Renewed"_s, u"renewed reader"_s);
        action("actionRefresh")->trigger();
        QVERIFY(settled());
        m_window->showPage(MainWindow::Servers);
        m_window->serversPage()->select(serverId(u"Renewed"_s));
        QTRY_VERIFY(action("actionRenewCredentials")->isEnabled());
        QVERIFY(m_window->findChild<QMenu *>(u"menuServers"_s)
                    ->actions()
                    .contains(action("actionRenewCredentials")));
        action("actionRenewCredentials")->trigger();
        RenewCredentialsDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<RenewCredentialsDialog *>()) != nullptr; },
            5000));
        QVERIFY2(dialog->findChild<QLabel *>(u"staleLabel"_s)
                     ->text()
                     .startsWith(u"1 active token was issued against the old credentials"_s),
                 qPrintable(dialog->findChild<QLabel *>(u"staleLabel"_s)->text()));
        dialog->findChild<QCheckBox *>(u"rotateCheck"_s)->setChecked(true);
        auto *overlap = dialog->findChild<QComboBox *>(u"overlapCombo"_s);
        overlap->setCurrentIndex(overlap->findData(u"0"_s));
        const QString path = m_files.filePath(u"1password-credentials-new.json"_s);
        seams::setNextSaveFileName(path);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(path); }, 20000));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(seams::lastSuggestedPath().endsWith(u"/1password-credentials-renewed.json"_s));
        RevealTokenDialog *reveal = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (reveal = m_window->findChild<RevealTokenDialog *>()) != nullptr; },
            20000));
        const QString newJwt = reveal->shownToken();
        QTRY_VERIFY(m_window->messageBar()->text().contains(u"Replaced 1 token(s)"_s));
        QVERIFY(m_window->messageBar()->text().contains(path));
        seams::setNextAnswer(QMessageBox::Discard);
        reveal->close();

        // The old file is no longer in force; the new one is, with the new token.
        CredentialsCommands *commands = m_window->findChild<CredentialsCommands *>();
        CheckCredentialsDialog *check =
            commands->checkFile(m_files.filePath(u"1password-credentials-old.json"_s));
        QVERIFY(QTest::qWaitFor([&] { return !check->isChecking(); }, 20000));
        QVERIFY2(check->verdict().contains(u"not the credentials file in force"_s),
                 qPrintable(check->verdict()));
        check->close();
        check = commands->checkFile({});
        check->findChild<QPlainTextEdit *>(u"tokenEdit"_s)->setPlainText(newJwt);
        check->setFile(path);
        check->check();
        QVERIFY(QTest::qWaitFor([&] { return !check->isChecking(); }, 20000));
        QCOMPARE(check->verdict(), u"The file and the token are good."_s);
        check->close();
    }

    // Tokens → Export expiry calendar…: an .ics (0600) with one event per token that ends
    // within 90 days; the sandbox's "staging deploy" (90 d) and "staging monitoring" (5 d).
    void exportTheExpiryCalendar()
    {
        QAction *calendar = action("actionExportCalendar");
        QVERIFY(calendar && calendar->isEnabled());
        QVERIFY(m_window->findChild<QMenu *>(u"menuTokens"_s)->actions().contains(calendar));
        const QString path = m_files.filePath(u"expiry.ics"_s);
        seams::setNextSaveFileName(path);
        calendar->trigger();
        QVERIFY(seams::lastSuggestedPath().endsWith(u"/connect-token-expiry.ics"_s));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ics = f.readAll();
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        QCOMPARE(ics.count("BEGIN:VEVENT\r\n"), 2);
        const QByteArray unfolded = QByteArray(ics).replace("\r\n ", "");
        QVERIFY(unfolded.contains("staging monitoring") && unfolded.contains("staging deploy"));
        QVERIFY(!unfolded.contains("ci pipeline")); // never expires
        QVERIFY2(m_window->messageBar()->text().startsWith(u"Wrote 2 event(s)"_s),
                 qPrintable(m_window->messageBar()->text()));
    }

    // File → Export configuration… and File → Compare with file… (access as code): the export
    // compares as "no differences"; an edited file stages its vault access cells on the
    // matrix and lists the rest with check boxes (a new server and what needs it go
    // together); Apply hands over the new server's credentials and the new token once.
    void exportAndCompareWithAFile()
    {
        const QString path = m_files.filePath(u"connect.yaml"_s);
        seams::setNextSaveFileName(path);
        action("actionExportConfiguration")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->messageBar()->text().startsWith(u"Saved the"_s), 20000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray yaml = file.readAll();
        file.close();
        QVERIFY(yaml.startsWith("version: 1\n"));
        QVERIFY(!yaml.contains("eyJ")); // never a JWT

        ConfigFileCommands *commands = m_window->configFileCommands();
        seams::setNextSaveFileName(path); // the open dialog's answer
        action("actionCompareWithFile")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->text(),
                                  u"No differences: the account matches connect.yaml."_s, 20000);
        QVERIFY(!commands->changesDialog());

        // Rename "CI runners" and grant it Kubernetes (a cell); a new token on the staging
        // cluster that needs CI Secrets there (that grant stays with the token); a new server.
        auto edit = [&yaml](const QByteArray &from, const QByteArray &to) {
            if (yaml.count(from) != 1)
                return false;
            yaml.replace(from, to);
            return true;
        };
        QVERIFY(edit("  - name: CI runners\n", "  - name: CI\n"));
        QVERIFY(edit("      - CI Secrets\n    tokens:",
                     "      - CI Secrets\n      - Kubernetes\n    tokens:"));
        QVERIFY(edit("      - Kubernetes\n      - Staging\n",
                     "      - CI Secrets\n      - Kubernetes\n      - Staging\n"));
        QVERIFY(edit("      - name: staging deploy\n", "      - name: audit reader\n"
                                                       "        vaults:\n"
                                                       "          CI Secrets: r\n"
                                                       "        expires_in: 30d\n"
                                                       "      - name: staging deploy\n"));
        QVERIFY(edit("servers:\n", "servers:\n  - name: Edge\n    vaults:\n      - Vendors\n"));
        const QString edited = m_files.filePath(u"edited.yaml"_s);
        QFile out(edited);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(yaml);
        out.close();

        VaultAccessModel *access = m_workspace->access();
        QCOMPARE(access->pendingCount(), 0);
        commands->compareWithFile(edited);
        FileChangesDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = commands->changesDialog()) != nullptr; },
                                20000));
        // The cell is staged on the matrix, one undo step, with the review panel open.
        QCOMPARE(access->pendingCount(), 1);
        const QList<GrantChange> staged = access->pendingChanges();
        QCOMPARE(staged.first().serverId, serverId(u"CI runners"_s));
        QCOMPARE(staged.first().vaultId, vaultId(u"Kubernetes"_s));
        QCOMPARE(access->undoStack()->undoText(), u"Changes from edited.yaml"_s);
        QCOMPARE(m_window->currentPageIndex(), MainWindow::VaultAccess);
        QVERIFY2(dialog->summary().contains(u"1 vault access change from the file is staged"_s),
                 qPrintable(dialog->summary()));
        QStringList lines;
        QListWidget *list = dialog->list();
        for (int row = 0; row < list->count(); ++row)
            lines.append(list->item(row)->text());
        auto rowOf = [&lines](const QString &start) {
            for (int i = 0; i < lines.size(); ++i)
                if (lines.at(i).startsWith(start))
                    return i;
            return -1;
        };
        const int create = rowOf(u"+ create the server \"Edge\""_s);
        const int rename = rowOf(u"~ rename"_s);
        const int token = rowOf(u"+ issue the token \"audit reader\""_s);
        const int needed = rowOf(u"+ grant the vault \"CI Secrets\" to the server \"Staging"_s);
        QVERIFY2(create >= 0 && rename >= 0 && token >= 0 && needed >= 0,
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(rowOf(u"+ grant the vault \"Kubernetes\""_s) < 0, qPrintable(lines.join(u'\n')));
        QCOMPARE(dialog->applyButton()->text(), u"&Apply %1 changes"_s.arg(lines.size()));
        // Unticking the new server unticks its vault grant; ticking the grant ticks it again.
        const int edgeGrant = rowOf(u"+ grant the vault \"Vendors\" to the server \"Edge\""_s);
        list->item(create)->setCheckState(Qt::Unchecked);
        if (edgeGrant >= 0) {
            QCOMPARE(list->item(edgeGrant)->checkState(), Qt::Unchecked);
            list->item(edgeGrant)->setCheckState(Qt::Checked);
            QCOMPARE(list->item(create)->checkState(), Qt::Checked);
        } else {
            list->item(create)->setCheckState(Qt::Checked);
        }
        QCOMPARE(dialog->request().changes.size(), lines.size());

        // Apply: the credentials file is asked for at once, the token shown once.
        const QString credentials = m_files.filePath(u"edge.json"_s);
        seams::setNextSaveFileName(credentials);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        RevealTokenDialog *reveal = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (reveal = m_window->findChild<RevealTokenDialog *>()) != nullptr; },
            20000));
        QCOMPARE(reveal->tokenCount(), 1);
        const QJsonObject claims = claimsOf(reveal->shownToken());
        QCOMPARE(claims.value(u"exp"_s).toInteger() - claims.value(u"iat"_s).toInteger(),
                 30 * 86400);
        const QJsonArray vaults = claims.value(u"1password.com/vts"_s).toArray();
        QCOMPARE(vaults.size(), 1);
        QCOMPARE(vaults.first()[u"u"_s].toString(), vaultId(u"CI Secrets"_s));
        QFile saved(credentials);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(saved.readAll()).object().contains(u"verifier"_s));
        QCOMPARE(saved.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        seams::setNextSaveFileName(m_files.filePath(u"audit-reader.jwt"_s));
        QTest::mouseClick(reveal->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
        QVERIFY(reveal->close());
        QVERIFY(settled());
        QVERIFY(!serverId(u"CI"_s).isEmpty() && !serverId(u"Edge"_s).isEmpty());
        QVERIFY(serverId(u"CI runners"_s).isEmpty());
        // The staged cell survived the reload; applied with the usual Apply, the account
        // matches the file.
        QCOMPARE(access->pendingCount(), 1);
        action("actionApply")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(access->pendingCount(), 0, 20000);
        QVERIFY(settled());
        commands->compareWithFile(edited);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->text(),
                                  u"No differences: the account matches edited.yaml."_s, 20000);
    }

    // Someone changes the account between the comparison and Apply: nothing is applied and
    // the dialog says so and offers to compare again.
    void fileChangesAreRefusedAfterTheAccountChanged()
    {
        const QString path = m_files.filePath(u"drift.yaml"_s);
        seams::setNextSaveFileName(path);
        action("actionExportConfiguration")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->messageBar()->text().startsWith(u"Saved the"_s), 20000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray yaml = file.readAll();
        QCOMPARE(yaml.count("  - name: CI runners\n"), 1);
        file.resize(0);
        file.write(QByteArray(yaml).replace("  - name: CI runners\n", "  - name: CI\n"));
        file.close();
        ConfigFileCommands *commands = m_window->configFileCommands();
        commands->compareWithFile(path);
        FileChangesDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = commands->changesDialog()) != nullptr; },
                                20000));
        QCOMPARE(dialog->list()->count(), 1);
        QCOMPARE(dialog->applyButton()->text(), u"&Apply 1 change"_s);
        const QString staging = serverId(u"Staging cluster"_s);
        QCOMPARE(
            m_http->patch(u"/v1/connect/servers/"_s + staging, {{u"name"_s, u"Staging"_s}}).status,
            200);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->compareAgainButton()->isVisible(), 20000);
        QVERIFY2(dialog->summary().contains(u"changed since the comparison"_s),
                 qPrintable(dialog->summary()));
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->applyButton()->isEnabled()); // the plan is out of date
        const Reply servers = m_http->get(u"/v1/connect/servers"_s);
        QVERIFY(QJsonDocument(servers.json).toJson().contains("CI runners")); // not renamed
        dialog->close();
    }

    // A file with mistakes: each is listed with its line and column; nothing is staged.
    void compareWithAFileThatHasErrors()
    {
        const QString path = m_files.filePath(u"broken.yaml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("version: 1\n"
                   "servers:\n"
                   "  - name: CI runners\n"
                   "    vaults:\n"
                   "      - CI Secrets\n"
                   "      - No such vault\n"
                   "    tokens:\n"
                   "      - name: t\n"
                   "        vaults:\n"
                   "          CI Secrets: rwx\n");
        file.close();
        ConfigFileCommands *commands = m_window->configFileCommands();
        commands->compareWithFile(path);
        FileChangesDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = commands->changesDialog()) != nullptr; },
                                20000));
        QCOMPARE(dialog->list()->count(), 1);
        QVERIFY2(dialog->list()->item(0)->text().startsWith(u"broken.yaml:10:23: "_s),
                 qPrintable(dialog->list()->item(0)->text()));
        QVERIFY(!dialog->applyButton()->isVisible());
        QVERIFY(dialog->compareAgainButton()->isVisible());
        // The access word fixed, the file names a vault the account doesn't have.
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray text = file.readAll().replace(": rwx", ": rw");
        file.resize(0);
        file.write(text);
        file.close();
        QTest::mouseClick(dialog->compareAgainButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor(
            [&] { return commands->changesDialog() && commands->changesDialog() != dialog; },
            20000));
        dialog = commands->changesDialog();
        QCOMPARE(dialog->list()->count(), 1);
        QVERIFY2(dialog->list()->item(0)->text().startsWith(u"broken.yaml:6:9: "_s),
                 qPrintable(dialog->list()->item(0)->text()));
        QVERIFY(dialog->summary().contains(u"nothing was staged or applied"_s));
        QCOMPARE(m_workspace->access()->pendingCount(), 0);
        dialog->close();
    }

    // Preferences → reminder days: the reminder counts the active tokens expiring that soon
    // and "Show them" opens exactly those; "Never" says nothing.
    void remindsOfTokensThatExpireSoon()
    {
        MessageBar *bar = m_window->messageBar();
        // The sandbox's "staging monitoring" expires in 5 days: the first load said so.
        QCOMPARE(bar->text(), u"1 active token expires within 7 days."_s);
        QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
        auto setDays = [this](int days) {
            action("actionPreferences")->trigger();
            PreferencesDialog *dialog = nullptr;
            QVERIFY(QTest::qWaitFor(
                [&] { return (dialog = m_window->findChild<PreferencesDialog *>()) != nullptr; },
                5000));
            dialog->reminderDaysBox()->setValue(days);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
            QTRY_VERIFY(!m_window->findChild<PreferencesDialog *>());
        };
        bar->dismiss();
        setDays(3); // nothing expires within 3 days
        QCOMPARE(preferences::reminderDays(), 3);
        QVERIFY(!bar->isShowing());
        auto *stateCombo = m_window->tokensPage()->findChild<QComboBox *>(u"stateCombo"_s);
        QVERIFY(stateCombo->findText(u"Expiring within 3 days"_s) >= 0);

        setDays(6);
        QCOMPARE(bar->text(), u"1 active token expires within 6 days."_s);
        m_window->tokensPage()->setText(u"ci"_s); // a filter that would hide it
        QPushButton *show = nullptr;
        for (QPushButton *b : bar->findChildren<QPushButton *>())
            if (b->text() == u"Show them"_s)
                show = b;
        QVERIFY(show && show->isVisible());
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(m_window->currentPageIndex(), MainWindow::Tokens);
        QCOMPARE(stateCombo->currentText(), u"Expiring within 6 days"_s);
        TokenFilterProxy *shown = m_window->tokensPage()->proxy();
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, TokenModel::Name).data().toString(), u"staging monitoring"_s);

        bar->dismiss();
        setDays(0);
        QCOMPARE(preferences::reminderDays(), 0);
        QVERIFY(!bar->isShowing());
        QVERIFY(QKeySequence(u"Ctrl+,"_s) == action("actionPreferences")->shortcut());
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
        table->setCurrentIndex(table->model()->index(operations, GroupPermissionModel::AllServers));
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

    void toolBarKeepsSignOutInViewWhenNarrow()
    {
        // Wide: every button with its label. Narrow (German at 1024 px is as long as English
        // at 800): the labels go, Undo and Redo first, and Sign out stays on the bar
        // instead of behind "»".
        auto *toolBar = m_window->findChild<QToolBar *>(u"toolBar"_s);
        QVERIFY(toolBar);
        const auto button = [&](const char *name) {
            return qobject_cast<QToolButton *>(toolBar->widgetForAction(action(name)));
        };
        m_window->resize(1600, 760);
        QTRY_COMPARE(m_window->width(), 1600);
        for (const char *name : {"actionRefresh", "actionUndo", "actionApply", "actionSignOut"})
            QCOMPARE(button(name)->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);

        m_window->resize(700, 600); // its minimum width, a little more
        QTRY_VERIFY(m_window->width() < 800);
        QCOMPARE(button("actionUndo")->toolButtonStyle(), Qt::ToolButtonIconOnly);
        QTRY_VERIFY(button("actionSignOut")->isVisible());
        QVERIFY(toolBar->rect().contains(button("actionSignOut")->geometry()));
        QVERIFY(!button("actionSignOut")->toolTip().isEmpty());

        m_window->resize(1600, 760);
        QTRY_COMPARE(button("actionRefresh")->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    }

    void aStateColumnIsWideEnoughForStatesThatComeLater()
    {
        // Fitted while every token is "Aktiv", the column still shows "Widerrufen" whole
        // after a revoke: it is sized for each text it can show, not only the ones it shows.
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({u"Name"_s, u"State"_s});
        model.setItem(0, 0, new QStandardItem(u"ci"_s));
        model.setItem(0, 1, new QStandardItem(u"Aktiv"_s));
        QTableView table;
        table.setModel(&model);
        const QString later = u"Widerrufen, abgelaufen"_s;
        ColumnWidths columns(&table, u"test-states"_s, {-1, {}, {}, {{1, {u"Aktiv"_s, later}}}});
        columns.fitOnce();
        const int margins = 2 * (table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
        QVERIFY2(table.horizontalHeader()->sectionSize(1) >=
                     table.fontMetrics().horizontalAdvance(later) + margins,
                 qPrintable(QString::number(table.horizontalHeader()->sectionSize(1))));
        // The widest value, not every column: the name column keeps its own width.
        QVERIFY(table.horizontalHeader()->sectionSize(0) <
                table.fontMetrics().horizontalAdvance(later));
        // And the Tokens page says which states its State column can show.
        QTableView *tokens = m_window->tokensPage()->table();
        QVERIFY(
            tokens->horizontalHeader()->sectionSize(TokenModel::State) >=
            tokens->fontMetrics().horizontalAdvance(TokenModel::stateText(TokenState::Revoked)) +
                margins);
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

    void emptyTablesSayWhy()
    {
        // A filter that matches nothing says so over the table instead of a blank area.
        const auto check = [](QWidget *page, QTableView *table, const QString &expected) {
            auto *filter = page->findChild<QLineEdit *>(u"filterEdit"_s);
            auto *label = table->viewport()->findChild<QLabel *>(u"emptyText"_s);
            QVERIFY(filter && label);
            QVERIFY(label->isHidden());
            filter->setText(u"no such thing anywhere"_s);
            QTRY_VERIFY(label->isVisibleTo(page));
            QCOMPARE(label->text(), expected);
            filter->clear();
            QTRY_VERIFY(label->isHidden());
        };
        check(m_window->serversPage(), m_window->serversPage()->table(),
              u"No server matches the filter."_s);
        m_window->showPage(MainWindow::Tokens);
        check(m_window->tokensPage(), m_window->tokensPage()->table(),
              u"No token matches the filters."_s);
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
        for (auto page : {MainWindow::Servers, MainWindow::Tokens, MainWindow::VaultAccess,
                          MainWindow::Activity}) {
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

    // A 1024x640 window stays that size on every page: no row of a page asks for more, so
    // nothing widens the window (and moves) when a page is shown.
    void theSmallWindowKeepsItsSizeOnEveryPage()
    {
        m_window->resize(1024, 640);
        for (auto page : {MainWindow::Servers, MainWindow::Tokens, MainWindow::VaultAccess,
                          MainWindow::GroupPermissions, MainWindow::Activity}) {
            m_window->showPage(page);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
            QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
                     qPrintable(u"page %1 needs %2 px"_s.arg(int(page)).arg(
                         m_window->minimumSizeHint().width())));
            QCOMPARE(m_window->size(), QSize(1024, 640));
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

    void copyRowsAndIdsFromEveryTable()
    {
        // Servers: two rows selected, Ctrl+C gives a header of the visible columns (the ID
        // column is hidden) and one tab-separated line per row.
        m_window->showPage(MainWindow::Servers);
        ServersPage *page = m_window->serversPage();
        QTableView *table = page->table();
        const QString ci = serverId(u"CI runners"_s), staging = serverId(u"Staging cluster"_s);
        page->select(ci);
        const QModelIndex stagingRow =
            table->model()
                ->match(table->model()->index(0, ServerModel::Name), Qt::DisplayRole,
                        u"Staging cluster"_s, 1, Qt::MatchExactly)
                .value(0);
        QVERIFY(stagingRow.isValid());
        table->selectionModel()->select(stagingRow,
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList header = lines.at(0).split(u'\t');
        QCOMPARE(header.value(0), u"Name"_s);
        QVERIFY(header.contains(u"Vaults"_s));
        QVERIFY(!header.contains(u"ID"_s)); // hidden columns stay out
        QCOMPARE(lines.at(1).split(u'\t').size(), header.size());
        QStringList names{lines.at(1).section(u'\t', 0, 0), lines.at(2).section(u'\t', 0, 0)};
        names.sort();
        QCOMPARE(names, QStringList({u"CI runners"_s, u"Staging cluster"_s}));
        QTRY_COMPARE(m_window->messageBar()->text(), u"Copied 2 rows."_s);

        // Copy ID with both selected: one ID per line.
        QVERIFY(action("actionCopyId")->isEnabled());
        action("actionCopyId")->trigger();
        QStringList ids = QGuiApplication::clipboard()->text().split(u'\n');
        ids.sort();
        QStringList expected{displayId(ci, IdKind::Server), displayId(staging, IdKind::Server)};
        expected.sort();
        QCOMPARE(ids, expected);
        // Rename and Delete still need exactly one.
        QVERIFY(!action("actionRename")->isEnabled());

        // The matrix: the server names head the rows, check boxes read as yes/no.
        m_window->showPage(MainWindow::VaultAccess);
        QTableView *matrix = m_window->vaultAccessPage()->table();
        matrix->setCurrentIndex(matrix->model()->index(0, 0));
        matrix->setFocus();
        QTest::keyClick(matrix, Qt::Key_C, Qt::ControlModifier);
        lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(u"Server\t"_s));
        const QStringList cells = lines.at(1).split(u'\t');
        QCOMPARE(cells.value(0), matrix->model()->headerData(0, Qt::Vertical).toString());
        QCOMPARE(cells.size(), matrix->model()->columnCount() + 1);
        QVERIFY(cells.at(1) == u"yes" || cells.at(1) == u"no");
    }

    void exportWhatTheTableShowsAsCsv()
    {
        // A name that needs quoting, and a filter: only the shown row is written.
        QCOMPARE(
            m_http->post(u"/v1/connect/servers"_s, {{u"name"_s, u"Prod \"blue\", eu"_s}}).status,
            201);
        action("actionRefresh")->trigger();
        QVERIFY(
            QTest::qWaitFor([&] { return !serverId(u"Prod \"blue\", eu"_s).isEmpty(); }, 20000));
        QVERIFY(settled());
        m_window->showPage(MainWindow::Servers);
        auto *filter = m_window->serversPage()->findChild<QLineEdit *>(u"filterEdit"_s);
        filter->setText(u"blue"_s);
        QTRY_COMPARE(m_window->serversPage()->table()->model()->rowCount(), 1);
        const QString path = m_files.filePath(u"servers.csv"_s);
        seams::setNextSaveFileName(path);
        QVERIFY(action("actionExportCsv")->isEnabled());
        action("actionExportCsv")->trigger();
        QVERIFY(seams::lastSuggestedPath().endsWith(u"servers.csv"_s));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(u"Name,Vaults,"_s));
        QVERIFY2(lines.at(1).startsWith(u"\"Prod \"\"blue\"\", eu\","_s), qPrintable(lines.at(1)));
        QVERIFY(m_window->messageBar()->text().contains(u"Exported 1 row"_s));

        // An existing file is replaced only after asking.
        seams::setNextSaveFileName(path);
        seams::setNextAnswer(QMessageBox::Cancel);
        filter->clear();
        QTRY_VERIFY(m_window->serversPage()->table()->model()->rowCount() > 1);
        action("actionExportCsv")->trigger();
        QVERIFY(file.seek(0));
        QCOMPARE(QString::fromUtf8(file.readAll()).count(u"\r\n"_s), 2);

        // The same on the group grid, whose group names head the rows.
        m_window->showPage(MainWindow::GroupPermissions);
        const QString groups = m_files.filePath(u"groups.csv"_s);
        seams::setNextSaveFileName(groups);
        action("actionExportCsv")->trigger();
        QFile groupFile(groups);
        QVERIFY(groupFile.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(groupFile.readAll());
        QVERIFY(csv.startsWith(u"Group,Manager,All servers,"_s));
        QCOMPARE(csv.count(u"\r\n"_s), m_workspace->groupPermissions()->rowCount() + 1);
    }

    void csvFieldsAreQuotedWhenTheyMustBe()
    {
        QCOMPARE(TableExport::csvField(u"plain"_s), u"plain"_s);
        QCOMPARE(TableExport::csvField(u"a,b"_s), u"\"a,b\""_s);
        QCOMPARE(TableExport::csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
        QCOMPARE(TableExport::csvField(u"two\nlines"_s), u"\"two\nlines\""_s);
    }

    void helpListsEveryShortcutFromTheActions()
    {
        action("actionShortcuts")->trigger();
        ShortcutsDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<ShortcutsDialog *>()) != nullptr; }, 5000));
        QTableWidget *table = dialog->table();
        QMap<QString, QString> shown;
        for (int r = 0; r < table->rowCount(); ++r)
            shown.insert(table->item(r, 0)->text(), table->item(r, 1)->text());
        QCOMPARE(shown.value(u"Refresh"_s),
                 QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText));
        QCOMPARE(shown.value(u"Copy rows"_s),
                 QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText));
        // Every action of the window that has a shortcut is listed with it, and nothing else.
        int withShortcut = 0;
        for (const QAction *a : m_window->findChildren<QAction *>()) {
            if (a->shortcut().isEmpty())
                continue;
            ++withShortcut;
            QString text = a->text();
            text.remove(u'&').remove(u'…');
            QVERIFY2(shown.value(text.trimmed()) ==
                         a->shortcut().toString(QKeySequence::NativeText),
                     qPrintable(text));
        }
        QVERIFY(withShortcut > 15);
        QVERIFY(table->rowCount() <= withShortcut);
        // A shortcut changed at run time shows the next time: the list is not a copy.
        dialog->close();
        action("actionDiscard")->setShortcut(QKeySequence(u"Ctrl+Shift+D"_s));
        bool listed = false;
        for (const auto &[text, keys] : ShortcutsDialog::shortcuts(m_window.get()))
            listed |= text == u"Discard changes" &&
                      keys == QKeySequence(u"Ctrl+Shift+D"_s).toString(QKeySequence::NativeText);
        QVERIFY(listed);

        // The handbook is built in and names the pages.
        action("actionHandbook")->trigger();
        HandbookDialog *handbook = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (handbook = m_window->findChild<HandbookDialog *>()) != nullptr; }, 5000));
        for (const char *topic : {"Servers", "Tokens", "Vault access", "Group permissions"})
            QVERIFY2(handbook->text().contains(QLatin1String(topic)), topic);
        handbook->close();
        QVERIFY(action("actionAboutQt")->isEnabled());
    }

    void groupGridFiltersAndKeepsGroupNamesInView()
    {
        // Enough servers that the grid scrolls sideways.
        for (int i = 0; i < 40; ++i)
            QCOMPARE(
                m_http->post(u"/v1/connect/servers"_s, {{u"name"_s, u"edge %1"_s.arg(i)}}).status,
                201);
        action("actionRefresh")->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !serverId(u"edge 39"_s).isEmpty(); }, 20000));
        QVERIFY(settled());
        m_window->showPage(MainWindow::GroupPermissions);
        GroupPermissionsPage *page = m_window->groupPermissionsPage();
        QTableView *table = page->table();
        auto *filter = page->findChild<QLineEdit *>(u"filterEdit"_s);
        QVERIFY(filter->isVisible());

        // Ctrl+F goes to the filter; typing keeps the matching groups, any case.
        table->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"OPERA"_s); // not Developers
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->headerData(0, Qt::Vertical).toString(), u"Operations"_s);
        QCOMPARE(table->model()->columnCount(), m_workspace->groupPermissions()->columnCount());
        // A change made through the filtered grid reaches the right group.
        table->setCurrentIndex(table->model()->index(0, GroupPermissionModel::Manager));
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->messageBar()->text().contains(u"\"Operations\""_s); }, 20000));
        filter->clear();
        QTRY_COMPARE(table->model()->rowCount(), m_workspace->groupPermissions()->rowCount());

        // Scrolled to the last server, the group names are still where they were.
        QScrollBar *bar = table->horizontalScrollBar();
        QVERIFY(bar->maximum() > 0);
        const QPoint names = table->verticalHeader()->mapTo(m_window.get(), QPoint(0, 0));
        bar->setValue(bar->maximum());
        QVERIFY(table->verticalHeader()->isVisible());
        QVERIFY(table->verticalHeader()->width() > 20);
        QCOMPARE(table->verticalHeader()->mapTo(m_window.get(), QPoint(0, 0)), names);
        QVERIFY(table->columnViewportPosition(0) < 0); // the first column did scroll away
    }

    void tokensServerFilterIsSearchable()
    {
        m_window->showPage(MainWindow::Tokens);
        TokensPage *page = m_window->tokensPage();
        auto *combo = page->findChild<QComboBox *>(u"serverCombo"_s);
        QVERIFY(combo->isEditable());
        QCompleter *completer = combo->completer();
        QVERIFY(completer);
        // Part of a name, in another case, finds it.
        combo->lineEdit()->clear();
        combo->lineEdit()->setFocus();
        QTest::keyClicks(combo->lineEdit(), u"CLUSTER"_s);
        QTRY_COMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), u"Staging cluster"_s);
        QTRY_VERIFY(completer->popup()->isVisible());
        completer->popup()->setCurrentIndex(completer->completionModel()->index(0, 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(combo->currentData().toString(), serverId(u"Staging cluster"_s));
        QTRY_COMPARE(page->table()->model()->rowCount(), 2); // its two tokens
        // Text that names no server goes back to the chosen one.
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), u"no such server"_s);
        QTest::keyClick(combo->lineEdit(), Qt::Key_Tab);
        QTRY_COMPARE(combo->currentText(), u"Staging cluster"_s);
        QCOMPARE(combo->currentData().toString(), serverId(u"Staging cluster"_s));
    }

    void secretsOnTheClipboardAreMarkedAndClearedOnQuit()
    {
        const Token token = m_workspace->tokens()->items().value(0);
        const QString jwt = u"eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl"_s;
        auto *reveal = new RevealTokenDialog(jwt, token, m_workspace->directory(), m_window.get());
        reveal->setAttribute(Qt::WA_DeleteOnClose);
        reveal->show();
        QVERIFY(QTest::qWaitForWindowExposed(reveal));
        auto marked = [] {
            const QMimeData *data = QGuiApplication::clipboard()->mimeData();
            return data && data->data(QLatin1String(ClipboardGuard::hintFormat())) == "secret";
        };
        // Copy: marked for clipboard managers.
        QTest::mouseClick(reveal->findChild<QPushButton *>(u"copyButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), jwt);
        QVERIFY(marked());
        // Something else copied: not a secret, not marked.
        QGuiApplication::clipboard()->setText(u"hello"_s);
        QVERIFY(!marked());
        // Ctrl+C in the field that shows the token: marked too.
        auto *field = reveal->findChild<QPlainTextEdit *>(u"tokenEdit"_s);
        QVERIFY(field);
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), jwt);
        QVERIFY(marked());
        // Quitting (closing the window) takes it off the clipboard…
        reveal->close();
        m_window->close();
        QCOMPARE(QGuiApplication::clipboard()->text(), QString());
        // …but never what the user copied after it.
        ClipboardGuard::instance()->copySecret(jwt);
        QGuiApplication::clipboard()->setText(u"mine"_s);
        ClipboardGuard::instance()->clearNow();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"mine"_s);
    }

    void everyFocusableWidgetHasAnAccessibleNameAndDescription()
    {
        // Walk Qt's accessibility tree of the window on every page, as a screen reader would.
        // Each also says what it is for (its description: what a sighted user reads in the
        // tooltip), beyond its name.
        QStringList unnamed;
        QStringList undescribed;
        std::function<void(QAccessibleInterface *, int)> walk = [&](QAccessibleInterface *node,
                                                                    int depth) {
            if (!node || depth > 40)
                return;
            auto *widget = qobject_cast<QWidget *>(node->object());
            const bool cell = node->role() == QAccessible::Cell ||
                              node->role() == QAccessible::ColumnHeader ||
                              node->role() == QAccessible::RowHeader;
            const bool focusable = widget && !cell && widget->isVisibleTo(m_window.get()) &&
                                   widget->focusPolicy() != Qt::NoFocus && widget->isEnabled();
            const QString what =
                focusable ? u"%1 (%2)"_s.arg(widget->objectName(),
                                             QLatin1String(widget->metaObject()->className()))
                          : QString();
            if (focusable && node->text(QAccessible::Name).trimmed().isEmpty())
                unnamed.append(what);
            if (focusable && node->text(QAccessible::Description).trimmed().isEmpty())
                undescribed.append(what);
            if (cell) // thousands of cells: their text is checked below
                return;
            for (int i = 0; i < node->childCount(); ++i)
                walk(node->child(i), depth + 1);
        };
        for (auto page : {MainWindow::Servers, MainWindow::Tokens, MainWindow::VaultAccess,
                          MainWindow::GroupPermissions, MainWindow::Activity}) {
            m_window->showPage(page);
            walk(QAccessible::queryAccessibleInterface(m_window.get()), 0);
        }
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
        undescribed.removeDuplicates();
        QVERIFY2(undescribed.isEmpty(),
                 qPrintable(u"no description: "_s + undescribed.join(u", "_s)));
    }

    void matrixCellsSayRowColumnAndStateNotOnlyByColour()
    {
        m_window->showPage(MainWindow::VaultAccess);
        QTableView *table = m_window->vaultAccessPage()->table();
        VaultAccessModel *model = m_workspace->access();
        auto *proxy = m_window->vaultAccessPage()->proxy();
        const QModelIndex source = model->index(model->rowOf(serverId(u"Staging cluster"_s)),
                                                model->columnOf(vaultId(u"Kubernetes"_s)));
        const QModelIndex cell = proxy->mapFromSource(source);
        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(table);
        QVERIFY(view && view->tableInterface());
        auto spoken = [&] {
            return view->tableInterface()
                ->cellAt(cell.row(), cell.column())
                ->text(QAccessible::Name);
        };
        QCOMPARE(spoken(), u"Kubernetes on Staging cluster: granted"_s);
        QCOMPARE(cell.data().toString(), QString()); // nothing staged: no mark
        table->setCurrentIndex(cell);
        QTest::keyClick(table, Qt::Key_Space); // stage a revoke
        QCOMPARE(spoken(), u"Kubernetes on Staging cluster: granted, staged to revoke"_s);
        QCOMPARE(cell.data().toString(), u"\u2212"_s); // a mark, not only red
        const QModelIndex add = proxy->mapFromSource(model->index(
            model->rowOf(serverId(u"CI runners"_s)), model->columnOf(vaultId(u"Kubernetes"_s))));
        table->setCurrentIndex(add);
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(add.data().toString(), u"+"_s);
        QVERIFY(view->tableInterface()
                    ->cellAt(add.row(), add.column())
                    ->text(QAccessible::Name)
                    .endsWith(u"not granted, staged to grant"_s));
        // The column fits the check box and the mark.
        QVERIFY(table->columnWidth(cell.column()) >=
                table->style()->pixelMetric(QStyle::PM_IndicatorWidth) +
                    table->fontMetrics().horizontalAdvance(QChar(0x2212)));
        action("actionDiscard")->trigger();
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
