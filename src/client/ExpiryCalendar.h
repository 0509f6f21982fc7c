// Tokens coming to their end: which ones expire or are scheduled to be revoked within a
// window, and the same as an iCalendar file (RFC 5545) so that the dates land in an
// administrator's calendar. Pure functions over loaded tokens: the CLI and the desktop
// program call them with what they fetched.
#pragma once

#include "core/Domain.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace ca {

// Tokens not revoked whose end (Token::endsAt: expiry or scheduled revocation) comes after
// now and no later than now + windowSeconds, soonest first (then by name).
QList<Token> tokensEndingWithin(const QList<Token> &tokens, const QDateTime &now,
                                qint64 windowSeconds);

// Names for people: server and vault IDs (canonical) -> names. IDs without a name are
// shown as IDs.
struct CalendarNames
{
    QHash<QString, QString> servers;
    QHash<QString, QString> vaults;
};

// An iCalendar (RFC 5545) file with one VEVENT per token of tokensEndingWithin(): at the
// token's end, half an hour long, with a reminder a day before. Its UID is stable for a token
// ("<token ID>.token@connect-admin"), so importing a newer export updates the events instead
// of adding copies. Text is escaped and lines folded at 75 octets, with CRLF line ends.
QByteArray expiryCalendar(const QList<Token> &tokens, const CalendarNames &names,
                          const QDateTime &now, qint64 windowSeconds);

} // namespace ca
