// The Connect configuration of an account as a YAML file (access as code, issue 14): servers
// with their vaults, managing groups and tokens, and the account-wide group grants. Read with
// every value's line and column, so that each error in the file names where it is.
#pragma once

#include "core/Access.h"
#include "core/Domain.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ca {

// Where a value stands in the file, 1-based; 0 when it did not come from a file.
struct ConfigPos
{
    int line = 0;
    int column = 0;
};

// A scalar of the file and where it stands.
struct ConfigText
{
    QString value;
    ConfigPos at;
};

struct ConfigTokenVault
{
    ConfigText vault; // name or ID
    Access access = Access::ReadWrite;
};

struct ConfigToken
{
    ConfigPos at;
    std::optional<ConfigText> id; // unset: matched by name, or created
    ConfigText name;
    QList<ConfigTokenVault> vaults;
    std::optional<ConfigText> expiresIn; // a new token's lifetime ("30d")
    std::optional<ConfigText> expires;   // an existing token's expiry as exported
    TokenState state = TokenState::Active;
    ConfigPos stateAt;
};

struct ConfigServer
{
    ConfigPos at;
    std::optional<ConfigText> id; // unset: matched by name, or created
    ConfigText name;
    QList<ConfigText> vaults;
    QList<ConfigText> groups; // groups that manage this server
    QList<ConfigToken> tokens;
};

struct AccessConfig
{
    QList<ConfigServer> servers;
    // The account-wide group grants; unset when the file has no "groups" section (then the
    // plan leaves group grants alone).
    bool hasGroups = false;
    QList<ConfigText> managers;
    QList<ConfigText> allServers;
};

// A problem in the file, at a place in it.
struct ConfigError
{
    ConfigPos at;
    QString message;
    // "FILE:LINE:COLUMN: message" (or "FILE: message" without a place).
    QString text(const QString &fileName) const;
};

struct ConfigParse
{
    AccessConfig config;
    QList<ConfigError> errors; // empty on success
};

// The file format's version, written as "version: 1".
inline constexpr int kAccessConfigVersion = 1;

// Reads a configuration; every structural problem (YAML syntax, an unknown key, a wrong type,
// a duplicate server or token, a bad access word or duration) is one error with its place.
ConfigParse parseAccessConfig(const QByteArray &yaml);

// What an account looks like to its caller, at one revision: the input of export and plan.
struct AccountSnapshot
{
    qint64 revision = 0;
    QList<Vault> vaults;
    QList<Group> groups;
    QList<Server> servers;
    QList<Token> tokens;
    // Group grants need manager rights to be seen; without them they are left out.
    bool groupGrantsVisible = true;
    QList<GroupGrant> groupGrants;
    QDateTime now; // token states are as of this time
};

// The snapshot as a configuration file: sorted by name (then ID), IDs in "id:" fields, names
// where they are unambiguous, never a secret. The same account gives the same bytes.
QByteArray exportAccessConfig(const AccountSnapshot &snapshot);

} // namespace ca
