#include "gui/TableExport.h"

#include "gui/Seams.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <algorithm>
#include <vector>

namespace ca {

TableExport::TableExport(QTableView *table, const QString &fileName, const QString &rowTitle)
    : QObject(table)
    , m_table(table)
    , m_fileName(fileName)
    , m_rowTitle(rowTitle)
    , m_copy(new QAction(tr("&Copy rows"), this))
    , m_export(new QAction(tr("&Export as CSV…"), this))
{
    m_copy->setObjectName(QStringLiteral("actionCopyRows"));
    m_copy->setShortcut(QKeySequence::Copy);
    // Only while the table has the focus: an editor or a text field keeps its own Ctrl+C.
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_copy->setToolTip(tr("Copy the selected rows as tab-separated text with a header row"));
    m_export->setObjectName(QStringLiteral("actionExportTable"));
    m_export->setToolTip(tr("Save the rows this table shows to a CSV file"));
    connect(m_copy, &QAction::triggered, this, &TableExport::copySelection);
    connect(m_export, &QAction::triggered, this, &TableExport::exportCsv);
    table->addActions({m_copy, m_export});
}

TableExport *TableExport::install(QTableView *table, const QString &fileName,
                                  const QString &rowTitle)
{
    return new TableExport(table, fileName, rowTitle);
}

TableExport *TableExport::of(const QTableView *table)
{
    return table ? table->findChild<TableExport *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QString TableExport::cellText(int row, int column) const
{
    const QModelIndex index = m_table->model()->index(row, column);
    QString text = index.data(Qt::DisplayRole).toString();
    const QVariant check = index.data(Qt::CheckStateRole);
    if (!check.isValid())
        return text;
    // A check box cell: its state in words (a glyph beside it is only a mark of that state).
    switch (Qt::CheckState(check.toInt())) {
    case Qt::Checked:
        return tr("yes");
    case Qt::PartiallyChecked:
        return tr("saving");
    case Qt::Unchecked:
        break;
    }
    return tr("no");
}

QList<QStringList> TableExport::rows(const QList<int> &modelRows) const
{
    const QAbstractItemModel *model = m_table->model();
    const QHeaderView *header = m_table->horizontalHeader();
    const bool rowNames = !m_table->verticalHeader()->isHidden();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QList<QStringList> out;
    QStringList title;
    if (rowNames)
        title.append(m_rowTitle);
    for (int c : std::as_const(columns))
        title.append(model->headerData(c, Qt::Horizontal).toString());
    out.append(title);
    for (int r : modelRows) {
        QStringList line;
        if (rowNames)
            line.append(model->headerData(r, Qt::Vertical).toString());
        for (int c : std::as_const(columns))
            line.append(cellText(r, c));
        out.append(line);
    }
    return out;
}

QString TableExport::selectionAsText() const
{
    // Rows touched by the selection, in the order the table shows them. Ranges, not
    // indexes: a select-all of 100,000 tokens is one range.
    std::vector<bool> marked(size_t(m_table->model()->rowCount()), false);
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            marked[size_t(row)] = true;
    QList<int> selected;
    for (size_t row = 0; row < marked.size(); ++row)
        if (marked[row])
            selected.append(int(row));
    if (selected.isEmpty())
        return {};
    QString text;
    for (QStringList fields : rows(selected)) {
        // A tab or line break inside a field would shift the columns when pasted.
        for (QString &f : fields)
            f.replace(u'\t', u' ').replace(u'\n', u' ');
        text += fields.join(u'\t') + u'\n';
    }
    return text;
}

QString TableExport::csvField(const QString &text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return special.contains(c); }))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString TableExport::csv() const
{
    QList<int> all;
    for (int r = 0; r < m_table->model()->rowCount(); ++r)
        all.append(r);
    QString text;
    for (const QStringList &fields : rows(all)) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        text += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return text;
}

void TableExport::copyLines(const QStringList &lines)
{
    QGuiApplication::clipboard()->setText(lines.join(u'\n'));
}

void TableExport::copySelection()
{
    const QString text = selectionAsText();
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    const int count = int(text.count(u'\n')) - 1;
    emit message(MessageBar::Kind::Info,
                 count == 1 ? tr("Copied 1 row.") : tr("Copied %1 rows.").arg(count));
}

bool TableExport::exportCsv()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        seams::getSaveFileName(m_table->window(), tr("Export as CSV"),
                               QDir(folder).filePath(m_fileName + QStringLiteral(".csv")),
                               tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return false;
    // The dialog leaves overwriting to its caller (see seams::getSaveFileName).
    if (QFileInfo::exists(path) &&
        seams::ask(m_table->window(), QMessageBox::Question, tr("Export as CSV"),
                   tr("%1 already exists.").arg(QDir::toNativeSeparators(path)),
                   QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel,
                   tr("Replace it with the exported rows?")) != QMessageBox::Save)
        return false;
    QSaveFile file(path);
    const QByteArray bytes = csv().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        emit message(
            MessageBar::Kind::Error,
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const int count = m_table->model()->rowCount();
    emit message(
        MessageBar::Kind::Success,
        count == 1 ? tr("Exported 1 row to %1.").arg(QDir::toNativeSeparators(path))
                   : tr("Exported %1 rows to %2.").arg(count).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace ca
