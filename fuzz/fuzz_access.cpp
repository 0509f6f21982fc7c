// Fuzz target: "Vault,r|w|rw" permissions (core/Access), one --vault value and a --vaults
// list. Each parse is a list or a sentence, never both; every vault it names is non-empty
// and trimmed; and writing the result back in op's syntax parses to the same permissions.
#include "FuzzSupport.h"
#include "core/Access.h"

using namespace ca;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

namespace {

QByteArray describe(const QList<VaultPermission> &permissions)
{
    QByteArray out;
    for (const VaultPermission &p : permissions)
        out += '[' + p.vault.toUtf8() + "]:" + accessSuffix(p.access).toUtf8() + ' ';
    return out;
}

void checkShape(const VaultPermissionParse &parsed, const QByteArray &input)
{
    fuzz::check(parsed.permissions.isEmpty() != parsed.error.isEmpty(),
                "a permission parse is either permissions or an error", input);
    for (const VaultPermission &p : parsed.permissions) {
        fuzz::check(!p.vault.isEmpty() && p.vault == p.vault.trimmed(),
                    "a parsed vault is empty or not trimmed", input);
        fuzz::check(accessFromAcl(aclBits(p.access)) == p.access &&
                        accessFromName(accessName(p.access)) == p.access,
                    "an access does not survive its ACL bits or its wire name", input);
    }
}

void checkSingle(const QString &text, const QByteArray &input)
{
    const VaultPermissionParse parsed = parseVaultPermission(text);
    checkShape(parsed, input);
    if (!parsed.error.isEmpty())
        return;
    fuzz::check(parsed.permissions.size() == 1, "one --vault value gave several vaults", input);
    const VaultPermission &p = parsed.permissions.first();
    const VaultPermissionParse again =
        parseVaultPermission(QString(p.vault + u',' + accessSuffix(p.access)));
    fuzz::check(again.permissions == parsed.permissions,
                "a --vault value written back parses differently",
                [&]() -> QByteArray { return input + " -> " + describe(again.permissions); });
}

void checkList(const QString &text, const QByteArray &input)
{
    const VaultPermissionParse parsed = parseVaultPermissionList(text);
    checkShape(parsed, input);
    if (!parsed.error.isEmpty())
        return;
    QStringList written;
    for (const VaultPermission &p : parsed.permissions) {
        fuzz::check(!p.vault.contains(u','), "a vault of a --vaults list holds a comma", input);
        written << p.vault << accessSuffix(p.access);
    }
    const VaultPermissionParse again = parseVaultPermissionList(written.join(u','));
    fuzz::check(again.permissions == parsed.permissions,
                "a --vaults list written back parses differently", [&]() -> QByteArray {
                    return input + " -> " + describe(parsed.permissions) + "-> " +
                           describe(again.permissions);
                });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QString texts[] = {
        QString::fromUtf8(input),
        QString(reinterpret_cast<const QChar *>(input.constData()), input.size() / 2)};
    for (const QString &text : texts) {
        checkSingle(text, input);
        checkList(text, input);
    }
    return 0;
}
