// The audit log's hash chain: canonical content, link hashes and the objects of an event.
#include "service/AuditChain.h"

#include "core/Ids.h"
#include "service/Crypto.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ca::auditchain {

namespace {

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += '\n';
}

void addObject(QStringList &out, const QJsonValue &v)
{
    const QString id = v.toString().section(u',', 0, 0); // token.create: "ID,access"
    if (isValidId(id)) {
        const QString canonical = canonicalId(id);
        if (!out.contains(canonical))
            out.append(canonical);
    }
}

} // namespace

QByteArray canonicalContent(const StoredEvent &e)
{
    QByteArray out;
    appendField(out, QString::number(e.seq));
    appendField(out, QString::number(e.atMs));
    appendField(out, e.actorId);
    appendField(out, e.action);
    appendField(out, e.targetType);
    appendField(out, e.targetId);
    appendField(out, e.detail);
    return out;
}

QString linkHash(const QString &previousHash, const StoredEvent &e)
{
    return QString::fromLatin1(
        crypto::sha256(previousHash.toLatin1() + canonicalContent(e)).toHex());
}

QStringList objectsOf(const QString &targetId, const QJsonObject &detail)
{
    QStringList out;
    addObject(out, targetId);
    for (const char *key : {"server", "vault", "token", "group", "user"})
        addObject(out, detail.value(QLatin1String(key)));
    // server.create lists vault IDs, token.create "ID,access" pairs
    const QJsonArray vaults = detail.value(u"vaults"_s).toArray();
    for (const QJsonValue &v : vaults)
        addObject(out, v);
    return out;
}

} // namespace ca::auditchain
