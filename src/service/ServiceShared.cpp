#include "service/ServiceShared.h"

#include <QThread>

namespace ca {

ServiceShared::ServiceShared()
{
    passwordPool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    auditPool.setMaxThreadCount(1);
}

} // namespace ca
