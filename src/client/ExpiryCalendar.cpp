// ExpiryCalendar: tokens near their end, and their iCalendar export.
#include "client/ExpiryCalendar.h"

#include "core/Ids.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::ExpiryCalendar".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::ExpiryCalendar)
};

constexpr int kEventMinutes = 30;
constexpr qsizetype kMaxLineOctets = 75; // RFC 5545 3.1, without the CRLF

// RFC 5545 3.3.5: a UTC DATE-TIME, "20261201T093000Z".
QByteArray utc(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped in TEXT.
QByteArray text(const QString &value)
{
    QString out;
    out.reserve(value.size() + 8);
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u';':
            out += u"\\;"_s;
            break;
        case u',':
            out += u"\\,"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            break;
        default:
            // Other control characters are not allowed in TEXT at all.
            if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
                out += c;
        }
    }
    return out.toUtf8();
}

// RFC 5545 3.1: a content line longer than 75 octets continues on lines that start with a
// space; a UTF-8 sequence is never split.
void appendLine(QByteArray &out, const QByteArray &line)
{
    qsizetype at = 0;
    qsizetype room = kMaxLineOctets;
    while (line.size() - at > room) {
        qsizetype cut = at + room;
        while (cut > at && (uchar(line.at(cut)) & 0xC0) == 0x80) // a continuation byte
            --cut;
        out += line.mid(at, cut - at) + "\r\n ";
        at = cut;
        room = kMaxLineOctets - 1; // the leading space counts
    }
    out += line.mid(at) + "\r\n";
}

QString nameOr(const QHash<QString, QString> &names, const QString &id, IdKind kind)
{
    const QString name = names.value(id);
    return name.isEmpty() ? displayId(id, kind) : name;
}

void appendEvent(QByteArray &out, const Token &t, const CalendarNames &names, const QDateTime &now)
{
    const QDateTime end = t.endsAt();
    const bool revocation = t.revokesAt.isValid() && t.revokesAt == end;
    const QString server = nameOr(names.servers, t.serverId, IdKind::Server);
    const QString summary =
        revocation ? Text::tr("Connect token \"%1\" is revoked (scheduled)").arg(t.name)
                   : Text::tr("Connect token \"%1\" expires").arg(t.name);
    QStringList vaults;
    for (const TokenVault &v : t.vaults)
        vaults.append(scopeText(nameOr(names.vaults, v.vaultId, IdKind::Vault), v.access));
    const QString description =
        Text::tr("Server: %1 (%2)\nVaults: %3\nToken ID: %4\nReplace it before then: "
                 "connect-admin-cli connect token rotate %4 --server %2")
            .arg(server, displayId(t.serverId, IdKind::Server), vaults.join(u", "_s),
                 displayId(t.id, IdKind::Token));
    appendLine(out, "BEGIN:VEVENT");
    appendLine(out, "UID:" + displayId(t.id, IdKind::Token).toLatin1() + ".token@connect-admin");
    appendLine(out, "DTSTAMP:" + utc(now));
    appendLine(out, "DTSTART:" + utc(end));
    appendLine(out, "DTEND:" + utc(end.addSecs(kEventMinutes * 60)));
    appendLine(out, "SUMMARY:" + text(summary));
    appendLine(out, "DESCRIPTION:" + text(description));
    appendLine(out, "CATEGORIES:" + text(u"Connect Admin"_s));
    appendLine(out, "TRANSP:TRANSPARENT"); // a reminder, not time taken
    appendLine(out, "BEGIN:VALARM");
    appendLine(out, "ACTION:DISPLAY");
    appendLine(out, "TRIGGER:-P1D");
    appendLine(out, "DESCRIPTION:" + text(summary));
    appendLine(out, "END:VALARM");
    appendLine(out, "END:VEVENT");
}

} // namespace

QList<Token> tokensEndingWithin(const QList<Token> &tokens, const QDateTime &now,
                                qint64 windowSeconds)
{
    const QDateTime until = now.addSecs(windowSeconds);
    QList<Token> out;
    for (const Token &t : tokens) {
        const QDateTime end = t.endsAt();
        if (t.state != TokenState::Revoked && end.isValid() && end > now && end <= until)
            out.append(t);
    }
    std::stable_sort(out.begin(), out.end(), [](const Token &a, const Token &b) {
        if (a.endsAt() != b.endsAt())
            return a.endsAt() < b.endsAt();
        return a.name < b.name;
    });
    return out;
}

QByteArray expiryCalendar(const QList<Token> &tokens, const CalendarNames &names,
                          const QDateTime &now, qint64 windowSeconds)
{
    QByteArray out;
    appendLine(out, "BEGIN:VCALENDAR");
    appendLine(out, "VERSION:2.0");
    appendLine(out, "PRODID:-//Connect Admin//Token expiry " CONNECTADMIN_VERSION "//EN");
    appendLine(out, "CALSCALE:GREGORIAN");
    appendLine(out, "METHOD:PUBLISH");
    appendLine(out, "X-WR-CALNAME:" + text(Text::tr("Connect token expiry")));
    for (const Token &t : tokensEndingWithin(tokens, now, windowSeconds))
        appendEvent(out, t, names, now);
    appendLine(out, "END:VCALENDAR");
    return out;
}

} // namespace ca
