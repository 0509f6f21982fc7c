// What changed between two moments, built from the audit log: vault access cells granted or
// revoked (net: a cell granted and revoked again in between is no change), servers created
// and deleted, tokens created and revoked, group grants changed. For the CLI's
// `connect diff` and the desktop program's Activity → Compare….
#pragma once

#include "client/ApiClient.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace ca {

struct DiffEntry
{
    enum class Kind { Cell, Server, Token, GroupGrant };
    Kind kind = Kind::Cell;
    bool added = true; // granted or created; false: revoked or deleted
    QString subjectId; // canonical: the server (cell), server, token or group
    QString objectId;  // the vault of a cell, the server of a token or a group grant
    QString name;      // the subject's name where the log says it (tokens, groups, servers)
    QString detail;    // "manager", "all_servers", "server" for group grants
    QDateTime at;      // the last event that made this change
    QString actorId;
};

struct AuditDiff
{
    QDateTime since;
    QDateTime until;
    qint64 events = 0; // events read
    QList<DiffEntry> entries;
    // Names the log gave objects that may be gone since (deleted servers): id → name.
    QHash<QString, QString> names;
    // Batches whose cells the log lists only in part: what the diff can't show.
    QStringList incomplete;

    static QString kindName(DiffEntry::Kind kind); // "cell", "server", "token", "group_grant"
};

// Events of one window, newest first as the service pages them.
AuditDiff diffFromEvents(const QList<AuditEvent> &newestFirst, const QDateTime &since,
                         const QDateTime &until);

// Pages every event between since and until (until invalid: now) and computes the diff.
// progress(events read so far) after each page; destroy context to stop.
void fetchAuditDiff(ApiClient *client, const QDateTime &since, const QDateTime &until,
                    QObject *context, const Callback<AuditDiff> &done,
                    const std::function<void(qint64)> &progress = {});

// The diff as the wire format of `connect diff --format json` (names resolved by nameOf).
QJsonObject diffToJson(const AuditDiff &diff,
                       const std::function<QString(const QString &)> &nameOf);

} // namespace ca
