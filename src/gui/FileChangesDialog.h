// File → Compare with file…, the part the Vault access page can't stage: what a configuration
// file (access as code) would change in servers, tokens and group grants — and the grants a
// new token of the file needs. Each change has a check box; unticking a new server unticks
// what needs it, ticking one of those ticks the server again. Apply sends the ticked changes
// as one plan against the revision the file was compared with: if the account changed
// meanwhile nothing is applied and the dialog offers to compare again. A file with errors
// shows each with its line and column instead; then nothing is staged or applied.
#pragma once

#include "client/AccessPlan.h"
#include "core/Replies.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace ca {

class Workspace;

class FileChangesDialog : public QDialog
{
    Q_OBJECT
public:
    FileChangesDialog(Workspace *workspace, const QString &path, QWidget *parent = nullptr);

    // The file's problems ("access.yaml:12:7: …"); nothing can be applied.
    void showErrors(const QList<ConfigError> &errors);
    // The changes left to apply here; staged: how many went to the Vault access page.
    void showPlan(const AccessPlan &plan, int staged);

    QListWidget *list() const { return m_list; }
    QString summary() const;
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *compareAgainButton() const { return m_compareAgain; }
    // The ticked changes, in the plan's order, at its base revision.
    PlanApplyRequest request() const;
    void apply();

public slots:
    // Not while changes are on their way: what they create (JWTs, credentials) comes back once.
    void reject() override;

signals:
    // The ticked changes were applied; result holds what they created, secrets included.
    void applied(const ca::AppliedPlan &result);
    void compareAgainRequested();

private:
    void itemChanged(QListWidgetItem *item);
    void updateApply();
    void setWorking(bool working);

    Workspace *m_workspace;
    QString m_path;
    AccessPlan m_plan;
    QLabel *m_summary;
    QListWidget *m_list;
    QPushButton *m_apply;
    QPushButton *m_compareAgain;
    QPointer<QObject> m_request; // the apply on its way; gone with the dialog
    bool m_outdated = false;     // refused: the account changed since the comparison
};

} // namespace ca
