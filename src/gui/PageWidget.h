// One page of the main window. The window's shared actions (Rename, Delete, Copy ID,
// Find) act on the current page through these functions.
#pragma once

#include "core/ApiError.h"
#include "gui/MessageBar.h"

#include <QPointer>

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
    // A create dialog waiting for the service's answer: on failure it shows the error (or,
    // if it is gone, the message bar does); on success it closes. Returns r.ok().
    template <typename Dialog, typename T>
    bool settle(const QPointer<Dialog> &asked, const Result<T> &r)
    {
        if (!r.ok()) {
            if (asked)
                asked->showError(r.error().message);
            else
                emit message(MessageBar::Kind::Error, r.error().message);
            return false;
        }
        if (asked) {
            asked->setWorking(false);
            asked->accept();
        }
        return true;
    }

    Workspace *m_workspace;
};

} // namespace ca
