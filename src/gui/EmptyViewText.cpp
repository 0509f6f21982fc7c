#include "gui/EmptyViewText.h"

#include "gui/Workspace.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QVBoxLayout>

namespace ca {

EmptyViewText::EmptyViewText(QAbstractItemView *view, std::function<QString()> text)
    : QObject(view)
    , m_view(view)
    , m_text(std::move(text))
    , m_label(new QLabel(view->viewport()))
{
    m_label->setObjectName(QStringLiteral("emptyText"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(view->viewport());
    layout->addWidget(m_label);
    QAbstractItemModel *model = view->model();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved,
                        &QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
        connect(model, signal, this, &EmptyViewText::update);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyViewText::update);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyViewText::update);
    update();
}

EmptyViewText *EmptyViewText::forFilteredList(QAbstractItemView *view, Workspace *workspace,
                                              const QAbstractItemModel *all, const QString &noneYet,
                                              const QString &noMatch)
{
    auto *empty = new EmptyViewText(view, [=] {
        if (view->model()->rowCount() > 0 || workspace->lastRefresh().isNull())
            return QString();
        return all->rowCount() == 0 ? noneYet : noMatch;
    });
    // A refresh of an empty account changes no rows, but it is loaded now.
    connect(workspace, &Workspace::refreshed, empty, &EmptyViewText::update);
    return empty;
}

QString EmptyViewText::text() const
{
    return m_label->isHidden() ? QString() : m_label->text();
}

void EmptyViewText::update()
{
    const QString text = m_text();
    m_label->setText(text);
    m_label->setVisible(!text.isEmpty());
}

} // namespace ca
