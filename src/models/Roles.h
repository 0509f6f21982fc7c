// Custom item roles, declared once for every model of the program.
#pragma once

#include <Qt>

namespace ca {

enum Role {
    IdRole = Qt::UserRole + 1, // the object's canonical ID (string)
    RawRole,                   // the unformatted value proxies sort and filter on
    StateRole,                 // an enum value (TokenState, CellState, ...) as int
    ServerIdRole,              // the server an item belongs to
    ReasonRole,                // why a cell or item is disabled, as a sentence
    BusyRole,                  // true while a change to this item is under way
    ScopesRole,                // a token's vaults: QList<TokenScope> (TokenModel.h)
};

} // namespace ca
