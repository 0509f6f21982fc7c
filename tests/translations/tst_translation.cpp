// The German translation is really used: with the compiled .qm installed, the main window,
// a page and the model layers speak German; without it, the same texts are English. No
// service and no sign-in: only what the window shows right after it is built.
#include "client/CredentialStore.h"
#include "core/Duration.h"
#include "gui/MainWindow.h"
#include "gui/VaultAccessPage.h"
#include "gui/Workspace.h"
#include "models/TokenModel.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

struct Texts
{
    QString fileMenu;
    QString newServer;
    QString vaultAccessPage; // the sidebar entry
    QString connection;      // the status bar before sign-in
    QString applyButton;     // the Vault access page's apply button
    QString expiry;          // TokenModel::relativeExpiry, three days ahead
    QString durationError;   // parseDuration("3y")
};

// Builds a fresh window (texts are taken when widgets are set up) and reads what it shows.
Texts shownTexts()
{
    MemoryCredentialStore store;
    Workspace workspace(&store);
    MainWindow window(&workspace);
    Texts t;
    if (auto *menu = window.findChild<QMenu *>(u"menuFile"_s))
        t.fileMenu = menu->title();
    if (auto *action = window.findChild<QAction *>(u"actionNewServer"_s))
        t.newServer = action->text();
    if (auto *pages = window.findChild<QListWidget *>(u"pageList"_s))
        t.vaultAccessPage = pages->item(MainWindow::VaultAccess)->text();
    t.connection = window.connectionText();
    if (auto *apply = window.vaultAccessPage()->findChild<QPushButton *>(u"applyButton"_s))
        t.applyButton = apply->text();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    t.expiry = TokenModel::relativeExpiry(now.addDays(3), now);
    t.durationError = parseDuration(u"3y").error;
    return t;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void german()
    {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/connect-admin_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const Texts t = shownTexts();
        QCoreApplication::removeTranslator(&translator);

        QCOMPARE(t.fileMenu, u"&Datei"_s);
        QCOMPARE(t.newServer, u"&Neuer Server…"_s);
        QCOMPARE(t.vaultAccessPage, u"Tresorzugriff"_s);
        QCOMPARE(t.connection, u"Nicht angemeldet"_s);
        QCOMPARE(t.applyButton, u"0 Änderungen anwenden"_s);
        QCOMPARE(t.expiry, u"in 3 Tagen"_s);
        QCOMPARE(t.durationError,
                 u"Die Dauer „3y“ enthält die unbekannte Einheit „y“; verwenden Sie s, m, h, d "
                 "oder w."_s);
    }

    // The program finds the file the way main.cpp looks for it: from a German locale.
    void foundFromTheLocale()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), u"connect-admin"_s,
                                u"_"_s, u":/i18n"_s));
        QCOMPARE(translator.language(), u"de_DE"_s);
        QCOMPARE(translator.translate("MainWindow", "&File"), u"&Datei"_s);
    }

    void englishWithoutTranslator()
    {
        const Texts t = shownTexts();
        QCOMPARE(t.fileMenu, u"&File"_s);
        QCOMPARE(t.newServer, u"&New server…"_s);
        QCOMPARE(t.vaultAccessPage, u"Vault access"_s);
        QCOMPARE(t.connection, u"Not signed in"_s);
        QCOMPARE(t.applyButton, u"Apply 0 changes"_s);
        QCOMPARE(t.expiry, u"in 3 days"_s);
        QCOMPARE(t.durationError,
                 u"The duration \"3y\" has an unknown unit \"y\"; use s, m, h, d or w."_s);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
