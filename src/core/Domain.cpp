#include "core/Domain.h"

#include <QCoreApplication>

namespace ca {

QString vaultTypeName(VaultType type)
{
    switch (type) {
    case VaultType::UserCreated:
        return QStringLiteral("USER_CREATED");
    case VaultType::Personal:
        return QStringLiteral("PERSONAL");
    case VaultType::Everyone:
        return QStringLiteral("EVERYONE");
    case VaultType::Transfer:
        return QStringLiteral("TRANSFER");
    }
    return QStringLiteral("USER_CREATED");
}

std::optional<VaultType> vaultTypeFromName(QStringView name)
{
    for (VaultType t :
         {VaultType::UserCreated, VaultType::Personal, VaultType::Everyone, VaultType::Transfer}) {
        if (vaultTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

bool isGrantable(VaultType type)
{
    return type == VaultType::UserCreated;
}

QString notGrantableReason(VaultType type, const QString &vaultName)
{
    switch (type) {
    case VaultType::UserCreated:
        return {};
    case VaultType::Personal:
        return QCoreApplication::translate(
                   "ca::Domain", "\"%1\" is a Personal, Private or Employee vault (type PERSONAL); "
                                 "built-in personal vaults can't be granted to a Connect server.")
            .arg(vaultName);
    case VaultType::Everyone:
        return QCoreApplication::translate(
                   "ca::Domain", "\"%1\" is the built-in Shared vault (type EVERYONE); it can't be "
                                 "granted to a Connect server.")
            .arg(vaultName);
    case VaultType::Transfer:
        return QCoreApplication::translate(
                   "ca::Domain",
                   "\"%1\" is a transfer vault (type TRANSFER); it can't be granted to "
                   "a Connect server.")
            .arg(vaultName);
    }
    return {};
}

QString notGrantableExplanation(VaultType type, const QString &vaultName)
{
    switch (type) {
    case VaultType::UserCreated:
        return {};
    case VaultType::Personal:
        return QCoreApplication::translate(
                   "ca::Domain", "\"%1\" is someone's Private or Employee vault; personal vaults "
                                 "can't be granted to a Connect server.")
            .arg(vaultName);
    case VaultType::Everyone:
        return QCoreApplication::translate(
                   "ca::Domain", "\"%1\" is the Shared vault every member sees; the Shared vault "
                                 "can't be granted to a Connect server.")
            .arg(vaultName);
    case VaultType::Transfer:
        return QCoreApplication::translate("ca::Domain",
                                           "\"%1\" is a transfer vault; transfer vaults can't be "
                                           "granted to a Connect server.")
            .arg(vaultName);
    }
    return {};
}

QString tokenStateName(TokenState state)
{
    switch (state) {
    case TokenState::Active:
        return QStringLiteral("ACTIVE");
    case TokenState::Revoked:
        return QStringLiteral("REVOKED");
    case TokenState::Expired:
        return QStringLiteral("EXPIRED");
    }
    return QStringLiteral("ACTIVE");
}

std::optional<TokenState> tokenStateFromName(QStringView name)
{
    for (TokenState s : {TokenState::Active, TokenState::Revoked, TokenState::Expired}) {
        if (tokenStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString groupGrantKindName(GroupGrantKind kind)
{
    switch (kind) {
    case GroupGrantKind::Manager:
        return QStringLiteral("manager");
    case GroupGrantKind::Server:
        return QStringLiteral("server");
    case GroupGrantKind::AllServers:
        return QStringLiteral("all_servers");
    }
    return QStringLiteral("manager");
}

std::optional<GroupGrantKind> groupGrantKindFromName(QStringView name)
{
    for (GroupGrantKind k :
         {GroupGrantKind::Manager, GroupGrantKind::Server, GroupGrantKind::AllServers}) {
        if (groupGrantKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QJsonArray AuditEvent::batchCells() const
{
    const QJsonValue cells = detail.value(QLatin1String("cells"));
    return (cells.isArray() ? cells : detail.value(QLatin1String("first"))).toArray();
}

} // namespace ca
