// AccountService: reading and verifying the audit log.
#include "service/AccountService.h"

#include "core/Ids.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

constexpr int kMaxAuditText = 200;

ApiError badAuditParameter(const QString &message)
{
    return ApiError::badRequest(message, u"invalid_parameter"_s);
}

ApiError auditNeedsManager()
{
    return ApiError::forbidden(
        u"Reading the audit log needs manager rights (Owners, Administrators or a Secrets "
        "Automation manager group)."_s);
}

// An RFC 3339 time, or a date meaning its midnight UTC; an empty text is no bound.
Result<QDateTime> auditTime(const QString &text, const QString &name)
{
    if (text.isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (text.size() == 10) // YYYY-MM-DD
        t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!t.isValid())
        return badAuditParameter(
            u"\"%1\" must be a time like 2026-11-01T09:00:00Z or a date like 2026-11-01."_s.arg(
                name));
    return t.toUTC();
}

bool isActionName(const QString &action)
{
    return action.size() <= 64 && std::all_of(action.begin(), action.end(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || c == u'_' || c == u'.';
           });
}

} // namespace

Result<Page<AuditEvent>> AccountService::audit(const Actor &actor, const PageRequest &page)
{
    return auditEvents(actor, {}, page);
}

Result<Page<AuditEvent>> AccountService::auditEvents(const Actor &actor, const AuditQuery &query,
                                                     const PageRequest &page)
{
    if (!actor.rights.manager)
        return auditNeedsManager();
    const Result<AuditFilter> filter = auditFilter(actor, query);
    if (!filter.ok())
        return filter.error();
    return m_store.listAudit(page, *filter);
}

Result<AuditVerification> AccountService::verifyAudit(const Actor &actor)
{
    if (const Result<bool> may = mayReadAudit(actor); !may.ok())
        return may.error();
    return verifyAuditChain();
}

Result<bool> AccountService::mayReadAudit(const Actor &actor) const
{
    if (!actor.rights.manager)
        return auditNeedsManager();
    return true;
}

AuditVerification AccountService::verifyAuditChain()
{
    return m_store.verifyAudit();
}

Result<AuditFilter> AccountService::auditFilter(const Actor &actor, const AuditQuery &query)
{
    AuditFilter f;
    const QString who = query.actor.trimmed();
    if (who.contains(u'@')) {
        const auto user = m_store.userByEmail(who);
        if (!user)
            return ApiError::notFound(u"No user has the email address \"%1\"."_s.arg(who));
        f.actorId = user->user.id;
    } else if (!who.isEmpty()) {
        if (!isValidId(who))
            return badAuditParameter(u"\"actor\" must be a user's email address or ID."_s);
        f.actorId = canonicalId(who);
    }
    f.action = query.action.trimmed();
    if (!isActionName(f.action))
        return badAuditParameter(
            u"\"action\" must be an action like token.create, or a kind like token."_s);
    if (!query.object.isEmpty()) {
        const Result<QString> object = auditObject(actor, query.object.trimmed());
        if (!object.ok())
            return object.error();
        f.objectId = *object;
    }
    const Result<QDateTime> since = auditTime(query.since, u"since"_s);
    const Result<QDateTime> until = auditTime(query.until, u"until"_s);
    if (!since.ok())
        return since.error();
    if (!until.ok())
        return until.error();
    f.since = *since;
    f.until = *until;
    if (query.text.size() > kMaxAuditText)
        return badAuditParameter(u"\"q\" is longer than %1 characters."_s.arg(kMaxAuditText));
    f.text = query.text;
    return f;
}

// An object's canonical ID: an ID as given (deleted objects stay findable), or a name
// resolved by kind like everywhere else (ambiguous names are an error naming the IDs).
Result<QString> AccountService::auditObject(const Actor &actor, const QString &object)
{
    const QString kind = object.section(u':', 0, 0);
    const QString ref = object.contains(u':') ? object.section(u':', 1) : object;
    if (isValidId(ref))
        return canonicalId(ref);
    auto idOf = [](const auto &result) -> Result<QString> {
        if (!result.ok())
            return result.error();
        return result->id;
    };
    if (kind == u"server")
        return idOf(resolveServer(ref, actor));
    if (kind == u"vault")
        return idOf(resolveVault(ref, actor));
    if (kind == u"group")
        return idOf(resolveGroup(ref));
    if (kind == u"token")
        return idOf(resolveToken(ref, {}, actor));
    return badAuditParameter(
        u"\"object\" must be an ID, or a kind and a name: server:NAME, vault:NAME, token:NAME "
        "or group:NAME."_s);
}

} // namespace ca
