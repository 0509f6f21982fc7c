// Yardstick for the desktop program's cold start (bench/cold-start.sh): an empty QMainWindow,
// built like connect-admin (same flags, same Qt), shown at once.
#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("empty-window"));
    window.resize(1024, 640);
    window.show();
    return app.exec();
}
