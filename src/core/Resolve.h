// "<name> or <ID>" lookups as the reference defines them: an exact ID match wins; otherwise
// names match exactly, then case-insensitively; several matches are an error naming the IDs.
#pragma once

#include "core/Ids.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace ca {

enum class ResolveStatus { Found, NotFound, Ambiguous };

template <typename T>
struct Resolution
{
    ResolveStatus status = ResolveStatus::NotFound;
    T value{};
    QStringList candidateIds; // display IDs of every match when ambiguous
};

// candidates: objects whose ID or name might match; idOf/nameOf read them.
template <typename T, typename IdOf, typename NameOf>
Resolution<T> resolveByIdOrName(QStringView ref, const QList<T> &candidates, IdKind kind, IdOf idOf,
                                NameOf nameOf)
{
    Resolution<T> r;
    if (isValidId(ref)) {
        const QString wanted = canonicalId(ref);
        for (const T &c : candidates) {
            if (idOf(c) == wanted) {
                r.status = ResolveStatus::Found;
                r.value = c;
                return r;
            }
        }
    }
    for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        QList<const T *> matches;
        for (const T &c : candidates) {
            if (QStringView(nameOf(c)).compare(ref, cs) == 0)
                matches.append(&c);
        }
        if (matches.size() == 1) {
            r.status = ResolveStatus::Found;
            r.value = *matches.first();
            return r;
        }
        if (matches.size() > 1) {
            r.status = ResolveStatus::Ambiguous;
            for (const T *m : matches)
                r.candidateIds.append(displayId(idOf(*m), kind));
            r.candidateIds.sort();
            return r;
        }
    }
    return r;
}

} // namespace ca
