#include "service/SqliteChangeCounter.h"

#include "core/Logging.h"

#include <QFile>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ca {

static_assert(std::atomic_ref<std::uint64_t>::is_always_lock_free,
              "the count is shared between processes: its atomics must not need a lock");

std::unique_ptr<SqliteChangeCounter> SqliteChangeCounter::open(const QString &databasePath)
{
    if (databasePath.isEmpty() || databasePath == u":memory:" || databasePath.startsWith(u"file:"))
        return nullptr;
    const QByteArray path = QFile::encodeName(pathFor(databasePath));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    auto failed = [&](const char *what) {
        qCWarning(lcStore,
                  "cannot %s %s (%s); the account's revision is read from the database"
                  " on every request",
                  what, path.constData(), std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return nullptr;
    };
    if (fd < 0)
        return failed("open");
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return failed("read the size of");
    // Two processes growing a new file at once both make it 8 zero bytes; a longer file is
    // left as it is.
    if (st.st_size < qint64(sizeof(std::uint64_t)) && ::ftruncate(fd, sizeof(std::uint64_t)) != 0)
        return failed("grow");
    void *mapped =
        ::mmap(nullptr, sizeof(std::uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (mapped == MAP_FAILED)
        return failed("map");
    ::close(fd); // the mapping keeps the file
    return std::unique_ptr<SqliteChangeCounter>(
        new SqliteChangeCounter(static_cast<std::uint64_t *>(mapped)));
}

SqliteChangeCounter::~SqliteChangeCounter()
{
    ::munmap(m_mapped, sizeof(std::uint64_t));
}

std::uint64_t SqliteChangeCounter::value() const
{
    return std::atomic_ref<std::uint64_t>(*m_mapped).load(std::memory_order_acquire);
}

void SqliteChangeCounter::increment()
{
    std::atomic_ref<std::uint64_t>(*m_mapped).fetch_add(1, std::memory_order_acq_rel);
}

} // namespace ca
