#include "gui/ColumnWidths.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTableView>

namespace ca {

namespace {

// The stretching column holds a list ("Kubernetes, Staging, …"): its start tells most.
class ElideRightDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};

} // namespace

ColumnWidths::ColumnWidths(QTableView *table, const QString &settingsKey, const Defaults &defaults)
    : QObject(table)
    , m_table(table)
    , m_key(QStringLiteral("columns/") + settingsKey)
    , m_defaults(defaults)
{
    QHeaderView *header = table->horizontalHeader();
    table->setTextElideMode(Qt::ElideMiddle); // both ends of a name or an ID tell most
    table->setWordWrap(false);
    header->setMinimumSectionSize(minimumWidth(table));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int stretch = m_defaults.stretch;
    if (stretch >= 0) {
        header->setSectionResizeMode(stretch, QHeaderView::Stretch);
        if (!table->itemDelegateForColumn(stretch))
            table->setItemDelegateForColumn(stretch, new ElideRightDelegate(table));
    }
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &ColumnWidths::showMenu);
    header->setSectionsMovable(true);

    const QByteArray saved = QSettings().value(m_key).toByteArray();
    if (!saved.isEmpty() && header->restoreState(saved)) {
        m_sized = true;
        table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    } else {
        for (int column : m_defaults.hidden)
            header->hideSection(column);
    }
    // Saved as it changes (QSettings writes to disk later, in one go): at the window's end
    // the header is already half gone.
    for (auto signal : {&QHeaderView::sectionResized, &QHeaderView::sectionMoved})
        connect(header, signal, this, &ColumnWidths::save);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ColumnWidths::save);
}

int ColumnWidths::minimumWidth(const QTableView *table)
{
    return table->fontMetrics().averageCharWidth() * 6 + 12;
}

int ColumnWidths::maximumInitialWidth(const QTableView *table)
{
    return table->fontMetrics().averageCharWidth() * 28 + 12;
}

void ColumnWidths::fitOnce()
{
    if (m_sized || !m_table || m_table->model()->rowCount() == 0)
        return;
    m_sized = true;
    QHeaderView *header = m_table->horizontalHeader();
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public here
    const int cap = maximumInitialWidth(m_table);
    for (int c = 0; c < header->count(); ++c) {
        if (c == m_defaults.stretch)
            continue;
        int wanted = std::max(view->sizeHintForColumn(c), header->sectionSizeHint(c));
        for (const QString &value : m_defaults.values.value(c))
            wanted = std::max(wanted, m_table->fontMetrics().horizontalAdvance(value) + 16);
        const int limit =
            m_defaults.narrow.contains(c)
                ? m_table->fontMetrics().averageCharWidth() * m_defaults.narrow.value(c) + 12
                : cap;
        header->resizeSection(c, std::clamp(wanted, minimumWidth(m_table), limit));
    }
}

void ColumnWidths::showMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(m_table);
    for (int c = 0; c < header->count(); ++c) {
        QAction *column =
            menu.addAction(m_table->model()->headerData(c, Qt::Horizontal).toString());
        column->setCheckable(true);
        column->setChecked(!header->isSectionHidden(c));
        // The last visible column stays: a table without columns can't be got back.
        column->setEnabled(header->isSectionHidden(c) ||
                           header->hiddenSectionCount() + 1 < header->count());
        connect(column, &QAction::toggled, this, [this, header, c](bool shown) {
            header->setSectionHidden(c, !shown);
            save();
        });
    }
    menu.exec(header->mapToGlobal(pos));
}

void ColumnWidths::save()
{
    if (m_table)
        QSettings().setValue(m_key, m_table->horizontalHeader()->saveState());
}

} // namespace ca
