// connect-admin: the desktop program. --sandbox starts a local account service with a demo
// account and signs in to it; --url opens a given service.
#include "client/CredentialStore.h"
#include "core/QuitOnSignals.h"
#include "gui/ContrastStyle.h"
#include "gui/MainWindow.h"
#include "gui/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("connect-admin"));
    QApplication::setOrganizationName(QStringLiteral("connect-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("Connect Admin"));
    QApplication::setApplicationVersion(QStringLiteral(CONNECTADMIN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.connectadmin.ConnectAdmin"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/connect-admin.svg")));
    ca::ContrastStyle::install(); // check boxes and button icons that read in dark palettes

    // Translations from the system locale: the program's own and Qt's.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("connect-admin"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Administer Connect servers, their access tokens, vault access and who may manage them."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QApplication::translate(
            "main", "Start a local account service with a demo account and sign in to it."));
    const QCommandLineOption sandboxDir(
        QStringLiteral("sandbox-dir"),
        QApplication::translate("main", "Keep the local sandbox's data in this folder."),
        QStringLiteral("dir"));
    const QCommandLineOption url(QStringLiteral("url"),
                                 QApplication::translate("main", "Open this account service."),
                                 QStringLiteral("url"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QApplication::translate(
            "main",
            "Trust the CA certificates in this PEM file (a service with a private certificate)."),
        QStringLiteral("file"));
    parser.addOptions({sandbox, sandboxDir, url, caFile});
    parser.process(app);

    ca::MainWindow::StartOptions options;
    options.sandbox = parser.isSet(sandbox) || parser.isSet(sandboxDir);
    options.sandboxDir = parser.value(sandboxDir);
    if (parser.isSet(url)) {
        options.url = QUrl(parser.value(url), QUrl::StrictMode);
        if (!options.url.isValid() ||
            (options.url.scheme() != u"http" && options.url.scheme() != u"https")) {
            fprintf(stderr, "connect-admin: --url needs an http:// or https:// URL\n");
            return 2;
        }
    }

    ca::FallbackCredentialStore store;
    ca::Workspace workspace(&store);
    if (parser.isSet(caFile)) {
        QString error;
        if (!workspace.client()->setCaFile(parser.value(caFile), &error)) {
            fprintf(stderr, "connect-admin: --ca-file: %s\n", qPrintable(error));
            return 2;
        }
    }
    ca::MainWindow window(&workspace);
    // Terminated (logout, kill): leave the event loop so the sandbox service is stopped.
    ca::quitOnSignals(app);
    window.show();
    // The sign-in dialog, the keychain lookup of a remembered session or the sandbox start
    // come after the window is on screen: the first frame waits for none of them.
    QTimer::singleShot(0, &window, [&window, options] { window.start(options); });
    return app.exec();
}
