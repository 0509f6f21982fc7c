#include "service/SqliteBackup.h"

#include <QFile>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sqlite3.h>
#include <unistd.h>

namespace ca {

namespace {

struct CloseDb
{
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

// Pages copied per step: small steps let the service write in between.
constexpr int kPagesPerStep = 256;

QString sqliteError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

// Runs the backup to its end; a busy or locked source (the service committing) is waited out.
QString copyPages(sqlite3 *source, sqlite3 *target)
{
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        return sqliteError(target);
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            QThread::msleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    return rc == SQLITE_DONE ? QString() : sqliteError(target);
}

} // namespace

QString backupSqliteDatabase(const QString &database, const QString &output)
{
    const QByteArray target = QFile::encodeName(output);
    // Created here, exclusively and owner-only, so that an existing file is never replaced.
    const int fd = ::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST ? QStringLiteral("%1 exists already; the backup does not "
                                                "overwrite files.")
                                     .arg(output)
                               : QStringLiteral("cannot create %1: %2")
                                     .arg(output, QString::fromLocal8Bit(std::strerror(errno)));
    ::close(fd);
    const auto fail = [&](const QString &why) {
        ::unlink(target.constData());
        return QStringLiteral("the backup of %1 failed: %2").arg(database, why);
    };
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(QFile::encodeName(database).constData(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    const Db source(raw);
    if (!source || sqlite3_errcode(source.get()) != SQLITE_OK)
        return fail(source ? sqliteError(source.get()) : QStringLiteral("out of memory"));
    sqlite3_busy_timeout(source.get(), 10000);
    raw = nullptr;
    sqlite3_open_v2(target.constData(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    const Db copy(raw);
    if (!copy || sqlite3_errcode(copy.get()) != SQLITE_OK)
        return fail(copy ? sqliteError(copy.get()) : QStringLiteral("out of memory"));
    if (const QString error = copyPages(source.get(), copy.get()); !error.isEmpty())
        return fail(error);
    // The copy is a file of its own: no WAL beside it to lose when it is moved.
    sqlite3_exec(copy.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    return {};
}

} // namespace ca
