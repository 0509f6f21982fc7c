#include "client/AccountSnapshotLoader.h"

#include <QCoreApplication>
#include <memory>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::AccountSnapshotLoader".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::AccountSnapshotLoader)
};

constexpr int kAttempts = 3;

// One reading: the steps run one after another on the event loop; the object lives as long
// as a request of it is in flight (each callback holds it).
class Reading : public std::enable_shared_from_this<Reading>
{
public:
    Reading(ApiClient &api, QObject *context, Callback<AccountSnapshot> done, int attempt)
        : m_api(api)
        , m_context(context)
        , m_done(std::move(done))
        , m_attempt(attempt)
    {}

    void start()
    {
        auto self = shared_from_this();
        m_api.account(m_context, [self](const Result<Account> &r) {
            if (!r.ok())
                return self->m_done(r.error());
            self->m_snapshot.revision = self->m_api.lastAccountRevision();
            self->readVaults();
        });
    }

private:
    template <typename T>
    PageHandler<T> pages(QList<T> AccountSnapshot::*list, void (Reading::*next)())
    {
        auto self = shared_from_this();
        return PageHandler<T>{[self, list, next](const QList<T> &items, bool last) {
                                  self->m_snapshot.*list += items;
                                  if (last)
                                      ((*self).*next)();
                              },
                              [self](const ApiError &e) { self->m_done(e); }};
    }

    void readVaults()
    {
        m_api.vaults(m_context, pages(&AccountSnapshot::vaults, &Reading::readGroups));
    }
    void readGroups()
    {
        m_api.groups(m_context, pages(&AccountSnapshot::groups, &Reading::readServers));
    }
    void readServers()
    {
        m_api.servers(m_context, pages(&AccountSnapshot::servers, &Reading::readTokens));
    }
    void readTokens()
    {
        m_api.tokens({}, m_context, pages(&AccountSnapshot::tokens, &Reading::readGroupGrants));
    }

    void readGroupGrants()
    {
        auto self = shared_from_this();
        m_api.groupGrants(m_context, [self](const Result<QList<GroupGrant>> &r) {
            if (r.ok()) {
                self->m_snapshot.groupGrants = *r;
            } else if (r.error().status == 403) {
                self->m_snapshot.groupGrantsVisible = false; // not a manager: left out
            } else {
                return self->m_done(r.error());
            }
            self->finish();
        });
    }

    // The revision again: unchanged means every list above shows exactly that revision.
    void finish()
    {
        auto self = shared_from_this();
        m_api.account(m_context, [self](const Result<Account> &r) {
            if (!r.ok())
                return self->m_done(r.error());
            if (self->m_api.lastAccountRevision() == self->m_snapshot.revision) {
                self->m_snapshot.now = QDateTime::currentDateTimeUtc();
                return self->m_done(self->m_snapshot);
            }
            if (self->m_attempt + 1 >= kAttempts)
                return self->m_done(
                    ApiError{0,
                             u"busy"_s,
                             Text::tr("The account kept changing while it was read; try again."),
                             {}});
            std::make_shared<Reading>(self->m_api, self->m_context, self->m_done,
                                      self->m_attempt + 1)
                ->start();
        });
    }

    ApiClient &m_api;
    QObject *m_context;
    Callback<AccountSnapshot> m_done;
    int m_attempt = 0;
    AccountSnapshot m_snapshot;
};

} // namespace

void loadAccountSnapshot(ApiClient &api, QObject *context, Callback<AccountSnapshot> done)
{
    std::make_shared<Reading>(api, context, std::move(done), 0)->start();
}

} // namespace ca
