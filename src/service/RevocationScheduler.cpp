// RevocationScheduler: the timer behind scheduled token revocations.
#include "service/RevocationScheduler.h"

#include "core/Logging.h"
#include "service/AccountService.h"

#include <algorithm>

namespace ca {

RevocationScheduler::RevocationScheduler(AccountService &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // "revokes at 10:00" should mean 10:00, not 10:00:01
    connect(&m_timer, &QTimer::timeout, this, [this] { sweepNow(); });
}

RevocationScheduler::~RevocationScheduler()
{
    m_service.setRevocationListener({});
}

void RevocationScheduler::start()
{
    m_service.setRevocationListener([this](const QDateTime &at) { scheduled(at); });
    sweepNow();
}

int RevocationScheduler::sweepNow()
{
    int revoked = 0;
    QDateTime next;
    try {
        revoked = int(m_service.revokeDueTokens().size());
        next = m_service.nextScheduledRevocation();
    } catch (const std::exception &e) {
        qCWarning(lcService) << "scheduled revocations failed, trying again shortly:" << e.what();
        m_nextCheck = m_service.now().addMSecs(kRetryMs);
        m_timer.start(kRetryMs);
        return 0;
    }
    if (revoked > 0)
        qCInfo(lcService) << "revoked" << revoked << "token(s) as scheduled";
    arm(next);
    return revoked;
}

void RevocationScheduler::scheduled(const QDateTime &at)
{
    if (!m_timer.isActive() || at < m_nextCheck)
        arm(at);
}

void RevocationScheduler::arm(const QDateTime &next)
{
    const QDateTime now = m_service.now();
    qint64 wait = kMaxWaitMs;
    if (next.isValid())
        wait = std::clamp<qint64>(now.msecsTo(next), 0, kMaxWaitMs);
    m_nextCheck = now.addMSecs(wait);
    m_timer.start(int(wait));
}

} // namespace ca
