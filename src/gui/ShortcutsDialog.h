// Help → Keyboard shortcuts: every action of a window that has a shortcut, listed from the
// QActions themselves (so the list can't go stale when a shortcut changes).
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QAction;
class QTableWidget;

namespace ca {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // (what it does, the keys in the platform's notation) for every action of the window and
    // its children that has a shortcut, once each, sorted by what it does.
    static QList<QPair<QString, QString>> shortcuts(const QWidget *window);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace ca
