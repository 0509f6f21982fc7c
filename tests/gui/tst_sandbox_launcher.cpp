// SandboxLauncher, which the README's run command depends on: it starts the real
// connect-admin-service on a fresh data folder, hands over a sign-in that works, stops the
// service when it goes away, and says so in a sentence when the service can't start.
#include "../support/TestSupport.h"
#include "gui/SandboxLauncher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

class TestSandboxLauncher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("CONNECTADMIN_SERVICE", SERVICE_PATH); }

    void startsSignsInAndStopsOnExit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString url;
        {
            SandboxLauncher launcher;
            QSignalSpy ready(&launcher, &SandboxLauncher::ready);
            QSignalSpy failed(&launcher, &SandboxLauncher::failed);
            launcher.start(dir.path());
            QVERIFY2(ready.wait(30000) || !failed.isEmpty(), "the sandbox never said it was ready");
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
            url = ready.at(0).at(0).toString();
            QVERIFY(url.startsWith(u"http://127.0.0.1:"_s));
            QCOMPARE(launcher.url(), url);
            QVERIFY(launcher.isRunning());

            // The sign-in it hands over works against the service it started.
            Http http(url);
            const QString token =
                http.signIn(ready.at(0).at(1).toString(), ready.at(0).at(2).toString());
            QVERIFY(!token.isEmpty());
            const Reply servers = http.get(u"/v1/connect/servers"_s);
            QCOMPARE(servers.status, 200);

            // The owner's sign-in is on disk for the owner only.
            QFile owner(dir.filePath(u"sandbox-owner.json"_s));
            QVERIFY(owner.exists());
            QCOMPARE(owner.permissions() & (QFile::ReadGroup | QFile::ReadOther |
                                            QFile::WriteGroup | QFile::WriteOther),
                     QFileDevice::Permissions());
        } // the launcher goes away: the service must stop with it

        Http after(url);
        const Reply gone = after.get(u"/health"_s);
        QCOMPARE(gone.status, 0);
        QVERIFY(!gone.networkError.isEmpty());
    }

    void aSecondStartReusesTheDataFolder()
    {
        QTemporaryDir dir;
        QString email;
        for (int round = 0; round < 2; ++round) {
            SandboxLauncher launcher;
            QSignalSpy ready(&launcher, &SandboxLauncher::ready);
            launcher.start(dir.path());
            QVERIFY(ready.wait(30000));
            // The demo account is made once: the second start signs in the same owner.
            if (round == 0)
                email = ready.at(0).at(1).toString();
            else
                QCOMPARE(ready.at(0).at(1).toString(), email);
            Http http(ready.at(0).at(0).toString());
            QVERIFY(
                !http.signIn(ready.at(0).at(1).toString(), ready.at(0).at(2).toString()).isEmpty());
        }
    }

    void aServiceThatCantStartIsASentence()
    {
        QTemporaryDir dir;
        // A data folder that is a file: the service can't open its database there.
        QFile blocker(dir.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SandboxLauncher launcher;
        QSignalSpy ready(&launcher, &SandboxLauncher::ready);
        QSignalSpy failed(&launcher, &SandboxLauncher::failed);
        launcher.start(blocker.fileName());
        QVERIFY(failed.wait(30000));
        QVERIFY(ready.isEmpty());
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(u"local account service"_s), qPrintable(message));
        QVERIFY(!launcher.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestSandboxLauncher)
#include "tst_sandbox_launcher.moc"
