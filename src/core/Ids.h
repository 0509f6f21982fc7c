// Object identifiers: 26 base32 characters [a-z2-7] from 130 CSPRNG bits.
#pragma once

#include <QString>

namespace ca {

enum class IdKind { Account, User, Server, Vault, Group, Token, Device };

// A fresh random identifier in canonical (lower-case) form.
QString newId();

// True when text is 26 characters of [a-zA-Z2-7] (lookups are case-insensitive).
bool isValidId(QStringView text);

// The lower-case form used for storage and comparison.
QString canonicalId(QStringView text);

// Account, user and server IDs are shown upper-case; vault, group and token IDs lower-case.
QString displayId(QStringView canonical, IdKind kind);

} // namespace ca
