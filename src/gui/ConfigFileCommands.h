// File → Export configuration… and File → Compare with file… (access as code, as the CLI's
// connect export and connect plan/apply). Export saves the account's Connect configuration
// as YAML through a save dialog. Compare reads such a file, compares it with the account,
// stages the vault access changes on the Vault access page (one undo step; reviewed and
// applied there as any edit) and lists the rest — servers, tokens, group grants — in the
// FileChangesDialog to apply. What applying creates is handed over as a new server or token
// always is: each credentials file through its save dialog, the JWTs in the reveal dialog.
#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace ca {

struct AccessConfig;
struct AppliedPlan;
class CommandController;
class FileChangesDialog;
class MessageBar;
class Workspace;

class ConfigFileCommands : public QObject
{
    Q_OBJECT
public:
    // showStaged: brings the Vault access page with its review panel to the front.
    ConfigFileCommands(Workspace *workspace, QWidget *window, MessageBar *messages,
                       std::function<void()> showStaged);

    void install(CommandController &commands, QMenu *file);

    void exportConfiguration();
    // Asks for the file (seams), then compares it; with a path, compares that file.
    void compareWithFile(const QString &path = {});
    // The dialog of the last comparison while it is open.
    FileChangesDialog *changesDialog() const;

private:
    void compare(const QString &path, const AccessConfig &config);
    void handOver(const AppliedPlan &result);
    FileChangesDialog *openDialog(const QString &path);

    Workspace *m_workspace;
    QWidget *m_window;
    MessageBar *m_messages;
    std::function<void()> m_showStaged;
    QAction *m_export;
    QAction *m_compare;
    QPointer<FileChangesDialog> m_dialog;
};

} // namespace ca
