// A sentence over an item view while it shows no rows ("No Connect servers yet. …", "No
// token matches the filter."), in the palette's placeholder colour, instead of a blank area.
#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QAbstractItemModel;
class QAbstractItemView;
class QLabel;

namespace ca {

class Workspace;

class EmptyViewText : public QObject
{
    Q_OBJECT
public:
    // text() says what to show, or "" while the view has something to show; it is asked
    // again whenever the view's model gains or loses rows or columns.
    EmptyViewText(QAbstractItemView *view, std::function<QString()> text);
    // Over a filtered list of what `all` holds: nothing until the account is loaded, then
    // noneYet while the account has none, noMatch while the filter hides every one.
    static EmptyViewText *forFilteredList(QAbstractItemView *view, Workspace *workspace,
                                          const QAbstractItemModel *all, const QString &noneYet,
                                          const QString &noMatch);

    QString text() const;
    void update();

private:
    QPointer<QAbstractItemView> m_view;
    std::function<QString()> m_text;
    QLabel *m_label;
};

} // namespace ca
