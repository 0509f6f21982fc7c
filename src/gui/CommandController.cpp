#include "gui/CommandController.h"

#include "gui/PageWidget.h"

#include <QAction>

namespace ca {

CommandController::CommandController(std::function<bool()> signedIn, QObject *parent)
    : QObject(parent)
    , m_signedIn(std::move(signedIn))
{}

void CommandController::add(QAction *action, Command command)
{
    bind(action);
    m_bindings[action].append({nullptr, std::move(command)});
}

void CommandController::add(PageWidget *page, QAction *action, Command command)
{
    bind(action);
    m_bindings[action].append({page, std::move(command)});
}

void CommandController::bind(QAction *action)
{
    if (m_bindings.contains(action))
        return;
    m_actions.append(action);
    connect(action, &QAction::triggered, this, [this, action] { trigger(action); });
}

void CommandController::setPage(PageWidget *page)
{
    m_page = page;
    update();
}

QStringList CommandController::selection() const
{
    return m_page ? m_page->selectedIds() : QStringList();
}

const Command *CommandController::current(QAction *action) const
{
    const auto it = m_bindings.constFind(action);
    if (it == m_bindings.constEnd())
        return nullptr;
    const Command *windows = nullptr;
    for (const Binding &b : *it) {
        if (b.page && b.page == m_page)
            return &b.command;
        if (!b.page)
            windows = &b.command;
    }
    return windows;
}

void CommandController::update()
{
    const bool signedIn = m_signedIn();
    const QStringList ids = selection();
    for (QAction *action : std::as_const(m_actions)) {
        const Command *command = current(action);
        action->setEnabled(command && command->accepts(signedIn, ids));
        // Only text a command put there is taken back (Undo names its step itself).
        if (command && !command->text().isEmpty()) {
            if (!m_ownText.contains(action))
                m_ownText.insert(action, action->text());
            action->setText(command->text());
        } else if (const auto own = m_ownText.constFind(action); own != m_ownText.constEnd()) {
            action->setText(*own);
            m_ownText.erase(own);
        }
    }
}

void CommandController::trigger(QAction *action)
{
    const Command *command = current(action);
    const QStringList ids = selection();
    // A shortcut can fire between a change and update(): the rule is checked again here.
    if (command && command->accepts(m_signedIn(), ids))
        command->run(ids);
}

} // namespace ca
