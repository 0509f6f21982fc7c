// Takes screenshots from the real program: a MainWindow against a fresh local sandbox (the
// service started as a child process), on every page and in the states a user meets — a few
// edits staged with the review panel open, the message bar after an apply, the new-token and
// rotate dialogs. Run by scripts/screenshots.sh under Xvfb (which also runs it at 2x and in
// German for the visual tour); not a test.
//   take-screenshots <output folder> [--dark] [--small]
// --dark: Fusion with a dark palette; --small: a 1024x640 window. The language follows the
// locale (LANGUAGE=de gives German), as in connect-admin.
#include "DarkPalette.h"
#include "client/AuditDiff.h"
#include "client/CredentialStore.h"
#include "gui/ActivityCommands.h"
#include "gui/ActivityPage.h"
#include "gui/CheckCredentialsDialog.h"
#include "gui/ClipboardGuard.h"
#include "gui/CompareDialog.h"
#include "gui/ConfigFileCommands.h"
#include "gui/ContrastStyle.h"
#include "gui/FileChangesDialog.h"
#include "gui/GroupPermissionsPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/NewServerDialog.h"
#include "gui/NewTokenDialog.h"
#include "gui/Preferences.h"
#include "gui/ReachDialog.h"
#include "gui/RenewCredentialsDialog.h"
#include "gui/RevealTokenDialog.h"
#include "gui/RotateTokensDialog.h"
#include "gui/Seams.h"
#include "gui/ServersPage.h"
#include "gui/TokensPage.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace ca;

