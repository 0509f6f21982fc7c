#include "models/AuditModel.h"

#include "core/Ids.h"
#include "models/Directory.h"
#include "models/DirectoryModels.h"
#include "models/Roles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace ca {

AuditModel::AuditModel(const Directory *directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory)
{
    // Names come from the directory: redraw the name columns when it changes.
    auto names = [this] {
        if (!m_events.isEmpty())
            emit dataChanged(index(0, Actor), index(rowCount() - 1, Changes),
                             {Qt::DisplayRole, Qt::ToolTipRole});
    };
    for (auto signal : {&Directory::usersChanged, &Directory::serversChanged,
                        &Directory::vaultsChanged, &Directory::groupsChanged})
        connect(directory, signal, this, names);
}

void AuditModel::setFetcher(Fetcher fetcher)
{
    m_fetcher = std::move(fetcher);
    reload();
}

void AuditModel::reload()
{
    // The old filter's answers still on their way go nowhere.
    if (m_context)
        m_context->deleteLater();
    m_context = nullptr;
    ++m_generation;
    beginResetModel();
    m_events.clear();
    m_cursor.clear();
    m_started = false;
    endResetModel();
    setLoading(false);
    if (m_fetcher)
        fetchMore({});
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetcher && !m_loading && (!m_started || !m_cursor.isEmpty());
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!m_context)
        m_context = new QObject(this);
    m_started = true;
    setLoading(true);
    m_fetcher(m_cursor, m_context,
              [this, generation = m_generation](const Result<Page<AuditEvent>> &r) {
                  if (generation != m_generation)
                      return;
                  setLoading(false);
                  if (!r.ok()) {
                      emit failed(r.error());
                      return;
                  }
                  m_cursor = r->nextCursor;
                  if (!r->items.isEmpty()) {
                      beginInsertRows({}, rowCount(), rowCount() + int(r->items.size()) - 1);
                      m_events += r->items;
                      endInsertRows();
                  }
                  emit pageLoaded();
              });
}

void AuditModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AuditEvent &e = m_events.at(index.row());
    if (role == IdRole)
        return e.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawRole)
        return {};
    switch (index.column()) {
    case Time:
        if (role == RawRole)
            return e.at;
        if (role == Qt::ToolTipRole)
            return tr("Event %1, %2")
                .arg(e.seq)
                .arg(QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat));
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case Actor:
        return actorText(e);
    case Action:
        if (role == RawRole || role == Qt::ToolTipRole)
            return e.action;
        return actionText(e.action);
    case Object:
        return objectText(e);
    case Changes:
        return changeText(e);
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    case Changes:
        return tr("What changed");
    }
    return {};
}

QString AuditModel::actorText(const AuditEvent &e) const
{
    return e.actorId.isEmpty() ? tr("(service)") : m_directory->userName(e.actorId);
}

// Every action's label, untranslated (QT_TR_NOOP: in AuditModel's context).
const QHash<QString, const char *> &AuditModel::actionNames()
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("account.create"), QT_TR_NOOP("Account created")},
        {QStringLiteral("user.create"), QT_TR_NOOP("User created")},
        {QStringLiteral("group.create"), QT_TR_NOOP("Group created")},
        {QStringLiteral("vault.create"), QT_TR_NOOP("Vault created")},
        {QStringLiteral("server.create"), QT_TR_NOOP("Server created")},
        {QStringLiteral("server.rename"), QT_TR_NOOP("Server renamed")},
        {QStringLiteral("server.delete"), QT_TR_NOOP("Server deleted")},
        {QStringLiteral("server.credentials_renew"), QT_TR_NOOP("Credentials renewed")},
        {QStringLiteral("vault.grant"), QT_TR_NOOP("Vault granted")},
        {QStringLiteral("vault.revoke"), QT_TR_NOOP("Vault revoked")},
        {QStringLiteral("grants.batch"), QT_TR_NOOP("Vault access applied")},
        {QStringLiteral("token.create"), QT_TR_NOOP("Token created")},
        {QStringLiteral("token.rename"), QT_TR_NOOP("Token renamed")},
        {QStringLiteral("token.revoke"), QT_TR_NOOP("Token revoked")},
        {QStringLiteral("token.rotate"), QT_TR_NOOP("Token rotated")},
        {QStringLiteral("token.revoke_schedule"), QT_TR_NOOP("Revocation scheduled")},
        {QStringLiteral("token.revoke_cancel"), QT_TR_NOOP("Revocation cancelled")},
        {QStringLiteral("group.grant"), QT_TR_NOOP("Group granted")},
        {QStringLiteral("group.revoke"), QT_TR_NOOP("Group revoked")},
        {QStringLiteral("session.create"), QT_TR_NOOP("Signed in")},
        {QStringLiteral("session.delete"), QT_TR_NOOP("Signed out")},
        {QStringLiteral("signing_key.create"), QT_TR_NOOP("Signing key created")},
        {QStringLiteral("group.member.add"), QT_TR_NOOP("Member added")},
        {QStringLiteral("vault.group_access.add"), QT_TR_NOOP("Group access to vault")},
    };
    return names;
}

QString AuditModel::actionText(const QString &action)
{
    const auto it = actionNames().constFind(action);
    return it == actionNames().constEnd() ? action : tr(*it);
}

QStringList AuditModel::actionTexts()
{
    QStringList texts;
    for (const char *name : actionNames())
        texts.append(tr(name));
    return texts;
}

QString AuditModel::serverName(const QJsonValue &id) const
{
    return id.isString() ? m_directory->serverName(canonicalId(id.toString())) : QString();
}

