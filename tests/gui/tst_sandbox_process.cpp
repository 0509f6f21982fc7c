// The desktop program with --sandbox, run as a program: when it is terminated it quits
// cleanly and stops its sandbox service; when it is killed (nothing of it runs any more) the
// service ends by itself (PR_SET_PDEATHSIG), instead of living on as an orphan holding its
// port and database.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>

using namespace Qt::StringLiterals;

namespace {

// The children of a process, from /proc/<pid>/stat ("pid (comm) state ppid …").
QList<pid_t> childrenOf(pid_t parent)
{
    QList<pid_t> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t pid = entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (rest.size() > 1 && rest.at(1).toInt() == parent)
            children << pid;
    }
    return children;
}

// True once the process runs the service and handles SIGTERM (its clean stop is set up).
// Between fork and exec the child is a copy of the program, whose SIGTERM handler it has:
// under load that moment was long enough to be seen as the service, which then, after the
// exec, had no handler yet.
bool isServiceHandlingSigterm(pid_t pid)
{
    if (QFileInfo(u"/proc/%1/exe"_s.arg(pid)).canonicalFilePath() !=
        QFileInfo(QStringLiteral(SERVICE_PATH)).canonicalFilePath())
        return false;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("SigCgt:"))
            return (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (SIGTERM - 1)) & 1;
    }
    return false;
}

// True once the process is gone or a zombie (ended, not reaped yet).
bool hasEnded(pid_t pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const QByteArray rest = line.mid(line.lastIndexOf(')') + 2);
    return rest.isEmpty() || rest.startsWith('Z') || rest.startsWith('X');
}

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private slots:
    void serviceDiesWithTheProgram_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("killed") << int(SIGKILL);
        QTest::newRow("terminated") << int(SIGTERM);
    }

    void serviceDiesWithTheProgram()
    {
        QFETCH(int, signal);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"CONNECTADMIN_SERVICE"_s, QStringLiteral(SERVICE_PATH));
        QProcess program;
        program.setProcessEnvironment(env);
        program.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        program.start(QStringLiteral(GUI_PATH), {u"--sandbox-dir"_s, home.filePath(u"sandbox"_s)});
        QVERIFY2(program.waitForStarted(), qPrintable(program.errorString()));

        QList<pid_t> children;
        QTRY_VERIFY_WITH_TIMEOUT((children = childrenOf(program.processId())).size() == 1 &&
                                     isServiceHandlingSigterm(children.first()),
                                 30000);
        m_service = children.first();

        ::kill(program.processId(), signal);
        QVERIFY(program.waitForFinished(10000));
        // SIGTERM is a request to quit: the program leaves cleanly (and stops its service
        // itself); SIGKILL can't be handled, there the kernel's PR_SET_PDEATHSIG must do it.
        QCOMPARE(program.exitStatus(),
                 signal == SIGKILL ? QProcess::CrashExit : QProcess::NormalExit);

        // The service ends by itself. Whoever reaps the orphan (init, or a subreaper above
        // this test) may do so at once, so "ended" is: no such process any more, or a zombie.
        // (An earlier version waited with waitpid() as a subreaper: the orphan was found
        // already reaped, ECHILD, and the test failed although the service had ended.)
        QTRY_VERIFY2_WITH_TIMEOUT(hasEnded(m_service), "the service outlived the program", 10000);
        m_service = 0;
    }

    void cleanup()
    {
        // A service left over by a failure: stopped, so the run doesn't hang on it.
        if (m_service > 0) {
            ::kill(m_service, SIGKILL);
            ::waitpid(m_service, nullptr, 0);
            m_service = 0;
        }
    }

private:
    pid_t m_service = 0;
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandbox_process.moc"
