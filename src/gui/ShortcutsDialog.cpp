#include "gui/ShortcutsDialog.h"

#include "core/NameOrder.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ca {

QList<QPair<QString, QString>> ShortcutsDialog::shortcuts(const QWidget *window)
{
    QList<QPair<QString, QString>> out;
    for (const QAction *action : window->findChildren<QAction *>()) {
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty() || action->text().isEmpty())
            continue;
        QStringList shown;
        for (const QKeySequence &k : keys)
            shown.append(k.toString(QKeySequence::NativeText));
        // "&Undo Grant…" → "Undo Grant": what the menu says, without its mnemonic.
        QString text = action->text();
        text.remove(QRegularExpression(QStringLiteral("&(?!&)"))).remove(QChar(0x2026)); // …
        const QPair<QString, QString> entry{text.trimmed(), shown.join(QStringLiteral(", "))};
        if (!out.contains(entry)) // every table has its own Copy rows
            out.append(entry);
    }
    const NameOrder &order = NameOrder::current();
    std::sort(out.begin(), out.end(), [&order](const auto &a, const auto &b) {
        return order.compare(a.first, b.first) < 0;
    });
    return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    const auto list = shortcuts(window);
    m_table->setColumnCount(2);
    m_table->setRowCount(int(list.size()));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    for (int row = 0; row < list.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(list.at(row).first));
        m_table->setItem(row, 1, new QTableWidgetItem(list.at(row).second));
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(460, 480);
}

} // namespace ca
