// Core rules: IDs, durations, vault permissions, ACL bits, name-or-ID lookups, the wire format.
#include "core/Access.h"
#include "core/Domain.h"
#include "core/Duration.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/Resolve.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;

class TestCore : public QObject
{
    Q_OBJECT
private slots:
    void idsAreBase32AndUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            const QString id = newId();
            QCOMPARE(id.size(), 26);
            QVERIFY2(isValidId(id), qPrintable(id));
            for (QChar c : id)
                QVERIFY(QStringLiteral("abcdefghijklmnopqrstuvwxyz234567").contains(c));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 2000);
    }

    void idValidation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << u"abcdefghijklmnopqrstuvwxyz"_s << true;
        QTest::newRow("upper") << u"ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s << true;
        QTest::newRow("digits") << u"2345672345672345672345672a"_s << true;
        QTest::newRow("short") << u"abc"_s << false;
        QTest::newRow("27 chars") << u"abcdefghijklmnopqrstuvwxyza"_s << false;
        QTest::newRow("digit 1") << u"1bcdefghijklmnopqrstuvwxyz"_s << false;
        QTest::newRow("digit 8") << u"8bcdefghijklmnopqrstuvwxyz"_s << false;
        QTest::newRow("sql") << u"abcdefghijklmnopqrstuv' OR"_s << false;
        QTest::newRow("unicode") << u"äbcdefghijklmnopqrstuvwxyz"_s << false;
    }
    void idValidation()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isValidId(text), valid);
    }

    void idDisplayCase()
    {
        const QString id = u"abcdefghijklmnopqrstuvwxyz"_s;
        QCOMPARE(displayId(id, IdKind::Server), id.toUpper());
        QCOMPARE(displayId(id, IdKind::User), id.toUpper());
        QCOMPARE(displayId(id, IdKind::Account), id.toUpper());
        QCOMPARE(displayId(id.toUpper(), IdKind::Vault), id);
        QCOMPARE(displayId(id.toUpper(), IdKind::Token), id);
        QCOMPARE(displayId(id.toUpper(), IdKind::Group), id);
        QCOMPARE(canonicalId(id.toUpper()), id);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: an error is expected
        QTest::newRow("30d") << u"30d"_s << qint64(30 * 86400);
        QTest::newRow("1w2d") << u"1w2d"_s << qint64(9 * 86400);
        QTest::newRow("90m") << u"90m"_s << qint64(5400);
        QTest::newRow("3600s") << u"3600s"_s << qint64(3600);
        QTest::newRow("12h") << u"12h"_s << qint64(12 * 3600);
        QTest::newRow("upper case unit") << u"2H"_s << qint64(7200);
        QTest::newRow("all units") << u"1w1d1h1m1s"_s << qint64(7 * 86400 + 86400 + 3600 + 60 + 1);
        QTest::newRow("spaces around") << u" 5m "_s << qint64(300);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("blank") << u"   "_s << qint64(-1);
        QTest::newRow("no unit") << u"30"_s << qint64(-1);
        QTest::newRow("unknown unit") << u"3y"_s << qint64(-1);
        QTest::newRow("zero") << u"0d"_s << qint64(-1);
        QTest::newRow("zero combined") << u"0h0m"_s << qint64(-1);
        QTest::newRow("fraction") << u"1.5h"_s << qint64(-1);
        QTest::newRow("negative") << u"-5m"_s << qint64(-1);
        QTest::newRow("unit first") << u"d30"_s << qint64(-1);
        QTest::newRow("overflow") << u"99999999999999999999w"_s << qint64(-1);
        QTest::newRow("over 100 years") << u"5300w"_s << qint64(-1);
        QTest::newRow("inner space") << u"1w 2d"_s << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const DurationParse d = parseDuration(text);
        if (seconds < 0) {
            QVERIFY2(!d.seconds.has_value(), qPrintable(text));
            QVERIFY(!d.error.isEmpty());
        } else {
            QVERIFY2(d.seconds.has_value(), qPrintable(d.error));
            QCOMPARE(*d.seconds, seconds);
        }
    }

    void durationErrorsSayWhatIsWrong()
    {
        QVERIFY(parseDuration(u"3y"_s).error.contains(u"\"y\""_s));
        QVERIFY(parseDuration(u"30"_s).error.contains(u"no unit"_s));
        QVERIFY(parseDuration(u"0d"_s).error.contains(u"zero"_s));
        QVERIFY(parseDuration(u"1.5h"_s).error.contains(u"whole numbers"_s));
        QVERIFY(parseDuration(u"99999999999999999999w"_s).error.contains(u"too long"_s));
    }

    void isoTimesMatchQt_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("now-ish") << qint64(1795800000123);
        QTest::newRow("leap day")
            << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("before epoch") << qint64(-86400001);
        QTest::newRow("year 9999")
            << QDateTime(QDate(9999, 12, 31), QTime(1, 2, 3, 4), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("year 1600")
            << QDateTime(QDate(1600, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    }
    void isoTimesMatchQt()
    {
        QFETCH(qint64, ms);
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        QCOMPARE(json::isoUtc(dt), dt.toString(Qt::ISODateWithMs));
    }

    void formatDurationRoundTrips()
    {
        for (qint64 s :
             {qint64(1), qint64(59), qint64(3600), qint64(9 * 86400 + 5), qint64(30 * 86400)})
            QCOMPARE(*parseDuration(formatDuration(s)).seconds, s);
        QCOMPARE(formatDuration(9 * 86400), u"1w2d"_s);
    }

    void aclBitsMatchTheDesign()
    {
        QCOMPARE(aclBits(Access::Read), 48);
        QCOMPARE(aclBits(Access::Write), 960);
        QCOMPARE(aclBits(Access::ReadWrite), 1008);
        QCOMPARE(accessFromAcl(48), Access::Read);
        QCOMPARE(accessFromAcl(960), Access::Write);
        QCOMPARE(accessFromAcl(1008), Access::ReadWrite);
        QVERIFY(!accessFromAcl(32).has_value());
    }

    void vaultPermission_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("vault");
        QTest::addColumn<int>("access"); // 0: error
        QTest::newRow("plain") << u"Vault"_s << u"Vault"_s << int(Access::ReadWrite);
        QTest::newRow("r") << u"Vault,r"_s << u"Vault"_s << int(Access::Read);
        QTest::newRow("w") << u"Vault,w"_s << u"Vault"_s << int(Access::Write);
        QTest::newRow("rw") << u"Vault,rw"_s << u"Vault"_s << int(Access::ReadWrite);
        QTest::newRow("RW upper") << u"Vault,RW"_s << u"Vault"_s << int(Access::ReadWrite);
        QTest::newRow("spaces in name")
            << u"Prod secrets,r"_s << u"Prod secrets"_s << int(Access::Read);
        QTest::newRow("bad suffix") << u"Vault,x"_s << QString() << 0;
        QTest::newRow("no vault") << u",r"_s << QString() << 0;
        QTest::newRow("empty") << QString() << QString() << 0;
    }
    void vaultPermission()
    {
        QFETCH(QString, text);
        QFETCH(QString, vault);
        QFETCH(int, access);
        const VaultPermissionParse p = parseVaultPermission(text);
        if (access == 0) {
            QVERIFY(p.permissions.isEmpty());
            QVERIFY(!p.error.isEmpty());
            return;
        }
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.permissions.size(), 1);
        QCOMPARE(p.permissions.first().vault, vault);
        QCOMPARE(int(p.permissions.first().access), access);
    }

    void vaultPermissionListAttachesSuffixToThePreviousVault()
    {
        const auto p = parseVaultPermissionList(u"Kubernetes,r"_s);
        QCOMPARE(p.permissions, (QList<VaultPermission>{{u"Kubernetes"_s, Access::Read}}));
        const auto q = parseVaultPermissionList(u"A,r,B,C,w"_s);
        QCOMPARE(q.permissions, (QList<VaultPermission>{{u"A"_s, Access::Read},
                                                        {u"B"_s, Access::ReadWrite},
                                                        {u"C"_s, Access::Write}}));
        QVERIFY(!parseVaultPermissionList(u"r,A"_s).error.isEmpty());
        QVERIFY(!parseVaultPermissionList(u"A,,B"_s).error.isEmpty());
    }

    void onlyUserCreatedVaultsAreGrantable()
    {
        QVERIFY(isGrantable(VaultType::UserCreated));
        for (VaultType t : {VaultType::Personal, VaultType::Everyone, VaultType::Transfer}) {
            QVERIFY(!isGrantable(t));
            const QString reason = notGrantableReason(t, u"X"_s);
            QVERIFY(reason.contains(vaultTypeName(t)));
            QVERIFY(reason.contains(u"can't be granted"_s));
        }
    }

    void resolveExactIdWinsOverName()
    {
        struct Obj
        {
            QString id, name;
        };
        const QString idA = newId();
        const QString idB = newId();
        // B is *named* like A's ID: the exact ID match must still pick A.
        const QList<Obj> objs{{idA, u"alpha"_s}, {idB, idA.toUpper()}};
        const auto r = resolveByIdOrName(
            QStringView(idA.toUpper()), objs, IdKind::Server, [](const Obj &o) { return o.id; },
            [](const Obj &o) { return o.name; });
        QCOMPARE(r.status, ResolveStatus::Found);
        QCOMPARE(r.value.id, idA);
    }

    void resolveAmbiguousNamesTheIds()
    {
        struct Obj
        {
            QString id, name;
        };
        const QList<Obj> objs{{newId(), u"Dev"_s}, {newId(), u"Dev"_s}, {newId(), u"Prod"_s}};
        const auto id = [](const Obj &o) { return o.id; };
        const auto name = [](const Obj &o) { return o.name; };
        const auto r = resolveByIdOrName(u"Dev", objs, IdKind::Server, id, name);
        QCOMPARE(r.status, ResolveStatus::Ambiguous);
        QCOMPARE(r.candidateIds.size(), 2);
        QVERIFY(r.candidateIds.contains(objs.at(0).id.toUpper()));
        QVERIFY(r.candidateIds.contains(objs.at(1).id.toUpper()));
        QCOMPARE(resolveByIdOrName(u"prod", objs, IdKind::Server, id, name).status,
                 ResolveStatus::Found);
        QCOMPARE(resolveByIdOrName(u"Test", objs, IdKind::Server, id, name).status,
                 ResolveStatus::NotFound);
    }

    void resolveExactCaseBeatsCaseInsensitive()
    {
        struct Obj
        {
            QString id, name;
        };
        const QList<Obj> objs{{newId(), u"dev"_s}, {newId(), u"Dev"_s}};
        const auto r = resolveByIdOrName(
            u"Dev", objs, IdKind::Server, [](const Obj &o) { return o.id; },
            [](const Obj &o) { return o.name; });
        QCOMPARE(r.status, ResolveStatus::Found);
        QCOMPARE(r.value.name, u"Dev"_s);
    }

    void serverJsonRoundTrip()
    {
        Server s;
        s.id = newId();
        s.name = u"Prod: \"eu\" ✓"_s;
        s.createdAt = QDateTime::fromMSecsSinceEpoch(1795800000123, Qt::UTC);
        s.creatorId = newId();
        s.tokensVersion = 7;
        s.vaults = {newId(), newId()};
        s.activeTokens = 3;
        const QJsonObject o = json::encode(s);
        QCOMPARE(o.value(u"id"_s).toString(), s.id.toUpper());
        QCOMPARE(o.value(u"vaults"_s).toArray().first().toString(), s.vaults.first());
        Server back;
        QString error;
        QVERIFY2(json::decode(o, back, &error), qPrintable(error));
        QCOMPARE(back.id, s.id);
        QCOMPARE(back.name, s.name);
        QCOMPARE(back.createdAt, s.createdAt);
        QCOMPARE(back.vaults, s.vaults);
        QCOMPARE(back.tokensVersion, 7);
        QCOMPARE(back.activeTokens, 3);
    }

    void tokenJsonHasDesignFieldsAndDerivedState()
    {
        Token t;
        t.id = newId();
        t.name = u"ci"_s;
        t.serverId = newId();
        t.createdAt = QDateTime::currentDateTimeUtc().addDays(-2);
        t.expiresAt = QDateTime::currentDateTimeUtc().addDays(-1);
        t.vaults = {{newId(), Access::Read}, {newId(), Access::Write}};
        const QJsonObject o = json::encode(t, QDateTime::currentDateTimeUtc());
        for (const char *f :
             {"id", "name", "integrationId", "state", "created_at", "expires_at", "vaults"})
            QVERIFY2(o.contains(QLatin1String(f)), f);
        QCOMPARE(o.value(u"state"_s).toString(), u"EXPIRED"_s);
        QCOMPARE(o.value(u"vaults"_s).toArray().at(0).toObject().value(u"access"_s).toString(),
                 u"read"_s);
        QCOMPARE(o.value(u"vaults"_s).toArray().at(1).toObject().value(u"access"_s).toString(),
                 u"write"_s);
        Token back;
        QString error;
        QVERIFY2(json::decode(o, back, &error), qPrintable(error));
        QCOMPARE(back.vaults, t.vaults);
        QCOMPARE(back.stateAt(QDateTime::currentDateTimeUtc()), TokenState::Expired);
        QCOMPARE(back.stateAt(t.createdAt), TokenState::Active);
    }

    void decodersRejectWrongShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing id") << QByteArray(R"({"name":"x"})") << u"id"_s;
        QTest::newRow("id wrong type") << QByteArray(R"({"id":5,"name":"x"})") << u"id"_s;
        QTest::newRow("bad id") << QByteArray(R"({"id":"nope","name":"x"})") << u"id"_s;
        QTest::newRow("vaults not list")
            << QByteArray(
                   R"({"id":"abcdefghijklmnopqrstuvwxyz","name":"x","state":"ACTIVE","created_at":"2026-01-01T00:00:00Z","tokens_version":1,"vaults":"a"})")
            << u"vaults"_s;
        QTest::newRow("bad time")
            << QByteArray(
                   R"({"id":"abcdefghijklmnopqrstuvwxyz","name":"x","state":"ACTIVE","created_at":"yesterday","tokens_version":1,"vaults":[]})")
            << u"created_at"_s;
    }
    void decodersRejectWrongShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        Server s;
        QString error;
        QVERIFY(!json::decode(QJsonDocument::fromJson(json).object(), s, &error));
        QVERIFY2(error.contains(field), qPrintable(error));
    }

    void pageDecodingRejectsNonObjects()
    {
        Page<Server> page;
        QString error;
        QVERIFY(
            !json::decodePage(QJsonDocument::fromJson(R"({"items":[1]})").object(), page, &error));
        QVERIFY(
            !json::decodePage(QJsonDocument::fromJson(R"({"items":{}})").object(), page, &error));
        QVERIFY(json::decodePage(
            QJsonDocument::fromJson(R"({"items":[],"next_cursor":null})").object(), page, &error));
    }

    void jsonWriterEscapesEverythingJsonNeeds()
    {
        const QString tricky =
            u"quote \" backslash \\ newline \n tab \t bell \u0007 nul-free ✓ 名前 🚀 </script>"_s;
        json::Writer w;
        w.beginObject().field("text"_L1, tricky).field("n"_L1, qint64(-42)).field("b"_L1, false);
        w.key("list"_L1).beginArray().value(1).null().beginObject().endObject().endArray();
        w.endObject();
        QJsonParseError error{};
        const QJsonObject back = QJsonDocument::fromJson(w.bytes(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.value(u"text"_s).toString(), tricky);
        QCOMPARE(back.value(u"n"_s).toInteger(), -42);
        QCOMPARE(back.value(u"list"_s).toArray().size(), 3);
        QVERIFY(!w.bytes().contains('\n'));
    }

    void writerAndDecoderAgreeOnEveryType()
    {
        Token t;
        t.id = newId();
        t.name = u"a \"b\""_s;
        t.serverId = newId();
        t.createdAt = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        t.vaults = {{newId(), Access::ReadWrite}};
        Token tb;
        QString error;
        QVERIFY(json::decode(json::encode(t, t.createdAt), tb, &error));
        QCOMPARE(tb.name, t.name);
        QCOMPARE(tb.vaults, t.vaults);
        QVERIFY(!tb.expiresAt.isValid());
        GroupGrant g{newId(), GroupGrantKind::Server, newId(), t.createdAt};
        GroupGrant gb;
        QVERIFY(json::decode(json::encode(g), gb, &error));
        QCOMPARE(gb, g);
        GrantMatrix m{7, {{newId(), newId()}}};
        GrantMatrix mb;
        QVERIFY(json::decode(json::encode(m), mb, &error));
        QCOMPARE(mb.revision, 7);
        QCOMPARE(mb.grants, m.grants);
        SessionInfo s;
        s.expiresAt = t.createdAt;
        s.user = User{newId(), u"a@b.c"_s, u"A"_s, u"ACTIVE"_s};
        s.rights.manager = true;
        s.rights.servers = {newId()};
        SessionInfo sb;
        QVERIFY2(json::decode(json::encode(s), sb, &error), qPrintable(error));
        QCOMPARE(sb.user.email, s.user.email);
        QCOMPARE(sb.rights.servers, s.rights.servers);
        QVERIFY(sb.rights.manager);
        Vault v{newId(), u"Shared"_s, VaultType::Everyone, true};
        const QJsonObject vo = json::encode(v);
        QVERIFY(!vo.value(u"grantable"_s).toBool());
        QVERIFY(vo.value(u"not_grantable_reason"_s).toString().contains(u"EVERYONE"_s));
    }

    void checkFieldsNamesTheProblem()
    {
        const auto o = QJsonDocument::fromJson(R"({"name":"a","extra":1})").object();
        auto c = json::checkFields(o, {{"name", QJsonValue::String, true}});
        QCOMPARE(c.code, u"unknown_field"_s);
        QVERIFY(c.message.contains(u"extra"_s));
        c = json::checkFields(QJsonDocument::fromJson(R"({"name":5})").object(),
                              {{"name", QJsonValue::String, true}});
        QCOMPARE(c.code, u"wrong_type"_s);
        c = json::checkFields(QJsonObject(), {{"name", QJsonValue::String, true}});
        QCOMPARE(c.code, u"missing_field"_s);
        c = json::checkFields(QJsonDocument::fromJson(R"({"vaults":null})").object(),
                              {{"vaults", QJsonValue::Array, false, true}});
        QVERIFY(c.ok());
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
