// Yardsticks for the desktop program's cold start (bench/cold-start.sh), built like
// connect-admin (same flags, same Qt), shown at once:
//   empty-window          an empty QMainWindow (issue 15's yardstick)
//   empty-window --text   the same with a File menu and one line of text: the least a window
//                         that shows any text waits for (Qt reads the font configuration at
//                         the first widget with text; the empty window never does)
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("empty-window"));
    window.resize(1024, 640);
    if (QApplication::arguments().contains(QStringLiteral("--text"))) {
        window.menuBar()->addMenu(QStringLiteral("&File"));
        window.setCentralWidget(new QLabel(QStringLiteral("Servers")));
    }
    window.show();
    return app.exec();
}
