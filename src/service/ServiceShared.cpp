#include "service/ServiceShared.h"

#include <QThread>

namespace ca {

ServiceShared::ServiceShared()
{
    passwordPool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

} // namespace ca
