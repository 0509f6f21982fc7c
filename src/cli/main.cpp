// connect-admin-cli: the command-line twin of the desktop program, with op connect's syntax.
#include "cli/Cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"connect-admin-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CONNECTADMIN_VERSION));
    // A failure is one line on standard error, so the libraries' own logging stays quiet
    // (QT_LOGGING_RULES="connectadmin.*.debug=true" still turns it on: it takes precedence).
    QLoggingCategory::setFilterRules(u"connectadmin.*=false"_s);

    ca::cli::Cli cli;
    QObject::connect(&cli, &ca::cli::Cli::finished, &app, &QCoreApplication::exit);
    const QStringList arguments = app.arguments().mid(1);
    QTimer::singleShot(0, &cli, [&cli, arguments] { cli.run(arguments); });
    return app.exec();
}
