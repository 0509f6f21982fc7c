// Signing in, staying signed in across runs, signing out, and an expired session, with the
// real service and a CredentialStore (memory here; the keychain has its own test).
#include "../support/TestSupport.h"
#include "client/Session.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

class TestSession : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    QNetworkAccessManager m_nam;

private slots:
    void initTestCase() { m_svc = startService(); }

    void signInIsKeptAndRestored()
    {
        MemoryCredentialStore store;
        const QUrl url(m_svc->url);
        const QString email = u"owner@sandbox.example"_s;
        {
            ApiClient client(&m_nam);
            Session session(&client, &store);
            QSignalSpy needed(&session, &Session::signInNeeded);
            session.restore(url, email);
            QTRY_COMPARE(needed.count(), 1); // nothing kept yet

            QSignalSpy signedIn(&session, &Session::signedIn);
            QSignalSpy notRemembered(&session, &Session::notRemembered);
            QSignalSpy kept(&session, &Session::tokenKept);
            session.signIn(url, email, m_svc->ownerPassword);
            QTRY_COMPARE(signedIn.count(), 1);
            QVERIFY(session.isSignedIn());
            QVERIFY(session.info().token.isEmpty()); // only the client holds the token
            // A memory store is not persistent: the user must be told, once the write is over.
            QTRY_COMPARE(notRemembered.count(), 1);
            QTRY_COMPARE(kept.count(), 1);
            QCOMPARE(kept.first().at(0).toBool(), false);
        }
        // A second run with the same store signs in without a password.
        ApiClient client(&m_nam);
        Session session(&client, &store);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.restore(url, email);
        QTRY_COMPARE(signedIn.count(), 1);
        QCOMPARE(session.info().user.email, email);

        // Signing out ends the session on the service and forgets it here.
        const QString token = client.sessionToken();
        QSignalSpy signedOut(&session, &Session::signedOut);
        session.signOut();
        QTRY_COMPARE(signedOut.count(), 1);
        QVERIFY(!session.isSignedIn());
        Http check(m_svc->url);
        check.setToken(token);
        QCOMPARE(check.get(u"/v1/auth/sessions/current"_s).status, 401);
        bool answered = false;
        store.read(CredentialStore::keyFor(url, email), this,
                   [&](const CredentialStore::Outcome &o) {
                       QCOMPARE(o.status, CredentialStore::Status::NotFound);
                       answered = true;
                   });
        QTRY_VERIFY(answered);
    }

    void wrongPasswordFails()
    {
        MemoryCredentialStore store;
        ApiClient client(&m_nam);
        Session session(&client, &store);
        QSignalSpy failed(&session, &Session::signInFailed);
        session.signIn(QUrl(m_svc->url), u"dana@sandbox.example"_s, u"wrong"_s);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().status, 401);
        QVERIFY(!session.isSignedIn());
    }

    void expiredSessionIsReportedAndForgotten()
    {
        MemoryCredentialStore store;
        ApiClient client(&m_nam);
        Session session(&client, &store);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(QUrl(m_svc->url), u"admin@sandbox.example"_s,
                       m_svc->passwordOf(u"admin@sandbox.example"_s));
        QTRY_COMPARE(signedIn.count(), 1);
        Http other(m_svc->url);
        other.setToken(client.sessionToken());
        QCOMPARE(other.del(u"/v1/auth/sessions/current"_s).status, 204);
        QSignalSpy expired(&session, &Session::expired);
        client.account(this, [](const Result<Account> &) {});
        QTRY_COMPARE(expired.count(), 1);
        QVERIFY(!session.isSignedIn());
        // A stale kept token asks for sign-in on the next start instead of failing later.
        ApiClient again(&m_nam);
        Session next(&again, &store);
        QSignalSpy needed(&next, &Session::signInNeeded);
        next.restore(QUrl(m_svc->url), u"admin@sandbox.example"_s);
        QTRY_COMPARE(needed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
