// What a token may do in a vault: read, write or both, as op's ",r" ",w" ",rw" suffixes and
// as the ACL bits carried in the token's "1password.com/vts" claim.
#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace ca {

enum class Access { Read = 1, Write = 2, ReadWrite = 3 };

namespace Acl {
inline constexpr int ReadItems = 32;
inline constexpr int RevealItemPassword = 16;
inline constexpr int UpdateItems = 64;
inline constexpr int CreateItems = 128;
inline constexpr int ArchiveItems = 256;
inline constexpr int DeleteItems = 512;
inline constexpr int Read = ReadItems | RevealItemPassword;                          // 48
inline constexpr int Write = UpdateItems | CreateItems | ArchiveItems | DeleteItems; // 960
inline constexpr int ReadWrite = Read | Write;                                       // 1008
} // namespace Acl

int aclBits(Access access);
std::optional<Access> accessFromAcl(int bits);

// Wire names: "read", "write", "read_write".
QString accessName(Access access);
std::optional<Access> accessFromName(QStringView name);

// Short op-style suffix: "r", "w", "rw".
QString accessSuffix(Access access);
// "r", "w", "rw" (or "wr"), any case; nullopt for anything else.
std::optional<Access> accessFromSuffix(QStringView suffix);
// A vault and what a token may do there, as people read it: "Kubernetes (r)".
QString scopeText(const QString &vaultName, Access access);

// A vault reference with the access a token asks for.
struct VaultPermission
{
    QString vault; // name or ID, as typed
    Access access = Access::ReadWrite;
    bool operator==(const VaultPermission &) const = default;
};

struct VaultPermissionParse
{
    QList<VaultPermission> permissions;
    QString error; // empty on success
};

// One --vault value: "Vault", "Vault,r", "Vault,w" or "Vault,rw". Without a suffix the
// vault gets read+write (the server's permission).
VaultPermissionParse parseVaultPermission(QStringView text);

// A comma-separated --vaults value, where an r/w/rw element applies to the vault before it:
// "Kubernetes,r" -> Kubernetes:r; "A,r,B,C,w" -> A:r, B:rw, C:w.
VaultPermissionParse parseVaultPermissionList(QStringView text);

} // namespace ca
