// AccountService: reading the audit log.
#include "service/AccountService.h"

using namespace Qt::StringLiterals;

namespace ca {

Result<Page<AuditEvent>> AccountService::audit(const Actor &actor, const PageRequest &page)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(u"Reading the audit log needs manager rights."_s);
    return m_store.listAudit(page);
}

} // namespace ca