namespace {
bool waitFor(const std::function<bool()> &condition, int ms = 20000)
{
    return QTest::qWaitFor(condition, ms);
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("connect-admin"));
    QApplication::setOrganizationName(QStringLiteral("connect-admin"));
    const QString out =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(out);
    const QStringList args = QApplication::arguments();
    if (args.contains(QStringLiteral("--dark"))) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(test::darkPalette());
    }
    ContrastStyle::install(); // as connect-admin's main() does
    QTranslator qtTranslator; // Qt's own buttons (Cancel) as connect-admin shows them
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("connect-admin"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QTemporaryDir data;

    FallbackCredentialStore store;
    Workspace workspace(&store);
    MainWindow window(&workspace);
    if (args.contains(QStringLiteral("--small")))
        window.resize(1024, 640);
    else
        window.resize(1280, 780);
    window.show();
    MainWindow::StartOptions options;
    options.sandbox = true;
    options.sandboxDir = data.filePath(QStringLiteral("sandbox"));
    window.start(options);
    if (!waitFor([&] {
            return workspace.session()->isSignedIn() && !workspace.lastRefresh().isNull() &&
                   !workspace.isBusy();
        })) {
        qCritical("the sandbox did not come up");
        return 1;
    }
    auto grab = [&](const QString &name) {
        QTest::qWait(300);
        const bool ok = window.grab().save(out + u'/' + name + QStringLiteral(".png"));
        qInfo("%s %s", ok ? "saved" : "FAILED", qPrintable(name));
    };
    auto grabDialog = [&](QWidget *dialog, const QString &name) {
        dialog->show();
        QTest::qWait(300);
        const bool ok = dialog->grab().save(out + u'/' + name + QStringLiteral(".png"));
        qInfo("%s %s", ok ? "saved" : "FAILED", qPrintable(name));
    };
    // The sandbox has a token expiring in 5 days: the reminder is the first message.
    grab(QStringLiteral("expiry-reminder"));
    window.messageBar()->dismiss();

    window.showPage(MainWindow::Servers);
    grab(QStringLiteral("servers"));

    window.showPage(MainWindow::Tokens);
    grab(QStringLiteral("tokens"));

    // Vault access with three staged edits and the review panel open.
    window.showPage(MainWindow::VaultAccess);
    VaultAccessModel *access = workspace.access();
    const int ci = access->rowOf(workspace.servers()->items().at(0).id);
    for (int c = 0; c < access->columnCount() && access->pendingCount() < 2; ++c)
        if (access->isEditable(ci, c) && access->cellState(ci, c) == CellState::NotGranted)
            access->toggle(access->index(ci, c));
    for (int r = 0; r < access->rowCount(); ++r)
        for (int c = 0; c < access->columnCount(); ++c)
            if (access->pendingCount() < 3 && access->cellState(r, c) == CellState::Granted)
                access->toggle(access->index(r, c));
    window.vaultAccessPage()->setReviewVisible(true);
    grab(QStringLiteral("vault-access"));
    // The comparison later shows this apply alone: it starts on the second after the demo
    // account was made (its editors show seconds).
    const QDateTime seeded = QDateTime::currentDateTime();
    waitFor([&] { return QDateTime::currentDateTime() > seeded.addSecs(1); });
    QDateTime beforeApply = QDateTime::currentDateTime();
    beforeApply.setTime(
        QTime(beforeApply.time().hour(), beforeApply.time().minute(), beforeApply.time().second()));
    // Applied: the message bar says so in its one-line slot, nothing moves.
    window.vaultAccessPage()->apply();
    waitFor([&] { return access->pendingCount() == 0 && !workspace.isBusy(); });
    grab(QStringLiteral("vault-access-applied"));
    window.messageBar()->dismiss();

    window.showPage(MainWindow::GroupPermissions);
    grab(QStringLiteral("group-permissions"));

    // Activity: the audit log with its chain line, then the reverse view and the comparison.
    window.showPage(MainWindow::Activity);
    waitFor([&] {
        return window.activityPage()->model()->rowCount() > 0 &&
               window.activityPage()->chainText().contains(QLatin1Char('1'));
    });
    grab(QStringLiteral("activity"));
    // Filtered on the service: the last 7 days (a range of event IDs there) and free text
    // (looked up by its rarest trigrams), then back to everything for what follows.
    if (auto *text = window.activityPage()->findChild<QLineEdit *>(QStringLiteral("filterEdit"))) {
        const int all = window.activityPage()->model()->rowCount();
        window.activityPage()->setRange(ActivityPage::Last7Days);
        text->setText(QStringLiteral("kubernetes"));
        waitFor([&] {
            const int rows = window.activityPage()->model()->rowCount();
            return rows > 0 && rows < all;
        });
        grab(QStringLiteral("activity-filtered"));
        text->clear();
        window.activityPage()->setRange(ActivityPage::AnyTime);
        waitFor([&] { return window.activityPage()->model()->rowCount() == all; });
    }
    auto shoot = [&](QWidget *w, const QString &name) {
        QTest::qWait(300);
        w->grab().save(out + u'/' + name + QStringLiteral(".png"));
        qInfo("saved %s", qPrintable(name));
    };
    if (ReachDialog *reach =
            window.activityCommands()->showVaultReach(QStringLiteral("Kubernetes"))) {
        waitFor([&] { return !reach->isLoading(); });
        shoot(reach, QStringLiteral("who-can-reach"));
        reach->close();
    }
    // The same question for a person: what the signed-in owner administers, through which
    // groups.
    if (ReachDialog *reach =
            window.activityCommands()->showUserReach(workspace.session()->info().user.id)) {
        waitFor([&] { return !reach->isLoading(); });
        shoot(reach, QStringLiteral("what-a-person-administers"));
        reach->close();
    }
    if (CompareDialog *compare = window.activityCommands()->compare()) {
        compare->setRange(beforeApply, QDateTime::currentDateTime().addSecs(60));
        compare->compare();
        waitFor([&] { return !compare->isLoading(); });
        shoot(compare, QStringLiteral("compare"));
        compare->close();
    }

    // File → Compare with file…: the exported configuration, edited (a server renamed and
    // given a vault, a new server): the cell staged on the matrix, the rest in the dialog.
    {
        const QString file = data.filePath(QStringLiteral("connect.yaml"));
        seams::setNextSaveFileName(file);
        window.configFileCommands()->exportConfiguration();
        waitFor([&] { return QFile::exists(file); });
        QFile f(file);
        if (f.open(QIODevice::ReadWrite)) {
            QByteArray yaml = f.readAll();
            // A vault the first server doesn't have yet, granted in the file.
            for (int c = 0; c < access->columnCount(); ++c)
                if (access->isEditable(ci, c) &&
                    access->cellState(ci, c) == CellState::NotGranted) {
                    const QString server = access->serverName(ci);
                    yaml =
                        QString::fromUtf8(yaml)
                            .replace(QRegularExpression(QStringLiteral("(\\n  - name: ") +
                                                        QRegularExpression::escape(server) +
                                                        QStringLiteral("\\n    id: \\S+\\n    "
                                                                       "vaults:\\n)")),
                                     QStringLiteral("\\1      - ") + access->vaultName(c) + u'\n')
                            .toUtf8();
                    break;
                }
            yaml.replace("  - name: CI runners\n", "  - name: CI\n");
            yaml.replace("servers:\n", "servers:\n  - name: Edge\n    vaults:\n      - Vendors\n");
            f.resize(0);
            f.write(yaml);
            f.close();
        }
        window.messageBar()->dismiss();
        window.configFileCommands()->compareWithFile(file);
        waitFor([&] { return window.configFileCommands()->changesDialog() != nullptr; });
        if (FileChangesDialog *changes = window.configFileCommands()->changesDialog()) {
            grab(QStringLiteral("vault-access-from-file"));
            shoot(changes, QStringLiteral("compare-with-file"));
            changes->close();
        }
        access->discardChanges();
    }

    // File → Check a credentials file…: a new server's file, checked offline and against
    // the service.
    {
        std::optional<CreatedServer> created;
        QObject context;
        workspace.client()->createServer(QStringLiteral("Edge checker"),
                                         {QStringLiteral("Vendors")}, &context,
                                         [&](const Result<CreatedServer> &r) {
                                             if (r.ok())
                                                 created = *r;
                                         });
        waitFor([&] { return created.has_value(); });
        const QString file = data.filePath(QStringLiteral("1password-credentials.json"));
        QFile f(file);
        if (created && f.open(QIODevice::WriteOnly)) {
            f.write(QJsonDocument(created->credentials).toJson());
            f.close();
            CheckCredentialsDialog check(&workspace, &window);
            check.show();
            check.setFile(file);
            check.check();
            waitFor([&] { return !check.isChecking(); });
            shoot(&check, QStringLiteral("check-credentials"));
        }
        f.remove();
    }

    // The new-token dialog, filled in as the reference's first example.
    window.showPage(MainWindow::Tokens);
    window.tokensPage()->newToken();
    auto *dialog = window.findChild<NewTokenDialog *>();
    if (dialog) {
        dialog->setName(QStringLiteral("Dev k8s token"));
        dialog->setExpiry(QStringLiteral("30d"));
        QTest::qWait(300);
        dialog->grab().save(out + QStringLiteral("/new-token.png"));
        qInfo("saved new-token");
        dialog->reject();
    }

    // Rotating a token: what the new one carries, and when the old one goes.
    if (workspace.tokens()->rowCount() > 0) {
        RotateTokensDialog rotate({workspace.tokens()->items().constFirst()}, workspace.directory(),
                                  &window);
        rotate.show();
        QTest::qWait(300);
        rotate.grab().save(out + QStringLiteral("/rotate-token.png"));
        qInfo("saved rotate-token");
        rotate.hide();
    }
    // Edit → Preferences.
    {
        PreferencesDialog preferences(&window);
        grabDialog(&preferences, QStringLiteral("preferences"));
    }
    // Two new tokens of a rotation in one list (the JWTs here are placeholders: a screenshot
    // must not show a real one).
    if (workspace.tokens()->rowCount() > 1) {
        const QList<CreatedToken> created{
            {workspace.tokens()->items().at(0), QStringLiteral("eyJhbGciOiJFUzI1NiIs…(example)")},
            {workspace.tokens()->items().at(1), QStringLiteral("eyJhbGciOiJFUzI1NiIs…(example)")}};
        auto *reveal = new RevealTokenDialog(created, workspace.directory(), &window);
        grabDialog(reveal, QStringLiteral("new-tokens-list"));
        delete reveal;
    }

    // Servers → Renew credentials…, for a server with two tokens on the old secret.
    {
        RenewCredentialsDialog renew(QStringLiteral("Staging cluster"), 2, &window);
        grabDialog(&renew, QStringLiteral("renew-credentials"));
    }

    // After a create: New server…, the credentials saved through the save dialog, the message
    // bar saying where.
    {
        window.showPage(MainWindow::Servers);
        window.serversPage()->newServer();
        if (auto *create = window.findChild<NewServerDialog *>()) {
            create->findChild<QLineEdit *>(QStringLiteral("nameEdit"))
                ->setText(QStringLiteral("Kubernetes prod"));
            auto *list = create->findChild<QListWidget *>(QStringLiteral("vaultList"));
            for (int i = 0; list && i < list->count(); ++i)
                if (list->item(i)->text() == u"Kubernetes")
                    list->item(i)->setCheckState(Qt::Checked);
            grabDialog(create, QStringLiteral("new-server"));
            seams::setNextSaveFileName(data.filePath(QStringLiteral("prod-credentials.json")));
            create->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            waitFor([&] { return window.messageBar()->text().contains(u"prod-credentials"); });
            grab(QStringLiteral("servers-after-create"));
            window.messageBar()->dismiss();
        }
    }

    // A conflict: a cell staged here, the same cell granted by someone else meanwhile; the
    // apply is refused, the cell marked, the edit kept.
    {
        window.showPage(MainWindow::VaultAccess);
        QObject context;
        for (int r = 0; r < access->rowCount() && access->pendingCount() == 0; ++r)
            for (int c = 0; c < access->columnCount(); ++c)
                if (access->isEditable(r, c) && access->cellState(r, c) == CellState::NotGranted) {
                    access->toggle(access->index(r, c));
                    bool done = false;
                    workspace.client()->grantVault(access->serverId(r), access->vaultId(c),
                                                   &context,
                                                   [&](const Result<Server> &) { done = true; });
                    waitFor([&] { return done; });
                    break;
                }
        window.vaultAccessPage()->apply();
        waitFor([&] { return access->conflictCount() > 0 && !workspace.isBusy(); });
        grab(QStringLiteral("vault-access-conflict"));
        access->discardChanges();
        window.messageBar()->dismiss();
    }

    // 300 servers, then none: the pages at scale and empty.
    {
        QObject context;
        int made = 0;
        const int existing = workspace.servers()->rowCount();
        for (int i = existing; i < 300; ++i) {
            bool done = false;
            workspace.client()->createServer(
                QStringLiteral("Cluster %1").arg(i, 3, 10, QLatin1Char('0')),
                {QStringLiteral("Kubernetes")}, &context, [&](const Result<CreatedServer> &r) {
                    made += r.ok();
                    done = true;
                });
            waitFor([&] { return done; });
        }
        workspace.refresh();
        waitFor([&] { return workspace.servers()->rowCount() >= 300 && !workspace.isBusy(); });
        window.messageBar()->dismiss();
        window.showPage(MainWindow::Servers);
        grab(QStringLiteral("servers-300"));
        window.showPage(MainWindow::VaultAccess);
        grab(QStringLiteral("vault-access-300"));
        const QList<Server> all = workspace.servers()->items();
        for (const Server &server : all) {
            bool done = false;
            workspace.client()->deleteServer(server.id, &context,
                                             [&](const Result<Server> &) { done = true; });
            waitFor([&] { return done; });
        }
        workspace.refresh();
        waitFor([&] { return workspace.servers()->rowCount() == 0 && !workspace.isBusy(); });
        window.messageBar()->dismiss();
        grab(QStringLiteral("vault-access-empty"));
        window.showPage(MainWindow::Servers);
        grab(QStringLiteral("servers-empty"));
        window.showPage(MainWindow::Tokens);
        grab(QStringLiteral("tokens-empty"));
    }

    // The service goes away: the status bar and the message bar say so.
    window.sandbox()->stop();
    waitFor([&] { return !window.sandbox()->isRunning(); });
    workspace.refresh();
    waitFor([&] { return !workspace.isBusy(); });
    QTest::qWait(500);
    grab(QStringLiteral("service-lost"));

    window.close();
    return 0;
}
