// One user action as a small object, after Kleopatra's commands: what it needs — a session,
// a selection of no item, exactly one, or one or more, and any further condition on the
// selected items — and what it does with their IDs. The CommandController enables the
// shared QAction by that one rule, so menus, toolbar, buttons, context menus and shortcuts
// never disagree.
//   Command::forOne(rename).labelled(tr("&Rename"))
//   Command::forMany(revoke).onlyIf(anyActive)
//   Command::forNothing(quit).signedOutToo()
#pragma once

#include <QString>
#include <QStringList>
#include <functional>

namespace ca {

class Command
{
public:
    enum class Selection {
        None, // acts on the page or the window, whatever is selected
        One,  // exactly one item
        Many, // one or more items
    };
    using Run = std::function<void(const QStringList &ids)>;
    using Condition = std::function<bool(const QStringList &ids)>;

    static Command forNothing(Run run) { return Command(Selection::None, std::move(run)); }
    static Command forOne(Run run) { return Command(Selection::One, std::move(run)); }
    static Command forMany(Run run) { return Command(Selection::Many, std::move(run)); }

    // A further condition on the selected items ("one of them is not revoked yet").
    Command onlyIf(Condition condition) const
    {
        Command c = *this;
        c.m_condition = std::move(condition);
        return c;
    }
    // Also available without a session (local things: undo, copy, quit).
    Command signedOutToo() const
    {
        Command c = *this;
        c.m_needsSession = false;
        return c;
    }
    // What the shared action says while this command is behind it ("&Revoke" on Tokens,
    // "&Delete" on Servers).
    Command labelled(const QString &text) const
    {
        Command c = *this;
        c.m_text = text;
        return c;
    }

    Selection selection() const { return m_selection; }
    QString text() const { return m_text; }

    bool accepts(bool signedIn, const QStringList &ids) const
    {
        if (m_needsSession && !signedIn)
            return false;
        if (m_selection == Selection::One && ids.size() != 1)
            return false;
        if (m_selection == Selection::Many && ids.isEmpty())
            return false;
        return !m_condition || m_condition(ids);
    }
    void run(const QStringList &ids) const { m_run(ids); }

private:
    Command(Selection selection, Run run)
        : m_selection(selection)
        , m_run(std::move(run))
    {}

    Selection m_selection;
    Run m_run;
    Condition m_condition;
    bool m_needsSession = true;
    QString m_text;
};

} // namespace ca
