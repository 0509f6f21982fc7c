// The one order for names people read, in the desktop program and the CLI alike:
// locale-aware and case-insensitive (QCollator; numbers by value, "server 2" before
// "server 10"), names equal but for case ordered by case, then by ID, so that a list comes
// in the same order on every run whatever order the service sent.
#pragma once

#include <QCollator>
#include <QList>
#include <QLocale>
#include <QString>
#include <algorithm>
#include <optional>

namespace ca {

class NameOrder
{
public:
    explicit NameOrder(const QLocale &locale = QLocale())
        : m_collator(locale)
    {
        m_collator.setCaseSensitivity(Qt::CaseInsensitive);
        m_collator.setNumericMode(true);
    }

    // The order for the current default locale, made once per thread and locale (a collator
    // is costly to open; models ask for it in data()).
    static const NameOrder &current()
    {
        thread_local std::optional<NameOrder> order;
        thread_local QLocale locale;
        const QLocale now;
        if (!order || locale != now) {
            order.emplace(now);
            locale = now;
        }
        return *order;
    }

    // < 0, 0 or > 0; 0 only for the same text.
    int compare(const QString &a, const QString &b) const
    {
        const int byName = m_collator.compare(a, b);
        return byName != 0 ? byName : a.compare(b);
    }
    bool operator()(const QString &a, const QString &b) const { return compare(a, b) < 0; }

    // Objects with a name and an id (servers, vaults, groups), by name, then by ID.
    template <typename T>
    void sort(QList<T> &items) const
    {
        sortBy(items, [](const T &t) -> const QString & { return t.name; });
    }

    // Any objects by a name they have, then by ID where names are the same.
    template <typename T, typename NameOf>
    void sortBy(QList<T> &items, NameOf nameOf) const
    {
        std::stable_sort(items.begin(), items.end(), [&](const T &a, const T &b) {
            const int byName = compare(nameOf(a), nameOf(b));
            if constexpr (requires { a.id; })
                return byName != 0 ? byName < 0 : a.id < b.id;
            else
                return byName < 0;
        });
    }

    void sort(QStringList &names) const { std::stable_sort(names.begin(), names.end(), *this); }

private:
    QCollator m_collator;
};

} // namespace ca
