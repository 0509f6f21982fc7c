// The audit log's hash chain: the canonical content of an event as stored, its SHA-256 link
// to the previous event, and the objects (servers, vaults, tokens, groups, users) it concerns.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ca::auditchain {

// One audit_events row as stored: the columns that the chain hash covers.
struct StoredEvent
{
    qint64 id = 0;
    qint64 seq = 0;
    qint64 atMs = 0;
    QString actorId;
    QString action;
    QString targetType;
    QString targetId;
    QString detail; // the JSON text exactly as stored
    QString hash;
};

// Every field length-prefixed ("<bytes>:<utf-8>\n"), seq first: no two different events
// have the same canonical form, and any change to a stored column changes it.
QByteArray canonicalContent(const StoredEvent &e);

// Lower-case hex SHA-256 over the previous event's hash (hex; empty for the first event)
// followed by the event's canonical content.
QString linkHash(const QString &previousHash, const StoredEvent &e);

// Canonical IDs of the objects an event concerns: its target and the servers, vaults, tokens,
// groups and users named in its detail. GET /v1/audit?object= matches these.
QStringList objectsOf(const QString &targetId, const QJsonObject &detail);

} // namespace ca::auditchain
