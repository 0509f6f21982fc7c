// Carries out scheduled token revocations on time: a timer set to the next one due, a sweep
// at start for those that came due while the service was down, and at least one look a
// minute for revocations other instances scheduled. Any number of instances may run one on
// the same database: each token is revoked, and audited, exactly once.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace ca {

class AccountService;

class RevocationScheduler : public QObject
{
    Q_OBJECT
public:
    explicit RevocationScheduler(AccountService &service, QObject *parent = nullptr);
    ~RevocationScheduler() override;

    // Revokes what is overdue now, then keeps watching; the service tells it of every
    // revocation it schedules.
    void start();
    // What the timer runs: revokes the tokens whose time has come and sets the timer to the
    // next one. Returns how many this call revoked. Tests call it after moving the clock.
    int sweepNow();
    // When the timer fires next (invalid while stopped): for tests and logs.
    QDateTime nextCheck() const { return m_nextCheck; }

    // The longest the timer waits, so that revocations scheduled by other instances (which
    // this one hears nothing of) are carried out within that time even if their instance
    // stopped; and the wait after a failed sweep (a database briefly away).
    static constexpr int kMaxWaitMs = 60000;
    static constexpr int kRetryMs = 5000;

    // A revocation was scheduled for `at` (by this instance's rules or one of its workers):
    // the timer is brought forward if it comes earlier.
    void scheduled(const QDateTime &at);

private:
    void arm(const QDateTime &next);

    AccountService &m_service;
    QTimer m_timer;
    QDateTime m_nextCheck;
};

} // namespace ca
