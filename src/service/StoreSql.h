// Helpers shared by the Store's source files (one per area): value conversions, row
// iteration and page trimming. Not part of the Store's interface; include it only there.
#pragma once

#include "service/Store.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace ca::storesql {

// Times are stored as milliseconds since the epoch; an invalid time is SQL NULL.
inline QVariant ms(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch())
                        : QVariant(QMetaType::fromType<qint64>());
}

inline QDateTime fromMs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// A null QString binds as SQL NULL, and "id > NULL" matches nothing: start from "".
inline QString afterKey(const PageRequest &page)
{
    return page.after.isNull() ? QStringLiteral("") : page.after;
}

// SQL NULL for an empty string. Store::run() turns every other null QString into "" so that
// an unset field never becomes NULL by accident.
inline QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// Runs a SELECT and hands each row to onRow; the statement is finished afterwards so that
// SQLite releases its read snapshot.
template <typename F>
void forEachRow(QSqlQuery &q, F &&onRow)
{
    while (q.next())
        onRow(q);
    q.finish();
}

// Lists fetch one row more than the page holds: when it came, it is dropped and the last
// row kept gives the cursor of the next page.
template <typename T, typename Key>
void trimPage(Page<T> &page, int limit, Key &&keyOf)
{
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = keyOf(page.items.constLast());
    }
}

// The number of rows an INSERT, UPDATE or DELETE changed; the statement is finished.
inline int changedRows(QSqlQuery &q)
{
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

} // namespace ca::storesql
