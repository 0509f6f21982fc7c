// Core rules: IDs, durations, vault permissions, ACL bits, name-or-ID lookups, the wire format
// (every request and reply encoded and decoded; strict requests, forgiving replies).
#include "core/Access.h"
#include "core/Domain.h"
#include "core/Duration.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/JsonDecoder.h"
#include "core/PageCursor.h"
#include "core/Resolve.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

// An object in its wire form, as the encoder writes it.
template <typename... T>
QByteArray wire(const T &...object)
{
    json::Writer w;
    json::write(w, object...);
    return w.take();
}

// Decoded from the wire, or the test fails naming the problem.
template <typename T>
T decoded(const QByteArray &bytes)
{
    T out{};
    json::DecodeError error;
    if (!json::decode(bytes, out, &error))
        qFatal("decoding %s failed: %s", bytes.left(200).constData(), qPrintable(error.message));
    return out;
}

} // namespace

class TestCore : public QObject
{
    Q_OBJECT
private slots:
    // Found by fuzz_json: free-form JSON (credentials, details) nested ~900 deep (within simdjson's
    // own limit) overflowed the stack. It is refused with a sentence; 64 levels still decode.
    void deeplyNestedFreeFormJsonIsRefusedNotFollowed()
    {
        const QByteArray deep = "{\"a\":" + QByteArray(900, '[') + QByteArray(900, ']') + "}";
        QJsonObject out;
        json::DecodeError error;
        QVERIFY(!json::decode(deep, out, &error));
        QCOMPARE(error.code, u"invalid_json"_s);
        QVERIFY2(!error.message.isEmpty(), "no sentence");

        const QByteArray fine = "{\"a\":" + QByteArray(60, '[') + QByteArray(60, ']') + "}";
        QVERIFY(json::decode(fine, out, &error));
        QVERIFY(out.value(u"a"_s).isArray());
    }

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
        const Server back = decoded<Server>(wire(s));
        QCOMPARE(back.id, s.id);
        QCOMPARE(back.name, s.name);
        QCOMPARE(back.createdAt, s.createdAt);
        QCOMPARE(back.creatorId, s.creatorId);
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
        const Token back = decoded<Token>(wire(t, QDateTime::currentDateTimeUtc()));
        QCOMPARE(back.vaults, t.vaults);
        QCOMPARE(back.serverId, t.serverId);
        QCOMPARE(back.stateAt(QDateTime::currentDateTimeUtc()), TokenState::Expired);
        QCOMPARE(back.stateAt(t.createdAt), TokenState::Active);
    }

    void replyDecodersNameTheFieldAndTheProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray server =
            R"("id":"abcdefghijklmnopqrstuvwxyz","name":"x","state":"ACTIVE",)"
            R"("tokens_version":1)";
        QTest::newRow("missing id")
            << QByteArray(R"({"name":"x"})") << u"server field \"id\" is missing"_s;
        QTest::newRow("id wrong type")
            << QByteArray(R"({"id":5,"name":"x"})") << u"server field \"id\" is not a string"_s;
        QTest::newRow("bad id") << QByteArray(R"({"id":"nope","name":"x"})")
                                << u"server field \"id\" is not a valid ID"_s;
        QTest::newRow("vaults not list")
            << "{" + server + R"(,"created_at":"2026-01-01T00:00:00Z","vaults":"a"})"
            << u"server field \"vaults\" is not a list"_s;
        QTest::newRow("vault not an id")
            << "{" + server + R"(,"created_at":"2026-01-01T00:00:00Z","vaults":["a"]})"
            << u"server field \"vaults\" holds something that is not an ID"_s;
        QTest::newRow("bad time") << "{" + server + R"(,"created_at":"yesterday","vaults":[]})"
                                  << u"server field \"created_at\" is not an ISO 8601 time"_s;
        QTest::newRow("feb 30") << "{" + server + R"(,"created_at":"2026-02-30T00:00:00.000Z"})"
                                << u"server field \"created_at\" is not an ISO 8601 time"_s;
        QTest::newRow("fraction") << "{" + server + R"(,"tokens_version":1.5})"
                                  << u"server field \"tokens_version\" is not a whole number"_s;
        QTest::newRow("not json") << QByteArray(R"({"id":)") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray(R"([1])") << u"not a JSON object"_s;
        QTest::newRow("trailing") << "{" + server +
                                         R"(,"created_at":"2026-01-01T00:00:00Z","vaults":[]} {})"
                                  << u"not valid JSON"_s;
    }
    void replyDecodersNameTheFieldAndTheProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        Server s;
        json::DecodeError error;
        QVERIFY(!json::decode(json, s, &error));
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
    }

    void aTokensExpiryThatIsNoTimeIsNamed()
    {
        Token t;
        t.id = newId();
        t.serverId = newId();
        t.createdAt = QDateTime::currentDateTimeUtc();
        QByteArray bytes = wire(t, t.createdAt);
        bytes.replace(R"("expires_at":null)", R"("expires_at":"soon")");
        json::DecodeError error;
        QVERIFY(!json::decode(bytes, t, &error));
        QCOMPARE(error.message, u"token field \"expires_at\" is not an ISO 8601 time"_s);
    }

    void repliesSkipFieldsTheyDontKnow()
    {
        // A newer service may add fields of any shape, at any depth.
        const QByteArray json =
            R"({"items":[{"id":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","new":{"deep":[1,{"x":null}]},)"
            R"("name":"dev","state":"ACTIVE","created_at":"2026-05-01T09:30:00.000Z",)"
            R"("tokens_version":2,"vaults":[],"flag":true,"n":1e300}],)"
            R"("next_cursor":"abc","total":1,"extra":["\u00e9"]})";
        Page<Server> page;
        json::DecodeError error;
        QVERIFY2(json::decode(json, page, &error), qPrintable(error.message));
        QCOMPARE(page.items.size(), 1);
        QCOMPARE(page.items.first().id, u"abcdefghijklmnopqrstuvwxyz"_s);
        QCOMPARE(page.items.first().createdAt, QDateTime(QDate(2026, 5, 1), QTime(9, 30), Qt::UTC));
        QCOMPARE(page.nextCursor, u"abc"_s);
    }

    void pageDecodingRejectsNonObjects()
    {
        Page<Server> page;
        json::DecodeError error;
        QVERIFY(!json::decode(R"({"items":[1]})", page, &error));
        QVERIFY2(error.message.contains(u"items"_s), qPrintable(error.message));
        QVERIFY(!json::decode(R"({"items":{}})", page, &error));
        QVERIFY(!json::decode(R"({"next_cursor":null})", page, &error));
        QVERIFY(json::decode(R"({"items":[],"next_cursor":null})", page, &error));
        QVERIFY(page.nextCursor.isEmpty());
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
        // ...and the decoder reads it back the same.
        const QJsonObject mine = decoded<QJsonObject>(w.bytes());
        QCOMPARE(mine, back);
    }

    void writerAndDecoderAgreeOnEveryType()
    {
        Token t;
        t.id = newId();
        t.name = u"a \"b\""_s;
        t.serverId = newId();
        t.createdAt = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        t.vaults = {{newId(), Access::ReadWrite}};
        const Token tb = decoded<Token>(wire(t, t.createdAt));
        QCOMPARE(tb.name, t.name);
        QCOMPARE(tb.vaults, t.vaults);
        QVERIFY(!tb.expiresAt.isValid());
        GroupGrant g{newId(), GroupGrantKind::Server, newId(), t.createdAt};
        QCOMPARE(decoded<GroupGrant>(wire(g)), g);
        GrantMatrix m{7, {{newId(), newId()}}};
        const GrantMatrix mb = decoded<GrantMatrix>(wire(m));
        QCOMPARE(mb.revision, 7);
        QCOMPARE(mb.grants, m.grants);
        SessionInfo s;
        s.token = u"secret"_s;
        s.expiresAt = t.createdAt;
        s.user = User{newId(), u"a@b.c"_s, u"A"_s, u"ACTIVE"_s};
        s.rights.manager = true;
        s.rights.servers = {newId()};
        const SessionInfo sb = decoded<SessionInfo>(wire(s));
        QCOMPARE(sb.token, s.token);
        QCOMPARE(sb.user.email, s.user.email);
        QCOMPARE(sb.rights.servers, s.rights.servers);
        QVERIFY(sb.rights.manager);
        Vault v{newId(), u"Shared"_s, VaultType::Everyone, true};
        const QJsonObject vo = json::encode(v);
        QVERIFY(!vo.value(u"grantable"_s).toBool());
        QVERIFY(vo.value(u"not_grantable_reason"_s).toString().contains(u"EVERYONE"_s));
        const Vault vb = decoded<Vault>(wire(v));
        QCOMPARE(vb.type, VaultType::Everyone);
        QVERIFY(vb.accessible);
        AuditEvent e{42,
                     t.createdAt,
                     newId(),
                     u"server.create"_s,
                     u"server"_s,
                     u"X"_s,
                     QJsonObject{{u"name"_s, u"Dev"_s}, {u"vaults"_s, QJsonArray{1, true}}},
                     7,
                     QString(64, u'a')};
        const AuditEvent eb = decoded<AuditEvent>(wire(e));
        QCOMPARE(eb.id, 42);
        QCOMPARE(eb.seq, 7);
        QCOMPARE(eb.hash, e.hash);
        QCOMPARE(eb.actorId, e.actorId);
        QCOMPARE(eb.detail, e.detail);
    }

    void repliesRoundTrip()
    {
        Server server;
        server.id = newId();
        server.name = u"Dev"_s;
        server.createdAt = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        const CreatedServer cs{server, QJsonObject{{u"version"_s, u"2"_s}}};
        const CreatedServer csb = decoded<CreatedServer>(wire(cs));
        QCOMPARE(csb.server.id, server.id);
        QCOMPARE(csb.credentials, cs.credentials);
        Token token;
        token.id = newId();
        token.serverId = server.id;
        token.createdAt = server.createdAt;
        const CreatedToken ct{token, u"a.b.c"_s};
        const CreatedToken ctb = decoded<CreatedToken>(wire(ct, server.createdAt));
        QCOMPARE(ctb.jwt, ct.jwt);
        QCOMPARE(ctb.token.id, token.id);
        const GrantBatchResult br = decoded<GrantBatchResult>(wire(GrantBatchResult{43, 2}));
        QCOMPARE(br.revision, 43);
        QCOMPARE(br.applied, 2);
        const GroupGrantResult gr{{newId(), GroupGrantKind::AllServers, {}, {}}, true};
        const GroupGrantResult grb = decoded<GroupGrantResult>(wire(gr));
        QCOMPARE(grb.grant, gr.grant);
        QVERIFY(grb.created);
        QCOMPARE(decoded<RemovedCount>(wire(RemovedCount{3})).removed, 3);
        const Page<GroupGrant> page{{gr.grant}, u"next"_s};
        const Page<GroupGrant> pb = decoded<Page<GroupGrant>>(wire(page));
        QCOMPARE(pb.items, page.items);
        QCOMPARE(pb.nextCursor, page.nextCursor);
        // What a reply must hold to be what it says.
        json::DecodeError error;
        CreatedToken noJwt;
        QVERIFY(
            !json::decode(wire(CreatedToken{token, u"nope"_s}, server.createdAt), noJwt, &error));
        QCOMPARE(error.message, u"created token field \"jwt\" is not a JWT"_s);
        CreatedServer noCredentials;
        QVERIFY(!json::decode(wire(CreatedServer{server, {}}), noCredentials, &error));
        QVERIFY(error.message.contains(u"credentials"_s));
    }

    void requestsRoundTrip()
    {
        const SignInRequest si{u"a@b.c"_s, u"pässword \"x\""_s};
        const SignInRequest sib = decoded<SignInRequest>(wire(si));
        QCOMPARE(sib.email, si.email);
        QCOMPARE(sib.password, si.password);
        const CreateServerRequest cs{u"Dev"_s, {u"Kubernetes"_s, u"abcdefghijklmnopqrstuvwxyz"_s}};
        QCOMPARE(decoded<CreateServerRequest>(wire(cs)).vaults, cs.vaults);
        QCOMPARE(decoded<CreateServerRequest>(wire(CreateServerRequest{u"x"_s, {}})).name, u"x"_s);
        QCOMPARE(decoded<RenameRequest>(wire(RenameRequest{u"new"_s})).name, u"new"_s);
        const GrantBatchRequest gb{41, {{newId(), newId(), true}, {newId(), newId(), false}}};
        const GrantBatchRequest gbb = decoded<GrantBatchRequest>(wire(gb));
        QCOMPARE(gbb.baseRevision, 41);
        QCOMPARE(gbb.changes, gb.changes); // canonical IDs, though servers go upper-case
        const CreateTokenRequest ct{u"t"_s,
                                    u"Prod"_s,
                                    {{u"Customers"_s, Access::Write}, {u"Vendors"_s, Access::Read}},
                                    u"1w2d"_s};
        const CreateTokenRequest ctb = decoded<CreateTokenRequest>(wire(ct));
        QCOMPARE(ctb.vaults, ct.vaults);
        QCOMPARE(ctb.expiresIn, ct.expiresIn);
        const CreateTokenRequest plain = decoded<CreateTokenRequest>(
            wire(CreateTokenRequest{u"t"_s, u"Prod"_s, {}, std::nullopt}));
        QVERIFY(plain.vaults.isEmpty());
        QVERIFY(!plain.expiresIn);
        const GroupGrantRequest gg{u"Ops"_s, u"Dev"_s, false};
        const GroupGrantRequest ggb = decoded<GroupGrantRequest>(wire(gg));
        QCOMPARE(ggb.group, gg.group);
        QCOMPARE(ggb.server, gg.server);
        QVERIFY(decoded<GroupGrantRequest>(wire(GroupGrantRequest{u"Ops"_s, {}, true})).allServers);
        // The query form of DELETE.
        GroupGrantRequest q;
        QString error;
        QVERIFY(fromQuery(toQuery(GroupGrantRequest{u"R&D + Ops=1"_s, u"a#b"_s, true}), q, &error));
        QCOMPARE(q.group, u"R&D + Ops=1"_s);
        QCOMPARE(q.server, u"a#b"_s);
        QVERIFY(q.allServers);
        QVERIFY(!fromQuery(QUrlQuery(u"group=x&all_servers=maybe"_s), q, &error));
        QVERIFY(error.contains(u"all_servers"_s));
    }

    void lifecycleRepliesRoundTrip()
    {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        Token old;
        old.id = newId();
        old.name = u"deploy"_s;
        old.serverId = newId();
        old.createdAt = at;
        old.revokesAt = at.addSecs(3600);
        old.vaults = {{newId(), Access::Read}};
        // revokes_at is written only when a revocation is scheduled.
        QVERIFY(wire(old, at).contains(R"("revokes_at":")"));
        Token plain = old;
        plain.revokesAt = {};
        QVERIFY(!wire(plain, at).contains("revokes_at"));
        QCOMPARE(decoded<Token>(wire(old, at)).revokesAt, old.revokesAt);
        QCOMPARE(old.endsAt(), old.revokesAt);
        old.expiresAt = at.addSecs(60);
        QCOMPARE(old.endsAt(), old.expiresAt);

        Token fresh = plain;
        fresh.id = newId();
        const RotatedToken rotated{{fresh, u"a.b.c"_s}, old, {newId()}};
        const RotatedToken rb = decoded<RotatedToken>(wire(rotated, at));
        QCOMPARE(rb.created.token.id, fresh.id);
        QCOMPARE(rb.created.jwt, rotated.created.jwt);
        QCOMPARE(rb.previous.id, old.id);
        QCOMPARE(rb.previous.revokesAt, old.revokesAt);
        QCOMPARE(rb.droppedVaults, rotated.droppedVaults);
        QCOMPARE(decoded<RotatedTokens>(wire(RotatedTokens{{rotated, rotated}}, at)).items.size(),
                 2);

        Server server;
        server.id = newId();
        server.name = u"Prod"_s;
        server.createdAt = at;
        server.credentialsIssuedAt = at.addDays(3);
        server.credentialsFingerprint = QString(64, u'a');
        const Server sb = decoded<Server>(wire(server));
        QCOMPARE(sb.credentialsIssuedAt, server.credentialsIssuedAt);
        QCOMPARE(sb.credentialsFingerprint, server.credentialsFingerprint);
        const RenewedCredentials renewed{server, QJsonObject{{u"version"_s, u"2"_s}}, 4, {rotated}};
        const RenewedCredentials reb = decoded<RenewedCredentials>(wire(renewed, at));
        QCOMPARE(reb.server.credentialsFingerprint, server.credentialsFingerprint);
        QCOMPARE(reb.credentials, renewed.credentials);
        QCOMPARE(reb.staleTokens, 4);
        QCOMPARE(reb.rotated.size(), 1);
        json::DecodeError error;
        RotatedToken noJwt;
        QVERIFY(!json::decode(wire(RotatedToken{{fresh, u"x"_s}, old, {}}, at), noJwt, &error));
        QCOMPARE(error.message, u"rotated token field \"jwt\" is not a JWT"_s);
    }

    void lifecycleRequestsRoundTrip()
    {
        RotateTokenRequest one;
        one.name = u"deploy, new"_s;
        one.revokeOld.overlap = u"0"_s;
        const RotateTokenRequest oneb = decoded<RotateTokenRequest>(wire(one));
        QCOMPARE(oneb.name, one.name);
        QCOMPARE(oneb.revokeOld.overlap, one.revokeOld.overlap);
        QVERIFY(!oneb.revokeOld.at.isValid());
        QVERIFY(!decoded<RotateTokenRequest>("{}").name);

        RotateTokensRequest many;
        many.server = u"Prod"_s;
        many.tokens = {{u"a"_s, std::nullopt}, {u"b"_s, u"b2"_s}};
        many.revokeOld.at = QDateTime::fromMSecsSinceEpoch(1795800000123, Qt::UTC);
        const RotateTokensRequest manyb = decoded<RotateTokensRequest>(wire(many));
        QCOMPARE(manyb.server, many.server);
        QCOMPARE(manyb.tokens.size(), 2);
        QCOMPARE(manyb.tokens.at(1).name, many.tokens.at(1).name);
        QVERIFY(!manyb.tokens.at(0).name);
        QCOMPARE(manyb.revokeOld.at, many.revokeOld.at);

        ScheduleRevocationRequest in;
        in.revokesIn = u"24h"_s;
        QCOMPARE(decoded<ScheduleRevocationRequest>(wire(in)).revokesIn, in.revokesIn);
        RenewCredentialsRequest renew;
        renew.rotateTokens = true;
        renew.revokeOld.overlap = u"1h"_s;
        const RenewCredentialsRequest renewb = decoded<RenewCredentialsRequest>(wire(renew));
        QVERIFY(renewb.rotateTokens);
        QCOMPARE(renewb.revokeOld.overlap, renew.revokeOld.overlap);
        QVERIFY(!decoded<RenewCredentialsRequest>("{}").rotateTokens);
    }

    void lifecycleRequestsAreStrict_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("rotate: both times")
            << QByteArray("rotate")
            << QByteArray(R"({"overlap":"1h","revokes_at":"2030-01-01T00:00:00Z"})")
            << u"invalid_field"_s << u"either \"overlap\" or \"revokes_at\""_s;
        QTest::newRow("rotate: a time without its zone")
            << QByteArray("rotate") << QByteArray(R"({"revokes_at":"2030-01-01T00:00:00"})")
            << u"invalid_field"_s << u"with its zone"_s;
        QTest::newRow("rotate: a date only")
            << QByteArray("rotate") << QByteArray(R"({"revokes_at":"2030-01-01"})")
            << u"invalid_field"_s << u"with its zone"_s;
        QTest::newRow("rotate: unknown field")
            << QByteArray("rotate") << QByteArray(R"({"overlap":"1h","vaults":[]})")
            << u"unknown_field"_s << u"allowed: name, overlap, revokes_at"_s;
        QTest::newRow("rotate: overlap a number")
            << QByteArray("rotate") << QByteArray(R"({"overlap":3600})") << u"wrong_type"_s
            << u"\"overlap\" must be a string"_s;
        QTest::newRow("batch: no tokens") << QByteArray("batch") << QByteArray(R"({"server":"x"})")
                                          << u"missing_field"_s << u"\"tokens\""_s;
        QTest::newRow("batch: a token without its name")
            << QByteArray("batch") << QByteArray(R"({"tokens":[{"name":"x"}]})")
            << u"missing_field"_s << u"\"token\""_s;
        QTest::newRow("batch: too many")
            << QByteArray("batch")
            << (QByteArray(R"({"tokens":[)") +
                QByteArray(R"({"token":"t"},)").repeated(json::kMaxRotations) +
                QByteArray(R"({"token":"t"}]})"))
            << u"too_many_changes"_s << u"more than 1000"_s;
        QTest::newRow("schedule: neither") << QByteArray("schedule") << QByteArray("{}")
                                           << u"missing_field"_s << u"\"revokes_in\""_s;
        QTest::newRow("schedule: both")
            << QByteArray("schedule")
            << QByteArray(R"({"revokes_in":"1h","revokes_at":"2030-01-01T00:00:00Z"})")
            << u"invalid_field"_s << u"not both"_s;
        QTest::newRow("renew: rotate_tokens a string")
            << QByteArray("renew") << QByteArray(R"({"rotate_tokens":"yes"})") << u"wrong_type"_s
            << u"true or false"_s;
    }
    void lifecycleRequestsAreStrict()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, message);
        json::DecodeError error;
        bool ok = true;
        if (type == "rotate") {
            RotateTokenRequest r;
            ok = json::decode(json, r, &error);
        } else if (type == "batch") {
            RotateTokensRequest r;
            ok = json::decode(json, r, &error);
        } else if (type == "schedule") {
            ScheduleRevocationRequest r;
            ok = json::decode(json, r, &error);
        } else {
            RenewCredentialsRequest r;
            ok = json::decode(json, r, &error);
        }
        QVERIFY(!ok);
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
    }

    void overlapsMayBeZeroDurationsMayNot()
    {
        for (const char *zero : {"0", "0s", "0h", " 0d ", "0d0h"}) {
            QCOMPARE(parseOverlap(QString::fromLatin1(zero)).seconds, qint64(0));
            QVERIFY(!parseDuration(QString::fromLatin1(zero)).seconds);
        }
        QCOMPARE(parseOverlap(u"1w2d"_s).seconds, qint64(9 * 86400));
        QVERIFY(!parseOverlap(u""_s).seconds);
        QVERIFY(!parseOverlap(u"00x"_s).seconds);
        QVERIFY(!parseOverlap(u"-1h"_s).seconds);
    }

    void requestDecodingIsStrict_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field")
            << QByteArray(R"({"name":"a","extra":1})") << u"unknown_field"_s
            << u"The request body has an unknown field \"extra\"; allowed: name, vaults."_s;
        QTest::newRow("wrong type")
            << QByteArray(R"({"name":5})") << u"wrong_type"_s
            << u"In the request body, \"name\" must be a string, not a number."_s;
        QTest::newRow("null name")
            << QByteArray(R"({"name":null})") << u"wrong_type"_s
            << u"In the request body, \"name\" must be a string, not null."_s;
        QTest::newRow("missing") << QByteArray(R"({"vaults":[]})") << u"missing_field"_s
                                 << u"The request body is missing the field \"name\"."_s;
        QTest::newRow("vault entry")
            << QByteArray(R"({"name":"a","vaults":["x",1]})") << u"wrong_type"_s
            << u"In the request body, every entry of \"vaults\" must be a string, not a number."_s;
        QTest::newRow("twice") << QByteArray(R"({"name":"a","name":"b"})") << u"invalid_json"_s
                               << u"The request body has the field \"name\" more than once."_s;
        QTest::newRow("lone high surrogate")
            << QByteArray(R"({"name":"a\ud800"})") << u"invalid_text"_s << u"\"name\""_s;
        QTest::newRow("lone low surrogate")
            << QByteArray(R"({"name":"\udc00b"})") << u"invalid_text"_s << u"\"name\""_s;
        QTest::newRow("reversed pair")
            << QByteArray(R"({"name":"\ude80\ud83d"})") << u"invalid_text"_s << u"\"name\""_s;
        QTest::newRow("surrogate in a list") << QByteArray(R"({"name":"a","vaults":["\ud800"]})")
                                             << u"invalid_text"_s << u"\"vaults\""_s;
        QTest::newRow("bad escape")
            << QByteArray(R"({"name":"\x"})") << u"invalid_json"_s << u"not valid JSON"_s;
        QTest::newRow("invalid utf-8")
            << QByteArray("{\"name\":\"\xff\xfe\"}") << u"invalid_json"_s << u"UTF-8"_s;
        QTest::newRow("overlong utf-8")
            << QByteArray("{\"name\":\"\xc0\xaf\"}") << u"invalid_json"_s << u"UTF-8"_s;
        QTest::newRow("encoded surrogate")
            << QByteArray("{\"name\":\"\xed\xa0\x80\"}") << u"invalid_json"_s << u"UTF-8"_s;
        QTest::newRow("broken literal")
            << QByteArray(R"({"name":tru})") << u"invalid_json"_s << u"not valid JSON"_s;
        QTest::newRow("broken null") << QByteArray(R"({"name":"a","vaults":nul})")
                                     << u"invalid_json"_s << u"not valid JSON"_s;
        QTest::newRow("trailing") << QByteArray(R"({"name":"a"} {"name":"b"})") << u"invalid_json"_s
                                  << u"not valid JSON"_s;
        QTest::newRow("trailing comma") << QByteArray(R"({"name":"a","vaults":["x",]})")
                                        << u"invalid_json"_s << u"not valid JSON"_s;
        QTest::newRow("not an object") << QByteArray(R"(["name"])") << u"invalid_json"_s
                                       << u"The body must be a JSON object."_s;
        QTest::newRow("deep") << QByteArray(4000, '[') << u"invalid_json"_s << u"JSON"_s;
    }
    void requestDecodingIsStrict()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, message);
        CreateServerRequest r;
        json::DecodeError error;
        QVERIFY(!json::decode(json, r, &error));
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
    }

    void nullMeansAbsentWhereTheFieldMayBeLeftOut()
    {
        CreateTokenRequest r;
        json::DecodeError error;
        QVERIFY2(
            json::decode(R"({"name":"t","server":"s","vaults":null,"expires_in":null})", r, &error),
            qPrintable(error.message));
        QVERIFY(r.vaults.isEmpty());
        QVERIFY(!r.expiresIn);
        QVERIFY(json::decode(R"({"name":"t","server":"s","vaults":[{"vault":"v","access":null}]})",
                             r, &error));
        QCOMPARE(r.vaults.first().access, Access::ReadWrite);
        QVERIFY(!json::decode(
            R"({"name":"t","server":"s","vaults":[{"vault":"v","access":"all"}]})", r, &error));
        QCOMPARE(error.code, u"invalid_field"_s);
        QVERIFY(!json::decode(R"({"name":"t","server":"s","vaults":["v"]})", r, &error));
        QCOMPARE(error.code, u"wrong_type"_s);
        QVERIFY(!json::decode(R"({"name":"t","server":"s","vaults":[{"vault":"v","x":1}]})", r,
                              &error));
        QCOMPARE(error.code, u"unknown_field"_s);
        QVERIFY(error.message.contains(u"allowed: vault, access"_s));
    }

    void numbersAtTheEdgesAreRefusedNotCast_data()
    {
        QTest::addColumn<QByteArray>("revision");
        QTest::newRow("1e300") << QByteArray("1e300");
        QTest::newRow("-1e300") << QByteArray("-1e300");
        QTest::newRow("3.5e87") << QByteArray("3.5e87");
        QTest::newRow("1.5") << QByteArray("1.5");
        QTest::newRow("1.0") << QByteArray("1.0");
        QTest::newRow("2^63") << QByteArray("9223372036854775808");
        QTest::newRow("20 digits") << QByteArray("99999999999999999999");
        QTest::newRow("-2^63-1") << QByteArray("-9223372036854775809");
    }
    void numbersAtTheEdgesAreRefusedNotCast()
    {
        QFETCH(QByteArray, revision);
        // As a request (the service reading a batch)...
        GrantBatchRequest request;
        json::DecodeError error;
        QVERIFY(!json::decode(R"({"base_revision":)" + revision + R"(,"changes":[]})", request,
                              &error));
        QCOMPARE(error.code, u"wrong_type"_s);
        QVERIFY2(error.message.contains(u"\"base_revision\" must be a whole number"_s),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QString::fromLatin1(revision)), qPrintable(error.message));
        // ...and as a reply (a client reading the matrix).
        GrantMatrix matrix;
        QVERIFY(!json::decode(R"({"revision":)" + revision + R"(,"items":[]})", matrix, &error));
        QCOMPARE(error.message, u"grants field \"revision\" is not a whole number"_s);
    }

    void wholeNumbersAtTheLimitsAreRead()
    {
        GrantBatchRequest r;
        json::DecodeError error;
        QVERIFY(json::decode(R"({"base_revision":9223372036854775807,"changes":[]})", r, &error));
        QCOMPARE(r.baseRevision, std::numeric_limits<qint64>::max());
        QVERIFY(json::decode(R"({"base_revision":-9223372036854775808,"changes":[]})", r, &error));
        QCOMPARE(r.baseRevision, std::numeric_limits<qint64>::min());
        RemovedCount removed;
        QVERIFY(!json::decode(R"({"removed":4294967296})", removed, &error));
        QVERIFY(error.message.contains(u"out of range"_s));
    }

    void batchChecksTypesBeforeIdsAndCountsChanges()
    {
        GrantBatchRequest r;
        json::DecodeError error;
        QVERIFY(!json::decode(
            R"({"base_revision":1,"changes":[{"server":"x","vault":"y","granted":"yes"}]})", r,
            &error));
        QCOMPARE(error.code, u"wrong_type"_s);
        QVERIFY(!json::decode(
            R"({"base_revision":1,"changes":[{"server":"x","vault":"y","granted":true}]})", r,
            &error));
        QCOMPARE(error.code, u"invalid_id"_s);
        QVERIFY(!json::decode(R"({"base_revision":1,"changes":[5]})", r, &error));
        QCOMPARE(error.code, u"wrong_type"_s);
        QByteArray many = R"({"base_revision":1,"changes":[)";
        const QByteArray change = R"({"server":"abcdefghijklmnopqrstuvwxyz",)"
                                  R"("vault":"abcdefghijklmnopqrstuvwxyz","granted":true})";
        for (int i = 0; i <= json::kMaxBatchChanges; ++i)
            many += (i ? "," : "") + change;
        many += "]}";
        QVERIFY(!json::decode(many, r, &error));
        QCOMPARE(error.code, u"too_many_changes"_s);
    }

    void surrogatePairsAndEscapesAreText()
    {
        RenameRequest r;
        json::DecodeError error;
        QVERIFY2(json::decode("{\"name\":\"\\ud83d\\ude80 \\u00e9\\u540d \\\"q\\\" \\\\ \\/\"}", r,
                              &error),
                 qPrintable(error.message));
        QCOMPARE(r.name, u"🚀 é名 \"q\" \\ /"_s);
        // The key may be escaped too: it is the same field.
        QVERIFY(json::decode(R"({"n\u0061me":"x"})", r, &error));
        QCOMPARE(r.name, u"x"_s);
        // In a reply, a lone surrogate is refused as well (nothing made of it reaches a model).
        User u;
        QVERIFY(!json::decode(
            R"({"id":"abcdefghijklmnopqrstuvwxyz","email":"a@b.c","name":"\udfff"})", u, &error));
        QVERIFY2(error.message.contains(u"user field \"name\" is not valid text"_s),
                 qPrintable(error.message));
    }

    void idsInRepliesAreCheckedAtEveryByte()
    {
        // The decoder reads IDs sixteen bytes at a time; every byte must still count.
        auto decodeId = [](const QByteArray &id, QString *out) {
            User u;
            json::DecodeError error;
            const bool ok =
                json::decode(R"({"id":")" + id + R"(","email":"a","name":"b"})", u, &error);
            *out = u.id;
            return ok;
        };
        QString id;
        QVERIFY(decodeId("AbCdEfGhIjKlMnOpQrStUvWxYz", &id));
        QCOMPARE(id, u"abcdefghijklmnopqrstuvwxyz"_s);
        QVERIFY(decodeId("22334455667777ZZzzAAaa2345", &id));
        QCOMPARE(id, u"22334455667777zzzzaaaa2345"_s);
        for (int at = 0; at < 26; ++at) {
            for (const char bad : {'1', '8', '@', '[', '`', '{', '/', ':', ' ', '\x7f'}) {
                QByteArray text(26, 'a');
                text[at] = bad;
                QVERIFY2(!decodeId(text, &id), text.constData());
            }
            QByteArray text(26, 'a');
            text.replace(at, 1, "\xc3\xa9"); // é: 27 bytes, and not ASCII
            QVERIFY(!decodeId(text, &id));
            QVERIFY(!decodeId(text.left(26), &id));
        }
        QVERIFY(!decodeId(QByteArray(25, 'a'), &id));
        QVERIFY(!decodeId(QByteArray(27, 'a'), &id));
    }

    void isoTimesDecodeAsQtReadsThem()
    {
        // The decoder's own reading of "YYYY-MM-DDTHH:MM:SS.mmmZ" against Qt's, over 400 years.
        QRandomGenerator rng(2026);
        for (int i = 0; i < 5000; ++i) {
            const qint64 ms = qint64(rng.bounded(12622780800.0)) * 1000 + rng.bounded(1000) -
                              2208988800000; // 1900 .. 2300
            const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            const QString text = json::isoUtc(dt);
            AuditEvent e;
            json::DecodeError error;
            QVERIFY2(json::decode("{\"id\":1,\"action\":\"x\",\"at\":\"" + text.toLatin1() + "\"}",
                                  e, &error),
                     qPrintable(error.message));
            QCOMPARE(e.at, QDateTime::fromString(text, Qt::ISODateWithMs));
            QCOMPARE(e.at.toMSecsSinceEpoch(), ms);
        }
        // Other ISO 8601 forms take Qt's way.
        AuditEvent e;
        json::DecodeError error;
        QVERIFY(
            json::decode(R"({"id":1,"action":"x","at":"2026-05-01T11:30:00+02:00"})", e, &error));
        QCOMPARE(e.at, QDateTime(QDate(2026, 5, 1), QTime(9, 30), Qt::UTC));
        QVERIFY(json::decode(R"({"id":1,"action":"x","at":"2024-02-29T00:00:00Z"})", e, &error));
        QVERIFY(
            !json::decode(R"({"id":1,"action":"x","at":"2025-02-29T00:00:00.000Z"})", e, &error));
        QVERIFY(
            !json::decode(R"({"id":1,"action":"x","at":"2025-01-01T25:00:00.000Z"})", e, &error));
    }

    void decodesBytesWithAndWithoutRoomBehindThem()
    {
        // simdjson reads past the end; the decoder must copy when there is no room.
        static const char text[] = R"({"revision":5,"applied":1})";
        GrantBatchResult r;
        json::DecodeError error;
        QVERIFY(json::decode(QByteArray::fromRawData(text, sizeof text - 1), r, &error));
        QCOMPARE(r.revision, 5);
        QByteArray roomy(text);
        roomy.reserve(4096);
        QVERIFY(json::decode(roomy, r, &error));
        QCOMPARE(r.applied, 1);
    }

    void pageCursorsAreSignedAndBoundToTheirList()
    {
        const PageCursor cursors(QByteArray(32, 'k'));
        const QString id = newId();
        const QString cursor = cursors.encode(u"/v1/vaults"_s, id);
        QCOMPARE(cursors.decode(u"/v1/vaults"_s, cursor), std::optional<QString>(id));
        QVERIFY(!cursor.contains(id)); // opaque, though not secret
        // Another list, another key, or any change at all: refused.
        QVERIFY(!cursors.decode(u"/v1/groups"_s, cursor));
        QVERIFY(!PageCursor(QByteArray(32, 'x')).decode(u"/v1/vaults"_s, cursor));
        for (qsizetype i = 0; i < cursor.size(); ++i) {
            QString altered = cursor;
            altered[i] = altered[i] == u'A' ? u'B' : u'A';
            QVERIFY2(!cursors.decode(u"/v1/vaults"_s, altered), qPrintable(altered));
        }
        QVERIFY(!cursors.decode(u"/v1/vaults"_s, cursor.left(cursor.size() - 1)));
        QVERIFY(!cursors.decode(u"/v1/vaults"_s, cursor + u"A"_s));
        // What the service gave out before cursors were signed, and other garbage.
        const QByteArray unsigned_ = "c1:" + id.toLatin1();
        const QStringList garbage{
            QString::fromLatin1(
                unsigned_.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
            u"YzE6YWJj"_s,
            u"**"_s,
            u"abc="_s,
            u"a b"_s,
            u"é"_s};
        for (const QString &text : garbage)
            QVERIFY2(!cursors.decode(u"/v1/vaults"_s, text), qPrintable(text));
        // Positions of any text survive the round trip.
        const QString odd = u"12345 / ✓"_s;
        QCOMPARE(cursors.decode(u"/v1/audit"_s, cursors.encode(u"/v1/audit"_s, odd)),
                 std::optional<QString>(odd));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
