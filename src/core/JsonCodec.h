// The encoders of the wire format: every domain object, request and reply as JSON text,
// written with the streaming Writer. IDs are written in display case. Their decoders are in
// core/JsonDecoder; together the two are the one definition of the wire format.
#pragma once

#include "core/Domain.h"
#include "core/JsonWriter.h"
#include "core/Replies.h"
#include "core/Requests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <initializer_list>

namespace ca::json {

QJsonValue fromDateTime(const QDateTime &dt); // ISO 8601 UTC with milliseconds, or null
QString isoUtc(const QDateTime &dt);          // "2026-11-27T20:56:08.123Z", fast

// The wire form of each object, written straight to JSON text (the one definition)...
void write(Writer &w, const Account &account);
void write(Writer &w, const User &user);
void write(Writer &w, const Group &group);
void write(Writer &w, const Vault &vault);
void write(Writer &w, const Server &server);
void write(Writer &w, const Token &token, const QDateTime &now);
void write(Writer &w, const GroupGrant &grant);
void write(Writer &w, const GrantMatrix &matrix);
void write(Writer &w, const SessionInfo &session);
void write(Writer &w, const AuditEvent &event);
void write(Writer &w, const GrantChange &change);

// Request bodies, as ApiClient sends them.
void write(Writer &w, const SignInRequest &request);
void write(Writer &w, const CreateServerRequest &request);
void write(Writer &w, const RenameRequest &request);
void write(Writer &w, const GrantBatchRequest &request);
void write(Writer &w, const CreateTokenRequest &request);
void write(Writer &w, const GroupGrantRequest &request);

// Replies beyond the domain objects, as the service sends them.
void write(Writer &w, const CreatedServer &created);
void write(Writer &w, const CreatedToken &created, const QDateTime &now);
void write(Writer &w, const GrantBatchResult &result);
void write(Writer &w, const GroupGrantResult &result);
void write(Writer &w, const RemovedCount &removed);

// A page of a list: {"items":[…],"next_cursor":"…"|null}; extra goes to each item's write().
template <typename T, typename... Extra>
void write(Writer &w, const Page<T> &page, const Extra &...extra)
{
    w.beginObject().key(QLatin1StringView("items")).beginArray();
    for (const T &item : page.items)
        write(w, item, extra...);
    w.endArray().key(QLatin1StringView("next_cursor"));
    if (page.nextCursor.isEmpty())
        w.null();
    else
        w.value(page.nextCursor);
    w.endObject();
}

// ...and as QJsonObject, for code that wants to look inside (an audit detail, a test).
template <typename... T>
QJsonObject encode(const T &...object)
{
    Writer w;
    write(w, object...);
    return QJsonDocument::fromJson(w.bytes()).object();
}

QDateTime toDateTime(const QJsonValue &value); // invalid for null or unparsable

// Each returns false and sets *error to a sentence naming the field when the object does
// not have the expected shape.
bool decode(const QJsonObject &o, Account &out, QString *error);
bool decode(const QJsonObject &o, User &out, QString *error);
bool decode(const QJsonObject &o, Group &out, QString *error);
bool decode(const QJsonObject &o, Vault &out, QString *error);
bool decode(const QJsonObject &o, Server &out, QString *error);
bool decode(const QJsonObject &o, Token &out, QString *error);
bool decode(const QJsonObject &o, GroupGrant &out, QString *error);
bool decode(const QJsonObject &o, GrantMatrix &out, QString *error);
bool decode(const QJsonObject &o, SessionInfo &out, QString *error);
bool decode(const QJsonObject &o, AuditEvent &out, QString *error);

// {"items":[...],"next_cursor":...} with every item decoded.
template <typename T>
bool decodePage(const QJsonObject &o, Page<T> &out, QString *error)
{
    const QJsonValue items = o.value(QLatin1String("items"));
    if (!items.isArray()) {
        *error = QStringLiteral("the answer has no \"items\" list");
        return false;
    }
    const QJsonArray array = items.toArray();
    out.items.clear();
    out.items.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (!v.isObject()) {
            *error = QStringLiteral("an entry of \"items\" is not an object");
            return false;
        }
        T item;
        if (!decode(v.toObject(), item, error))
            return false;
        out.items.append(std::move(item));
    }
    const QJsonValue cursor = o.value(QLatin1String("next_cursor"));
    if (!cursor.isNull() && !cursor.isUndefined() && !cursor.isString()) {
        *error = QStringLiteral("\"next_cursor\" is not a string");
        return false;
    }
    out.nextCursor = cursor.toString();
    return true;
}

// Strict checking of request bodies: which fields may appear, with which JSON type, and
// which must. Returns an empty string when the object fits, else a sentence and a code.
struct Field
{
    const char *name;
    QJsonValue::Type type;
    bool required = false;
    bool nullable = false;
};

struct FieldCheck
{
    QString message;
    QString code; // "unknown_field", "missing_field" or "wrong_type"
    bool ok() const { return message.isEmpty(); }
};

FieldCheck checkFields(const QJsonObject &o, std::initializer_list<Field> fields,
                       const QString &what = QStringLiteral("request body"));

QString typeName(QJsonValue::Type type);

} // namespace ca::json
