// The expiry calendar read back by a real iCalendar parser (libical, as Evolution and other
// calendar programs use it): it parses without errors, has one event per token ending in the
// window, and each event's text and times come back as the program meant them.
#include "client/ExpiryCalendar.h"
#include "core/Ids.h"

#include <QTest>

#include <libical/ical.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

struct ComponentDeleter
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

Token tokenAt(const QString &name, const QDateTime &expires, const QDateTime &revokes = {})
{
    Token t;
    t.id = newId();
    t.name = name;
    t.serverId = newId();
    t.createdAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    t.expiresAt = expires;
    t.revokesAt = revokes;
    t.vaults = {{newId(), Access::Read}};
    return t;
}

QDateTime utc(icaltimetype t)
{
    return QDateTime::fromSecsSinceEpoch(
        icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone()), Qt::UTC);
}

} // namespace

class TestIcal : public QObject
{
    Q_OBJECT
private slots:
    void aCalendarProgramReadsEveryEventBack()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        // Commas, semicolons, backslashes, a newline and a name long enough to be folded
        // inside a multi-byte character: what the escaping and folding must survive.
        const QString tricky = u"deploy, prod; \"eu\\1\"\nsecond line 🚀 — "_s + QString(60, u'é');
        const QList<Token> tokens{tokenAt(tricky, now.addDays(3)),
                                  tokenAt(u"monitor"_s, now.addDays(40), now.addSecs(3600)),
                                  tokenAt(u"far"_s, now.addDays(100)), tokenAt(u"never"_s, {})};
        CalendarNames names;
        names.servers.insert(tokens.first().serverId, u"Prod, EU"_s);
        const QByteArray ics = expiryCalendar(tokens, names, now, 30 * 86400);

        Component calendar(icalparser_parse_string(ics.constData()));
        QVERIFY2(calendar, "libical did not parse the calendar");
        QCOMPARE(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
        // libical marks what it could not read with X-LIC-ERROR properties.
        QCOMPARE(icalcomponent_count_errors(calendar.get()), 0);
        QCOMPARE(icalcomponent_count_components(calendar.get(), ICAL_VEVENT_COMPONENT), 2);

        QHash<QString, icalcomponent *> byUid;
        for (icalcomponent *e =
                 icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
             e; e = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT))
            byUid.insert(QString::fromUtf8(icalcomponent_get_uid(e)), e);
        icalcomponent *expiring = byUid.value(tokens.at(0).id + u".token@connect-admin"_s);
        icalcomponent *scheduled = byUid.value(tokens.at(1).id + u".token@connect-admin"_s);
        QVERIFY(expiring && scheduled);
        QCOMPARE(QString::fromUtf8(icalcomponent_get_summary(expiring)),
                 u"Connect token \"%1\" expires"_s.arg(tricky));
        QCOMPARE(utc(icalcomponent_get_dtstart(expiring)), now.addDays(3));
        QCOMPARE(QString::fromUtf8(icalcomponent_get_summary(scheduled)),
                 u"Connect token \"monitor\" is revoked (scheduled)"_s);
        QCOMPARE(utc(icalcomponent_get_dtstart(scheduled)), now.addSecs(3600));
        QVERIFY(QString::fromUtf8(icalcomponent_get_description(expiring))
                    .startsWith(u"Server: Prod, EU"_s));
        // A reminder a day before each event.
        icalcomponent *alarm = icalcomponent_get_first_component(expiring, ICAL_VALARM_COMPONENT);
        QVERIFY(alarm);
        icalproperty *trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
        QVERIFY(trigger);
        QCOMPARE(icaldurationtype_as_int(icalproperty_get_trigger(trigger).duration), -86400);
    }
};

QTEST_GUILESS_MAIN(TestIcal)
#include "tst_ical.moc"
