// Signing in to PostgreSQL without the password on the command line: --db-password-file
// (0600, like the master key), libpq's PGPASSFILE, and the refusals. The test cluster trusts
// every role but one, ca_password_test, which must give its password (scram-sha-256).
#include "../support/TestSupport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {
const QString kRole = u"ca_password_test"_s;
const QByteArray kPassword = "correct horse battery";
} // namespace

class TestPgAuth : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_url; // a fresh database, as the password role, without a password

    QString writeFile(const QString &name, const QByteArray &content, QFile::Permissions mode)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.close();
        f.setPermissions(mode);
        return f.fileName();
    }

    QString startWith(ServiceOptions o)
    {
        o.port = 0;
        o.masterKeyPath = m_dir.filePath(u"master.key"_s);
        o.passwordHash = test::testHashParams();
        ServiceHost host(o);
        return host.start();
    }

private slots:
    void initTestCase()
    {
        const QString admin = test::freshDatabase(m_dir);
        const QUrl adminUrl(admin);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"admin"_s);
            db.setHostName(adminUrl.host());
            db.setPort(adminUrl.port());
            db.setUserName(adminUrl.userName());
            db.setDatabaseName(adminUrl.path().mid(1));
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.exec(u"DROP ROLE IF EXISTS "_s + kRole);
            QVERIFY(q.exec(u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(
                kRole, QString::fromLatin1(kPassword))));
            QVERIFY(q.exec(u"ALTER DATABASE %1 OWNER TO %2"_s.arg(adminUrl.path().mid(1), kRole)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"admin"_s);
        QUrl u(adminUrl);
        u.setUserName(kRole);
        m_url = u.toString();
    }

    void withoutThePasswordTheRoleIsRefused()
    {
        qunsetenv("PGPASSFILE");
        bool refused = false;
        try {
            Store::open(m_url, u"no-password"_s);
        } catch (const StoreError &e) {
            refused = QString::fromUtf8(e.what()).contains(u"password"_s);
        }
        QVERIFY(refused);
    }

    void passwordFile()
    {
        qunsetenv("PGPASSFILE");
        ServiceOptions o;
        o.database = m_url;
        o.databasePasswordFile =
            writeFile(u"db-password"_s, kPassword + '\n', QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(startWith(o), QString());
        // A wrong password is refused by the server.
        o.databasePasswordFile =
            writeFile(u"wrong-password"_s, "wrong\n", QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(startWith(o).contains(u"password"_s));
        // A file others can read is refused before anything is sent, like the master key.
        o.databasePasswordFile = writeFile(u"open-password"_s, kPassword,
                                           QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        const QString error = startWith(o);
        QVERIFY2(error.contains(u"chmod 600"_s), qPrintable(error));
        QVERIFY(!error.contains(QString::fromLatin1(kPassword)));
        // Not both.
        QUrl inline_(m_url);
        inline_.setPassword(QString::fromLatin1(kPassword));
        o.database = inline_.toString();
        o.databasePasswordFile = m_dir.filePath(u"db-password"_s);
        QVERIFY(startWith(o).contains(u"once"_s));
    }

    void libpqPasswordFile()
    {
        // libpq's own PGPASSFILE (host:port:database:user:password), nothing in the URL.
        const QUrl u(m_url);
        const QString pgpass = writeFile(u"pgpass"_s,
                                         u"%1:%2:*:%3:%4\n"_s.arg(u.host())
                                             .arg(u.port())
                                             .arg(kRole, QString::fromLatin1(kPassword))
                                             .toUtf8(),
                                         QFile::ReadOwner | QFile::WriteOwner);
        qputenv("PGPASSFILE", QFile::encodeName(pgpass));
        ServiceOptions o;
        o.database = m_url;
        const QString error = startWith(o);
        qunsetenv("PGPASSFILE");
        QCOMPARE(error, QString());
    }
};

QTEST_GUILESS_MAIN(TestPgAuth)
#include "tst_pg_auth.moc"
