// Puts commands behind the window's QActions and enables every action by one rule: the
// command behind it — the current page's if it has one, else the window's — accepts the
// session state and the current page's selection. Triggering an action (menu, toolbar,
// button, context menu or shortcut) runs that command with the selected IDs.
#pragma once

#include "gui/Command.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;

namespace ca {

class PageWidget;

class CommandController : public QObject
{
    Q_OBJECT
public:
    explicit CommandController(std::function<bool()> signedIn, QObject *parent = nullptr);

    // The window's command for this action, whatever page is shown.
    void add(QAction *action, Command command);
    // The page's command for this action, while the page is shown; it overrides the window's.
    void add(PageWidget *page, QAction *action, Command command);
    void setPage(PageWidget *page);

    // Applies the rule to every action; call when anything it depends on changed.
    void update();
    // The command the action runs now (nullptr: none, the action is disabled).
    const Command *current(QAction *action) const;

private:
    void bind(QAction *action);
    void trigger(QAction *action);
    QStringList selection() const;

    struct Binding
    {
        QPointer<PageWidget> page; // null: the window's
        Command command;
    };
    QList<QAction *> m_actions; // in the order they were bound
    QHash<QAction *, QList<Binding>> m_bindings;
    QHash<QAction *, QString> m_ownText; // actions showing a command's text: their own
    QPointer<PageWidget> m_page;
    std::function<bool()> m_signedIn;
};

} // namespace ca
