// An online backup of the service's SQLite database (SQLite's backup API): consistent while
// a service keeps writing to it. PostgreSQL databases are backed up with pg_dump.
#pragma once

#include <QString>

namespace ca {

// Copies database into a new file output (mode 0600); never overwrites. Returns an empty
// string, or a sentence saying what went wrong (then no output file is left behind).
QString backupSqliteDatabase(const QString &database, const QString &output);

} // namespace ca
