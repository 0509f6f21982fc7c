// The window's actions that pages put their own commands behind (Rename means "rename this
// server" on Servers and "rename this token" on Tokens) and show on their buttons and
// context menus.
#pragma once

class QAction;

namespace ca {

struct PageActions
{
    QAction *newServer;
    QAction *newToken;
    QAction *rename;
    QAction *remove; // Delete on Servers, Revoke on Tokens
    QAction *copyId;
    QAction *find;
    QAction *undo;
    QAction *redo;
    QAction *apply;
    QAction *discard;
    QAction *review;
};

} // namespace ca
