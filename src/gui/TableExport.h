// Copy and export for every table of the program, one implementation for all: Ctrl+C copies
// the selected rows as tab-separated text with a header row, Export as CSV… writes every row
// the table shows (after filtering, in its order) through a save dialog. Both take the
// visible columns in their visual order and the text the table displays.
#pragma once

#include "gui/MessageBar.h"

#include <QObject>
#include <QStringList>

class QAction;
class QTableView;

namespace ca {

class TableExport : public QObject
{
    Q_OBJECT
public:
    // Adds the two actions to the table (and so to an actions context menu). fileName is
    // the proposed file name without extension; rowTitle heads the row names when the
    // table shows them in its vertical header (the matrices).
    static TableExport *install(QTableView *table, const QString &fileName,
                                const QString &rowTitle = {});
    static TableExport *of(const QTableView *table); // nullptr: not installed

    QAction *copyAction() const { return m_copy; }
    QAction *exportAction() const { return m_export; }

    // The header and the given rows (of the table's model), one list of fields each.
    QList<QStringList> rows(const QList<int> &modelRows) const;
    QString selectionAsText() const; // tab-separated, a header row first
    QString csv() const;             // every shown row, RFC 4180 quoting, CRLF
    static QString csvField(const QString &text);
    // Puts lines on the clipboard, one per line (Copy ID with several rows selected).
    static void copyLines(const QStringList &lines);

    void copySelection();
    bool exportCsv(); // asks where; false if cancelled or not written (message says why)

signals:
    void message(ca::MessageBar::Kind kind, const QString &text);

private:
    TableExport(QTableView *table, const QString &fileName, const QString &rowTitle);
    QString cellText(int row, int column) const;

    QTableView *m_table;
    QString m_fileName;
    QString m_rowTitle;
    QAction *m_copy;
    QAction *m_export;
};

} // namespace ca
