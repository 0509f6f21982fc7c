// The CredentialStore on the real system keychain (gnome-keyring's secret service on a
// private D-Bus session, started by with-keyring.sh), and the fallback when there is none.
// CONNECTADMIN_KEYCHAIN says which situation this run is in: "available" or "unavailable".
#include "client/CredentialStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;

class TestKeychain : public QObject
{
    Q_OBJECT

    static bool expectAvailable()
    {
        return qEnvironmentVariable("CONNECTADMIN_KEYCHAIN") == u"available";
    }

    CredentialStore::Outcome run(const std::function<void(CredentialStore::Handler)> &start)
    {
        std::optional<CredentialStore::Outcome> outcome;
        start([&outcome](const CredentialStore::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000))
            qFatal("the keychain did not answer");
        return *outcome;
    }

private slots:
    void initTestCase()
    {
        const QString mode = qEnvironmentVariable("CONNECTADMIN_KEYCHAIN");
        QVERIFY2(mode == u"available" || mode == u"unavailable",
                 "run through CTest (CONNECTADMIN_KEYCHAIN unset)");
    }

    void keychainWriteReadRemove()
    {
        KeychainCredentialStore store;
        const QString key =
            CredentialStore::keyFor(QUrl(u"http://127.0.0.1:1/"_s), u"Owner@Example.com"_s);
        QCOMPARE(key, u"http://127.0.0.1:1|owner@example.com"_s);
        const auto written = run([&](auto h) { store.write(key, u"s3cr3t-session"_s, this, h); });
        if (!expectAvailable()) {
            QCOMPARE(written.status, CredentialStore::Status::Unavailable);
            QVERIFY(!written.error.isEmpty());
            return;
        }
        QCOMPARE(written.status, CredentialStore::Status::Ok);
        const auto read = run([&](auto h) { store.read(key, this, h); });
        QCOMPARE(read.status, CredentialStore::Status::Ok);
        QCOMPARE(read.secret, u"s3cr3t-session"_s);
        // The secret is in the secret service, visible to its own tool.
        QProcess lookup;
        lookup.start(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, u"connect-admin"_s});
        QVERIFY(lookup.waitForFinished(10000));
        QVERIFY2(lookup.readAllStandardOutput().contains("owner@example.com") ||
                     lookup.readAllStandardError().contains("owner@example.com"),
                 "secret-tool does not list the entry");
        QCOMPARE(run([&](auto h) { store.remove(key, this, h); }).status,
                 CredentialStore::Status::Ok);
        QCOMPARE(run([&](auto h) { store.read(key, this, h); }).status,
                 CredentialStore::Status::NotFound);
    }

    void notFoundIsANormalAnswer()
    {
        KeychainCredentialStore store;
        const auto read = run([&](auto h) { store.read(u"http://nowhere|nobody"_s, this, h); });
        QCOMPARE(read.status, expectAvailable() ? CredentialStore::Status::NotFound
                                                : CredentialStore::Status::Unavailable);
    }

    void fallbackSaysWhenItKeepsSessionsInMemory()
    {
        FallbackCredentialStore store;
        QSignalSpy fellBack(&store, &FallbackCredentialStore::fellBack);
        const QString key = u"http://127.0.0.1:2|user@example.com"_s;
        QCOMPARE(run([&](auto h) { store.write(key, u"token"_s, this, h); }).status,
                 CredentialStore::Status::Ok);
        const auto read = run([&](auto h) { store.read(key, this, h); });
        QCOMPARE(read.status, CredentialStore::Status::Ok);
        QCOMPARE(read.secret, u"token"_s);
        QCOMPARE(store.isPersistent(), expectAvailable());
        QCOMPARE(fellBack.count(), expectAvailable() ? 0 : 1);
        if (!expectAvailable())
            QVERIFY(!store.fallbackReason().isEmpty());
        run([&](auto h) { store.remove(key, this, h); });
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
