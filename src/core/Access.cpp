#include "core/Access.h"

#include <QCoreApplication>

namespace ca {

std::optional<Access> accessFromSuffix(QStringView suffix)
{
    const QString s = suffix.trimmed().toString().toLower();
    if (s == u"r")
        return Access::Read;
    if (s == u"w")
        return Access::Write;
    if (s == u"rw" || s == u"wr")
        return Access::ReadWrite;
    return std::nullopt;
}

namespace {
// Translatable strings of this file, in the context "ca::Access".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::Access)
};
} // namespace

int aclBits(Access access)
{
    switch (access) {
    case Access::Read:
        return Acl::Read;
    case Access::Write:
        return Acl::Write;
    case Access::ReadWrite:
        break;
    }
    return Acl::ReadWrite;
}

std::optional<Access> accessFromAcl(int bits)
{
    if (bits == Acl::Read)
        return Access::Read;
    if (bits == Acl::Write)
        return Access::Write;
    if (bits == Acl::ReadWrite)
        return Access::ReadWrite;
    return std::nullopt;
}

QString accessName(Access access)
{
    switch (access) {
    case Access::Read:
        return QStringLiteral("read");
    case Access::Write:
        return QStringLiteral("write");
    case Access::ReadWrite:
        break;
    }
    return QStringLiteral("read_write");
}

std::optional<Access> accessFromName(QStringView name)
{
    if (name == u"read")
        return Access::Read;
    if (name == u"write")
        return Access::Write;
    if (name == u"read_write")
        return Access::ReadWrite;
    return std::nullopt;
}

QString accessSuffix(Access access)
{
    switch (access) {
    case Access::Read:
        return QStringLiteral("r");
    case Access::Write:
        return QStringLiteral("w");
    case Access::ReadWrite:
        break;
    }
    return QStringLiteral("rw");
}

QString scopeText(const QString &vaultName, Access access)
{
    return vaultName + QLatin1String(" (") + accessSuffix(access) + QLatin1Char(')');
}

VaultPermissionParse parseVaultPermission(QStringView text)
{
    const qsizetype comma = text.lastIndexOf(u',');
    QStringView vault = text;
    Access access = Access::ReadWrite;
    if (comma >= 0) {
        const QStringView suffix = text.mid(comma + 1);
        const auto parsed = accessFromSuffix(suffix);
        if (!parsed)
            return {{},
                    Text::tr("Unknown permission \"%1\" in \"%2\"; after the comma use r, w or rw.")
                        .arg(suffix.toString(), text.toString())};
        access = *parsed;
        vault = text.left(comma);
    }
    vault = vault.trimmed();
    if (vault.isEmpty())
        return {{}, Text::tr("A vault name or ID is missing in \"%1\".").arg(text.toString())};
    return {{VaultPermission{vault.toString(), access}}, {}};
}

VaultPermissionParse parseVaultPermissionList(QStringView text)
{
    VaultPermissionParse result;
    const auto parts = text.split(u',');
    for (const QStringView part : parts) {
        if (const auto access = accessFromSuffix(part)) {
            if (result.permissions.isEmpty())
                return {{},
                        Text::tr("The permission \"%1\" in \"%2\" has no vault before it.")
                            .arg(part.toString(), text.toString())};
            result.permissions.last().access = *access;
            continue;
        }
        const QStringView vault = part.trimmed();
        if (vault.isEmpty())
            return {{}, Text::tr("A vault name or ID is missing in \"%1\".").arg(text.toString())};
        result.permissions.append(VaultPermission{vault.toString(), Access::ReadWrite});
    }
    return result;
}

} // namespace ca
