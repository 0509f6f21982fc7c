// A table of objects with string IDs, updated incrementally: pages of a refresh are merged
// in as they arrive (changed rows emit dataChanged, new rows are inserted, rows the refresh
// did not see are removed at its end), so a view fills while the rest loads and keeps its
// selection. Row lookup by ID is O(1). A subclass may prepare each object as it is stored
// (share strings, order its parts) and keep a key beside each row (what a filter matches).
#pragma once

#include "models/IdProxyModel.h"
#include "models/Roles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <variant>
#include <vector>

namespace ca {

template <typename T, typename Key = std::monostate>
class KeyedTableModel : public QAbstractTableModel, public IdIndexed
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    QModelIndex indexOfId(const QString &id, int column = 0) const override
    {
        return indexOf(id, column);
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }

    const T &item(int row) const { return m_items.at(row); }
    const QList<T> &items() const { return m_items; }
    const T *find(const QString &id) const
    {
        const auto &rows = rowIndex();
        const auto it = rows.constFind(id);
        return it == rows.constEnd() ? nullptr : &m_items.at(*it);
    }
    QString id(const QModelIndex &index) const
    {
        return index.isValid() && index.model() == this ? m_items.at(index.row()).id : QString();
    }
    QModelIndex indexOf(const QString &id, int column = 0) const
    {
        const auto &rows = rowIndex();
        const auto it = rows.constFind(id);
        return it == rows.constEnd() ? QModelIndex() : index(int(*it), column);
    }

    // A refresh: beginRefresh(), mergePage() per page, endRefresh() drops the rows not seen.
    // Refreshes may overlap (a reload while another is under way): only the newest one's
    // end removes rows; an older one's end does nothing.
    int beginRefresh()
    {
        m_seen.assign(m_items.size(), false);
        m_refreshing = true;
        return ++m_refreshGeneration;
    }
    void mergePage(const QList<T> &page)
    {
        QList<T> added;
        QList<Key> addedKeys;
        int first = -1, last = -1;
        const auto &rows = rowIndex();
        for (T t : page) {
            Key key = prepare(t);
            const auto it = rows.constFind(t.id);
            if (it == rows.constEnd()) {
                added.append(std::move(t));
                addedKeys.append(std::move(key));
                continue;
            }
            const int row = int(*it);
            m_items[row] = std::move(t);
            m_keys[row] = std::move(key);
            if (m_refreshing)
                m_seen[row] = true;
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
        if (first >= 0)
            emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        if (!added.isEmpty()) {
            const int start = int(m_items.size());
            beginInsertRows({}, start, start + int(added.size()) - 1);
            for (qsizetype i = 0; i < added.size(); ++i) {
                m_rows.insert(added.at(i).id, m_items.size());
                m_items.append(std::move(added[i]));
                m_keys.append(std::move(addedKeys[i]));
                m_seen.push_back(m_refreshing);
            }
            endInsertRows();
        }
    }
    void endRefresh(int generation = 0) // 0: the newest
    {
        if (generation != 0 && generation != m_refreshGeneration)
            return;
        if (!m_refreshing)
            return;
        m_refreshing = false;
        QList<int> gone;
        for (int row = 0; row < int(m_items.size()); ++row) {
            if (!m_seen[row])
                gone.append(row);
        }
        removeRowsDescending(gone);
    }
    // One object added or changed.
    void upsert(const T &t) { mergePage({t}); }
    void remove(const QString &id)
    {
        const auto &rows = rowIndex();
        const auto it = rows.constFind(id);
        if (it != rows.constEnd())
            removeRowsDescending({int(*it)});
    }
    void clear()
    {
        if (m_items.isEmpty())
            return;
        beginResetModel();
        m_items.clear();
        m_keys.clear();
        m_seen.assign(0, false);
        m_rows.clear();
        m_rowsStale = false;
        endResetModel();
    }

protected:
    // Called with each object before it is stored, new or changed: a subclass may change it
    // (never its ID) and returns the key kept beside its row.
    virtual Key prepare(T &) { return {}; }
    const Key &rowKey(int row) const { return m_keys.at(row); }
    // A stored object changed in place by a subclass (its ID stays); the caller redraws.
    T &storedItem(int row) { return m_items[row]; }

    // Redraw one column of every row (names looked up elsewhere changed).
    void columnChanged(int column)
    {
        if (!m_items.isEmpty())
            emit dataChanged(index(0, column), index(int(m_items.size()) - 1, column));
    }

private:
    void removeRowsDescending(QList<int> rows)
    {
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        // Remove contiguous runs from the bottom up so earlier row numbers stay valid.
        qsizetype end = rows.size() - 1;
        while (end >= 0) {
            qsizetype start = end;
            while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
                --start;
            beginRemoveRows({}, rows.at(start), rows.at(end));
            const qsizetype count = rows.at(end) - rows.at(start) + 1;
            m_items.remove(rows.at(start), count);
            m_keys.remove(rows.at(start), count);
            m_seen.erase(m_seen.begin() + rows.at(start), m_seen.begin() + rows.at(start) + count);
            // Views and slots may look rows up while the removal is announced.
            m_rowsStale = true;
            endRemoveRows();
            end = start - 1;
        }
    }

    // The ID -> row index, rebuilt only when asked for after rows moved.
    const QHash<QString, qsizetype> &rowIndex() const
    {
        if (m_rowsStale) {
            m_rows.clear();
            m_rows.reserve(m_items.size());
            for (qsizetype i = 0; i < m_items.size(); ++i)
                m_rows.insert(m_items.at(i).id, i);
            m_rowsStale = false;
        }
        return m_rows;
    }

    QList<T> m_items;
    QList<Key> m_keys; // beside m_items, row for row
    mutable QHash<QString, qsizetype> m_rows;
    mutable bool m_rowsStale = false;
    std::vector<bool> m_seen; // beside m_items: seen by the refresh under way
    bool m_refreshing = false;
    int m_refreshGeneration = 0;
};

} // namespace ca
