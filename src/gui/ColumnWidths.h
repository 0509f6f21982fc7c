// Keeps a table's columns usable and the user's: columns are sized to their contents once
// (capped, so one long name can't take the row), never change by themselves afterwards (a
// rename doesn't squeeze its neighbours), keep a minimum width, elide text in the middle
// (names and IDs; the stretching column, a list, at its end), and the widths, order and sort
// the user chose come back next time (QSettings). Right-clicking the header shows or hides
// columns.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QTableView;

namespace ca {

class ColumnWidths : public QObject
{
    Q_OBJECT
public:
    struct Defaults
    {
        int stretch = -1;       // the column that takes the room left over
        QHash<int, int> narrow; // first widths of some columns capped lower (in characters)
        QList<int> hidden;      // columns hidden until the user shows them (header menu)
        // Every text some columns can show (a state): sized for the widest, so a value that
        // appears later ("Widerrufen" after a revoke) isn't elided in a column fitted to
        // "Aktiv".
        QHash<int, QStringList> values;
    };
    // settingsKey names the saved state.
    ColumnWidths(QTableView *table, const QString &settingsKey, const Defaults &defaults);

    // Sizes the columns to what they show, the first time it is called with rows and no
    // saved widths (call it once the names a table shows are loaded, not just its IDs).
    void fitOnce();

    static int minimumWidth(const QTableView *table);
    static int maximumInitialWidth(const QTableView *table);

private:
    void save();
    void showMenu(const QPoint &pos);

    QPointer<QTableView> m_table;
    QString m_key;
    Defaults m_defaults;
    bool m_sized = false;
};

} // namespace ca