QString AuditModel::vaultName(const QJsonValue &id, const QJsonValue &name) const
{
    if (name.isString() && !name.toString().isEmpty())
        return name.toString();
    return m_directory->vaultName(canonicalId(id.toString().section(u',', 0, 0)));
}

QString AuditModel::objectText(const AuditEvent &e) const
{
    const QJsonObject &d = e.detail;
    const QString id = canonicalId(e.targetId);
    const QString type = e.targetType;
    if (type == u"server")
        return tr("Server %1")
            .arg(e.action == u"server.create" ? d.value(u"name").toString()
                                              : m_directory->serverName(id));
    if (type == u"token")
        return tr("Token %1").arg(d.value(u"name").toString(e.targetId));
    if (type == u"vault")
        return tr("Vault %1")
            .arg(d.value(u"name").toString(
                d.value(u"vault_name").toString(m_directory->vaultName(id))));
    if (type == u"group")
        return tr("Group %1").arg(d.value(u"group_name").toString(m_directory->groupName(id)));
    if (type == u"user")
        return tr("User %1").arg(m_directory->userName(id));
    if (type == u"grants")
        return tr("Vault access, revision %1").arg(e.targetId);
    return e.targetId.isEmpty() ? type : u"%1 %2"_s.arg(type, e.targetId);
}

QString AuditModel::changeText(const AuditEvent &e) const
{
    const QJsonObject &d = e.detail;
    const QString &a = e.action;
    auto vaultList = [this](const QJsonArray &vaults) {
        QStringList names;
        for (const QJsonValue &v : vaults)
            names.append(vaultName(v));
        return names.join(u", ");
    };
    if (a == u"server.create")
        return d.value(u"vaults").toArray().isEmpty()
                   ? tr("No vaults")
                   : tr("Vaults: %1").arg(vaultList(d.value(u"vaults").toArray()));
    if (a == u"server.rename" || a == u"token.rename")
        return tr("\"%1\" → \"%2\"").arg(d.value(u"from").toString(), d.value(u"to").toString());
    if (a == u"server.delete")
        return tr("Tokens revoked: %1").arg(d.value(u"revoked_tokens").toInt());
    if (a == u"vault.grant")
        return tr("+ %1").arg(vaultName(d.value(u"vault"), d.value(u"vault_name")));
    if (a == u"vault.revoke")
        return tr("− %1").arg(vaultName(d.value(u"vault"), d.value(u"vault_name")));
    if (a == u"grants.batch") {
        QStringList cells;
        const QJsonArray listed = e.batchCells();
        for (qsizetype i = 0; i < std::min<qsizetype>(listed.size(), 3); ++i) {
            const QJsonObject c = listed.at(i).toObject();
            cells.append(u"%1 %2 → %3"_s.arg(c.value(u"granted").toBool() ? u"+"_s : u"−"_s,
                                             serverName(c.value(u"server")),
                                             vaultName(c.value(u"vault"))));
        }
        const qint64 applied = d.value(u"applied").toInteger();
        if (applied > cells.size())
            cells.append(tr("%1 more").arg(applied - cells.size()));
        return cells.join(u"; ");
    }
    if (a == u"token.create" || a == u"token.rotate") {
        QString text =
            tr("On %1; vaults: %2")
                .arg(serverName(d.value(u"server")), vaultList(d.value(u"vaults").toArray()));
        if (a == u"token.rotate")
            text = tr("Replaced by \"%1\"; %2").arg(d.value(u"new_name").toString(), text);
        const QDateTime expires =
            QDateTime::fromString(d.value(u"expires_at").toString(), Qt::ISODate);
        if (expires.isValid())
            text += tr("; expires %1")
                        .arg(QLocale().toString(expires.toLocalTime(), QLocale::ShortFormat));
        return text;
    }
    if (a == u"token.revoke")
        return d.value(u"scheduled").toBool()
                   ? tr("On %1, as scheduled").arg(serverName(d.value(u"server")))
                   : tr("On %1").arg(serverName(d.value(u"server")));
    if (a == u"token.revoke_schedule" || a == u"token.revoke_cancel") {
        const QDateTime at = QDateTime::fromString(d.value(u"revokes_at").toString(), Qt::ISODate);
        const QString when = QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
        return a == u"token.revoke_schedule" ? tr("Revokes at %1").arg(when)
                                             : tr("Was due at %1").arg(when);
    }
    if (a == u"group.grant" || a == u"group.revoke") {
        if (d.value(u"all_servers").toBool() || d.value(u"kind").toString() == u"all_servers")
            return a == u"group.grant" ? tr("+ all servers") : tr("− all servers");
        if (d.value(u"server").isString())
            return (a == u"group.grant" ? tr("+ %1") : tr("− %1"))
                .arg(serverName(d.value(u"server")));
        return a == u"group.grant" ? tr("+ Secrets Automation manager")
                                   : tr("− Secrets Automation manager");
    }
    if (a == u"group.member.add")
        return tr("+ %1").arg(m_directory->userName(canonicalId(d.value(u"user").toString())));
    if (a == u"vault.group_access.add")
        return tr("+ group %1")
            .arg(m_directory->groupName(canonicalId(d.value(u"group").toString())));
    if (a == u"session.create" && d.value(u"peer").isString())
        return tr("From %1").arg(d.value(u"peer").toString());
    if (a == u"vault.create" || a == u"group.create" || a == u"user.create" ||
        a == u"account.create") {
        if (const auto type = vaultTypeFromName(d.value(u"type").toString()))
            return VaultModel::typeText(*type); // as the vault lists say it
        return d.value(u"type").toString();
    }
    if (d.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
}

} // namespace ca
