// One page of the main window. The window's shared actions (Rename, Delete, Copy ID,
// Find) act on the current page through these functions.
#pragma once

#include "gui/MessageBar.h"

#include <QWidget>

namespace ca {

class Workspace;

class PageWidget : public QWidget
{
    Q_OBJECT
public:
    PageWidget(Workspace *workspace, QWidget *parent = nullptr)
        : QWidget(parent)
        , m_workspace(workspace)
    {}

    virtual bool canRename() const { return false; }
    virtual void rename() {}
    virtual bool canDelete() const { return false; }
    virtual void deleteSelected() {}
    virtual bool canCopyId() const { return false; }
    virtual void copyId() {}
    virtual void focusFilter() {}

signals:
    void actionsChanged();
    void message(ca::MessageBar::Kind kind, const QString &text);

protected:
    Workspace *m_workspace;
};

} // namespace ca
