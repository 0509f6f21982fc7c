// One page of the main window. A page puts its commands behind the window's shared actions
// (addCommands), says what is selected (selectedIds), and tells when either may have changed.
#pragma once

#include "core/ApiError.h"
#include "gui/MessageBar.h"

#include <QLineEdit>
#include <QPointer>
#include <QStringList>
#include <QStyle>
#include <QWidget>

class QTableView;

namespace ca {

class CommandController;
class Workspace;
struct PageActions;

class PageWidget : public QWidget
{
    Q_OBJECT
public:
    PageWidget(Workspace *workspace, QWidget *parent = nullptr)
        : QWidget(parent)
        , m_workspace(workspace)
    {}

    virtual void addCommands(CommandController &commands, const PageActions &actions) = 0;
    // The page's table: what Copy, Export as CSV and the context menus act on.
    virtual QTableView *table() const = 0;
    // The IDs of the selected items, what the page's commands act on.
    virtual QStringList selectedIds() const { return {}; }

signals:
    // The selection, or something a command's condition looks at, changed.
    void actionsChanged();
    void message(ca::MessageBar::Kind kind, const QString &text);

protected:
    // A filter field that shows its whole placeholder (in whatever language), frame, margins
    // and clear button included, wherever the page has the room; in a window too small for
    // that the placeholder is cut rather than the window widened: the field gives way down
    // to half its width, then the rest of the row does.
    static void fitPlaceholder(QLineEdit *edit)
    {
        const QFontMetrics fm = edit->fontMetrics();
        const QMargins text = edit->textMargins(), contents = edit->contentsMargins();
        const int frame =
            2 * edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, edit);
        const int clearButton = edit->isClearButtonEnabled() ? fm.height() + 12 : 0;
        const int whole = fm.horizontalAdvance(edit->placeholderText()) + text.left() +
                          text.right() + contents.left() + contents.right() + frame + 8 +
                          clearButton;
        edit->setMinimumWidth(whole / 2);
        edit->setSizePolicy(QSizePolicy::Expanding, edit->sizePolicy().verticalPolicy());
    }

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
