#include "gui/ConfigFileCommands.h"

#include "client/AccessPlan.h"
#include "client/AccountSnapshotLoader.h"
#include "gui/CommandController.h"
#include "gui/CredentialsExport.h"
#include "gui/FileChangesDialog.h"
#include "gui/MessageBar.h"
#include "gui/RevealTokenDialog.h"
#include "gui/Seams.h"
#include "gui/SecretFileDialog.h"
#include "gui/Workspace.h"
#include "models/ServerModel.h"
#include "models/VaultAccessModel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// The folder both dialogs start in: where the last configuration file was (not a secret).
QString configFolder()
{
    return QSettings()
        .value(u"configFolder"_s,
               QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void rememberFolder(const QString &path)
{
    QSettings().setValue(u"configFolder"_s, QFileInfo(path).absolutePath());
}

} // namespace

ConfigFileCommands::ConfigFileCommands(Workspace *workspace, QWidget *window, MessageBar *messages,
                                       std::function<void()> showStaged)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_messages(messages)
    , m_showStaged(std::move(showStaged))
    , m_export(new QAction(tr("E&xport configuration…"), window))
    , m_compare(new QAction(tr("Co&mpare with file…"), window))
{
    m_export->setObjectName(u"actionExportConfiguration"_s);
    m_compare->setObjectName(u"actionCompareWithFile"_s);
    m_export->setStatusTip(tr("Save the servers, tokens and group grants as a YAML file"));
    m_compare->setStatusTip(
        tr("Stage what a configuration file would change, to review and apply it"));
}

void ConfigFileCommands::install(CommandController &commands, QMenu *file)
{
    using Ids = const QStringList &;
    commands.add(m_export, Command::forNothing([this](Ids) { exportConfiguration(); }));
    commands.add(m_compare, Command::forNothing([this](Ids) { compareWithFile(); }));
    // Before the separator above Quit, as a group of their own.
    const QList<QAction *> fileActions = file->actions();
    QAction *before = fileActions.size() >= 2 ? fileActions.at(fileActions.size() - 2) : nullptr;
    file->insertAction(before, m_export);
    file->insertAction(before, m_compare);
    file->insertSeparator(m_export);
}

void ConfigFileCommands::exportConfiguration()
{
    loadAccountSnapshot(*m_workspace->client(), this, [this](const Result<AccountSnapshot> &r) {
        if (!r.ok())
            return m_messages->showMessage(
                MessageBar::Kind::Error,
                tr("Could not read the configuration: %1").arg(r.error().message));
        const QString path = saveSecretFile(m_window, {tr("Export configuration"),
                                                       configFolder() + u"/connect.yaml"_s,
                                                       tr("Configuration files (*.yaml *.yml)"),
                                                       exportAccessConfig(*r),
                                                       {}});
        if (path.isEmpty())
            return;
        rememberFolder(path);
        m_messages->showMessage(MessageBar::Kind::Success,
                                (r->servers.size() == 1
                                     ? tr("Saved the configuration of 1 server to %1.")
                                     : tr("Saved the configuration of %n servers to %1.", nullptr,
                                          int(r->servers.size())))
                                    .arg(QDir::toNativeSeparators(path)));
    });
}

void ConfigFileCommands::compareWithFile(const QString &given)
{
    const QString path =
        given.isEmpty() ? seams::getOpenFileName(m_window, tr("Compare with a configuration file"),
                                                 configFolder(),
                                                 tr("Configuration files (*.yaml *.yml);;"
                                                    "All files (*)"))
                        : given;
    if (path.isEmpty())
        return;
    rememberFolder(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return m_messages->showMessage(
            MessageBar::Kind::Error,
            tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const ConfigParse parsed = parseAccessConfig(file.readAll());
    if (!parsed.errors.isEmpty())
        return openDialog(path)->showErrors(parsed.errors);
    compare(path, parsed.config);
}

void ConfigFileCommands::compare(const QString &path, const AccessConfig &config)
{
    loadAccountSnapshot(
        *m_workspace->client(), this, [this, path, config](const Result<AccountSnapshot> &r) {
            if (!r.ok())
                return m_messages->showMessage(
                    MessageBar::Kind::Error,
                    tr("Could not compare with the account: %1").arg(r.error().message));
            const AccessPlan plan = makeAccessPlan(config, *r);
            if (!plan.ok())
                return openDialog(path)->showErrors(plan.errors);
            const QString name = QFileInfo(path).fileName();
            if (plan.empty()) {
                if (m_dialog)
                    m_dialog->close();
                return m_messages->showMessage(
                    MessageBar::Kind::Success,
                    tr("No differences: the account matches %1.").arg(name));
            }
            // A cell goes to the matrix when the matrix shows it as the service does (else
            // the matrix is older than the comparison and the plan applies it).
            VaultAccessModel *access = m_workspace->access();
            const DividedPlan divided = divideForMatrix(plan, [access](const GrantChange &c) {
                const int row = access->rowOf(c.serverId);
                const int column = access->columnOf(c.vaultId);
                if (access->isFrozen() || row < 0 || column < 0 || !access->isEditable(row, column))
                    return false;
                const CellState state = access->cellState(row, column);
                const bool granted =
                    state == CellState::Granted || state == CellState::StagedRemove;
                return granted != c.granted;
            });
            const int staged = int(divided.staged.size());
            access->stageChanges(tr("Changes from %1").arg(name), divided.staged);
            if (staged > 0)
                m_showStaged();
            if (divided.rest.items.isEmpty()) {
                if (m_dialog)
                    m_dialog->close();
                return m_messages->showMessage(
                    MessageBar::Kind::Success,
                    (staged == 1
                         ? tr("Staged 1 vault access change from %1; review and apply it.")
                         : tr("Staged %n vault access changes from %1; review and apply them.",
                              nullptr, staged))
                        .arg(name));
            }
            openDialog(path)->showPlan(divided.rest, staged);
        });
}

FileChangesDialog *ConfigFileCommands::changesDialog() const
{
    return m_dialog;
}

FileChangesDialog *ConfigFileCommands::openDialog(const QString &path)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new FileChangesDialog(m_workspace, path, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &FileChangesDialog::applied, this, &ConfigFileCommands::handOver);
    connect(m_dialog, &FileChangesDialog::compareAgainRequested, this,
            [this, path] { compareWithFile(path); });
    m_dialog->open();
    return m_dialog;
}

void ConfigFileCommands::handOver(const AppliedPlan &result)
{
    // The secrets exist only now: each credentials file is saved at once, then the tokens.
    for (const CreatedServer &s : result.servers)
        saveCredentials(m_window, {s.server.id, s.server.name}, s.credentials,
                        [this](const QString &id) -> std::optional<QString> {
                            const Server *server = m_workspace->servers()->find(id);
                            return server ? std::optional<QString>(server->name) : std::nullopt;
                        });
    if (!result.tokens.isEmpty()) {
        auto *reveal = new RevealTokenDialog(result.tokens, m_workspace->directory(), m_window);
        reveal->setAttribute(Qt::WA_DeleteOnClose);
        reveal->open();
    }
    m_workspace->refresh();
    m_messages->showMessage(MessageBar::Kind::Success,
                            (result.applied == 1
                                 ? tr("Applied 1 change from the file; the account is at "
                                      "revision %1.")
                                 : tr("Applied %n changes from the file; the account is at "
                                      "revision %1.",
                                      nullptr, result.applied))
                                .arg(result.revision));
}

} // namespace ca
