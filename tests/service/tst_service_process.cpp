// connect-admin-service as a program: options and their errors, the first owner of a new
// account, "listening on" as the first line, a clean stop on SIGTERM, the files it creates
// (0600), and that neither the password nor the session token is written in plain text.
#include "../support/TestSupport.h"

#include <QDirIterator>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ca::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(SERVICE_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("the service did not finish");
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

unsigned modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0777) : 0;
}

} // namespace

class TestServiceProcess : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void helpAndVersion()
    {
        Run r = run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *option :
             {"--sandbox", "--db", "--master-key", "--tls-cert", "--issuer", "--create-owner"})
            QVERIFY2(r.out.contains(option), option);
        r = run({u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(CONNECTADMIN_VERSION));
    }

    void badOptionsAreOneLineErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("port") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--port"_s, u"abc"_s}
                              << u"--port"_s;
        QTest::newRow("workers") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--workers"_s, u"0"_s}
                                 << u"--workers"_s;
        QTest::newRow("listen") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--listen"_s,
                                               u"nowhere"_s}
                                << u"--listen"_s;
        QTest::newRow("session ttl")
            << QStringList{u"--db"_s, u"x.sqlite"_s, u"--session-ttl"_s, u"3y"_s}
            << u"unknown unit"_s;
        QTest::newRow("no database") << QStringList{} << u"--db"_s;
        QTest::newRow("postgres without key")
            << QStringList{u"--db"_s, u"postgres://u@127.0.0.1:1/db"_s} << u"--master-key"_s;
        QTest::newRow("missing tls key")
            << QStringList{u"--db"_s, u"x.sqlite"_s, u"--tls-cert"_s, u"/nonexistent"_s}
            << u"TLS"_s;
    }
    void badOptionsAreOneLineErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        for (QString &a : args)
            if (a == u"x.sqlite")
                a = m_dir.filePath(u"x.sqlite"_s);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QVERIFY2(lines.last().startsWith("connect-admin-service: ") &&
                     lines.last().contains(says.toUtf8()),
                 r.err.constData());
    }

    void firstOwnerThenServeThenStopCleanly()
    {
        const QString db = m_dir.filePath(u"team.sqlite"_s);
        const QByteArray password = "correct horse battery staple";
        // Too short a password is refused and creates nobody.
        Run r = run({u"--db"_s, db, u"--create-owner"_s, u"boss@example.com"_s}, "short\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("at least 12"));
        r = run({u"--db"_s, db, u"--create-owner"_s, u"boss@example.com"_s}, password + '\n');
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("created the owner boss@example.com"));
        r = run({u"--db"_s, db, u"--create-owner"_s, u"boss@example.com"_s}, password + '\n');
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("already exists"));
        // The key and the database (with the count of its changes) are readable by their
        // owner only.
        QCOMPARE(modeOf(m_dir.filePath(u"master.key"_s)), 0600u);
        QCOMPARE(modeOf(db), 0600u);
        QCOMPARE(modeOf(db + u"-changes"_s), 0600u);

        QProcess service;
        service.start(QStringLiteral(SERVICE_PATH),
                      {u"--db"_s, db, u"--port"_s, u"0"_s, u"--workers"_s, u"3"_s});
        QVERIFY(service.waitForReadyRead(30000));
        const QByteArray first = service.readLine().trimmed();
        QVERIFY2(first.startsWith("listening on http://127.0.0.1:"), first.constData());
        const QString url = QString::fromUtf8(first.mid(13));
        Http h(url);
        const Reply health = h.get(u"/health"_s);
        QCOMPARE(health.status, 200);
        const QString token = h.signIn(u"boss@example.com"_s, QString::fromUtf8(password));
        QVERIFY(!token.isEmpty());
        const Reply me = h.get(u"/v1/auth/sessions/current"_s);
        QVERIFY(me.json[u"rights"_s][u"owner"_s].toBool());
        QCOMPARE(h.post(u"/v1/connect/servers"_s, {{u"name"_s, u"Prod"_s}}).status, 201);

        // Neither the password nor the session token is anywhere in the database files.
        QDirIterator files(m_dir.path(), {u"team.sqlite*"_s}, QDir::Files);
        int scanned = 0;
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(password), qPrintable(f.fileName()));
            QVERIFY2(!bytes.contains(token.toLatin1()), qPrintable(f.fileName()));
            ++scanned;
        }
        QVERIFY(scanned >= 1);

        // SIGTERM: a clean exit, promptly.
        ::kill(pid_t(service.processId()), SIGTERM);
        QVERIFY(service.waitForFinished(10000));
        QCOMPARE(service.exitStatus(), QProcess::NormalExit);
        QCOMPARE(service.exitCode(), 0);
        QVERIFY2(!service.readAllStandardError().contains("password"),
                 "a log line mentions the password");
    }

    void createOwnerOpensNoPort()
    {
        // While --create-owner waits for the password on standard input, the database is open
        // and the rules loaded, and the process holds no socket at all (SQLite needs none).
        const QString db = m_dir.filePath(u"noport.sqlite"_s);
        QProcess p;
        p.start(QStringLiteral(SERVICE_PATH),
                {u"--db"_s, db, u"--create-owner"_s, u"x@example.com"_s});
        QVERIFY(p.waitForStarted());
        const QString proc = u"/proc/%1/"_s.arg(p.processId());
        const auto readingStdin = [&] {
            QFile syscall(proc + u"syscall"_s);
            // "0 0x0 ...": blocked in read(2) on file descriptor 0.
            return syscall.open(QIODevice::ReadOnly) && syscall.readAll().startsWith("0 0x0 ");
        };
        QTRY_VERIFY_WITH_TIMEOUT(readingStdin(), 30000);
        QVERIFY(QFile::exists(db));
        QStringList sockets;
        const QDir fds(proc + u"fd"_s);
        for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
            char target[256] = {};
            const ssize_t n = ::readlink(QFile::encodeName(fds.filePath(fd)).constData(), target,
                                         sizeof target - 1);
            if (n > 0 && QByteArray(target, int(n)).startsWith("socket:"))
                sockets.append(QString::fromLatin1(target, int(n)));
        }
        QVERIFY2(sockets.isEmpty(), qPrintable(sockets.join(u", "_s)));
        p.write("a long enough password\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("created the owner x@example.com"));
    }

    void verifyAuditWalksTheChainOnTheDatabase()
    {
        const QString db = m_dir.filePath(u"verify.sqlite"_s);
        QCOMPARE(run({u"--db"_s, db, u"--create-owner"_s, u"v@example.com"_s},
                     "a long enough password\n")
                     .exitCode,
                 0);
        const Run whole = run({u"--db"_s, db, u"--verify-audit"_s});
        QCOMPARE(whole.exitCode, 0);
        const qint64 events = ca::Store::open(db, u"verify-count"_s)->auditCount();
        QVERIFY(events >= 4); // signing key, account, owner, groups, membership
        QVERIFY2(whole.out.contains(
                     QByteArray("audit chain whole: " + QByteArray::number(events) + " events")),
                 whole.out.constData());
        {
            auto store = ca::Store::open(db, u"verify-tamper"_s);
            QSqlQuery q(QSqlDatabase::database(u"verify-tamper"_s));
            QVERIFY(q.exec(u"UPDATE audit_events SET target_id = 'SOMEONE' WHERE seq = 3"_s));
        }
        const Run broken = run({u"--db"_s, db, u"--verify-audit"_s});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.out.contains("audit chain broken at event 3"), broken.out.constData());
    }

    void onlineBackupWhileServing()
    {
        const QString db = m_dir.filePath(u"live.sqlite"_s);
        QCOMPARE(run({u"--db"_s, db, u"--create-owner"_s, u"live@example.com"_s},
                     "a long enough password\n")
                     .exitCode,
                 0);
        QProcess service;
        service.start(QStringLiteral(SERVICE_PATH),
                      {u"--db"_s, db, u"--port"_s, u"0"_s, u"--workers"_s, u"3"_s});
        QVERIFY(service.waitForReadyRead(30000));
        Http h(QString::fromUtf8(service.readLine().trimmed().mid(13)));
        QVERIFY(!h.signIn(u"live@example.com"_s, u"a long enough password"_s).isEmpty());
        QCOMPARE(h.post(u"/v1/connect/servers"_s, {{u"name"_s, u"Backed up"_s}}).status, 201);

        // While the service runs (and keeps its WAL open), the backup is consistent.
        const QString copy = m_dir.filePath(u"backup/live-copy.sqlite"_s);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"backup"_s)));
        Run r = run({u"--db"_s, db, u"--backup"_s, copy});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(modeOf(copy), 0600u);
        // Never over an existing file.
        r = run({u"--db"_s, db, u"--backup"_s, copy});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("exists"), r.err.constData());
        ::kill(pid_t(service.processId()), SIGTERM);
        QVERIFY(service.waitForFinished(10000));

        // Restored: a service on the copy (with the original's master key) has the data.
        QProcess restored;
        restored.start(QStringLiteral(SERVICE_PATH),
                       {u"--db"_s, copy, u"--master-key"_s, m_dir.filePath(u"master.key"_s),
                        u"--port"_s, u"0"_s, u"--workers"_s, u"3"_s});
        QVERIFY(restored.waitForReadyRead(30000));
        Http again(QString::fromUtf8(restored.readLine().trimmed().mid(13)));
        QVERIFY(!again.signIn(u"live@example.com"_s, u"a long enough password"_s).isEmpty());
        const Reply servers = again.get(u"/v1/connect/servers"_s);
        QCOMPARE(servers.json[u"items"_s][0][u"name"_s].toString(), u"Backed up"_s);
        ::kill(pid_t(restored.processId()), SIGTERM);
        QVERIFY(restored.waitForFinished(10000));

        r = run({u"--db"_s, u"postgres://u@127.0.0.1:1/db"_s, u"--backup"_s,
                 m_dir.filePath(u"pg.copy"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("pg_dump"));
        QVERIFY(!QFile::exists(m_dir.filePath(u"pg.copy"_s)));
    }

    void anInlineDatabasePasswordIsWarnedAboutNeverEchoed()
    {
        const Run r = run({u"--db"_s, u"postgres://ca:s3cr3t-pw@127.0.0.1:1/ca"_s,
                           u"--master-key"_s, m_dir.filePath(u"pg.key"_s), u"--port"_s, u"0"_s});
        QCOMPARE(r.exitCode, 1); // nothing listens on port 1
        QVERIFY2(r.err.contains("warning: the database password is on the command line"),
                 r.err.constData());
        QVERIFY(r.err.contains("--db-password-file"));
        QVERIFY(!r.err.contains("s3cr3t-pw"));
        QVERIFY(!r.out.contains("s3cr3t-pw"));
    }

    void aMasterKeyOthersCanReadIsRefused()
    {
        const QString db = m_dir.filePath(u"open.sqlite"_s);
        const QString key = m_dir.filePath(u"open.key"_s);
        Run r =
            run({u"--db"_s, db, u"--master-key"_s, key, u"--create-owner"_s, u"a@example.com"_s},
                "a long enough password\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadOther));
        r = run({u"--db"_s, db, u"--master-key"_s, key, u"--port"_s, u"0"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("chmod 600"), r.err.constData());
    }

    void aDifferentMasterKeyCantOpenTheSecrets()
    {
        const QString db = m_dir.filePath(u"keyed.sqlite"_s);
        Run r = run({u"--db"_s, db, u"--master-key"_s, m_dir.filePath(u"k1"_s), u"--create-owner"_s,
                     u"a@example.com"_s},
                    "a long enough password\n");
        QCOMPARE(r.exitCode, 0);
        r = run({u"--db"_s, db, u"--master-key"_s, m_dir.filePath(u"k2"_s), u"--port"_s, u"0"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("master key"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServiceProcess)
#include "tst_service_process.moc"
