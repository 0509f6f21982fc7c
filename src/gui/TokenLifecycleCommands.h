// The Tokens page's lifecycle commands: Rotate… (one or several tokens, the new ones shown
// once) and Cancel scheduled revocation. Kept apart from TokensPage so that the page only
// hooks them in.
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

class QAction;

namespace ca {

class CommandController;
class TokensPage;
class Workspace;

class TokenLifecycleCommands : public QObject
{
    Q_OBJECT
public:
    TokenLifecycleCommands(Workspace *workspace, TokensPage *page);

    void addCommands(CommandController &commands);
    // For the Tokens menu and the table's context menu.
    QList<QAction *> actions() const { return {m_rotate, m_cancel}; }

    void rotate(const QStringList &tokenIds);
    void cancelRevocation(const QStringList &tokenIds);

private:
    QStringList rotatable(const QStringList &tokenIds) const;
    QStringList scheduled(const QStringList &tokenIds) const;

    Workspace *m_workspace;
    TokensPage *m_page;
    QAction *m_rotate;
    QAction *m_cancel;
};

} // namespace ca
