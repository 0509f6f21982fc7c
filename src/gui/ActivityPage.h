// The Activity page: the account's audit log, newest first, paged from the service as the
// table scrolls; filters by actor, action, object, time range and free text (all applied by
// the service); the hash chain's state in a status line; export of what the filter shows;
// and the ways on from here: who can reach a vault, and what changed between two dates.
#pragma once

#include "client/ApiClient.h"
#include "gui/AuditExport.h"
#include "gui/PageWidget.h"
#include "models/AuditModel.h"

#include <QTimer>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ca {

class ActivityPage : public PageWidget
{
    Q_OBJECT
public:
    enum Range { AnyTime, Today, Last7Days, Last30Days, Custom };

    explicit ActivityPage(Workspace *workspace, QWidget *parent = nullptr);

    void addCommands(CommandController &commands, const PageActions &actions) override;
    QStringList selectedIds() const override;

    // Shows the events concerning one object: an ID, or kind:name (server:Prod).
    void showObject(const QString &object);
    // The filter as the service is asked for it.
    AuditListQuery query() const;
    void setRange(Range range);
    // Asks where, then writes every event the filter matches (CSV or JSON by the file's
    // extension) behind a progress dialog with Cancel.
    void exportEvents();
    // Reloads the events and verifies the chain again (also on F5 while the page shows).
    void reload();

    QTableView *table() const override { return m_table; }
    AuditModel *model() { return &m_model; }
    QString chainText() const;
    AuditExport *runningExport() const { return m_export; }

signals:
    // Compare… on this page: the window opens the comparison.
    void compareRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildFilters();
    void fillChoices();
    void applyFilter();
    void verifyChain();
    void updateRangeEdits();
    void focusFilter();

    AuditModel m_model;
    QTableView *m_table;
    QComboBox *m_actor;
    QComboBox *m_action;
    QComboBox *m_object;
    QComboBox *m_range;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QLineEdit *m_text;
    QLabel *m_chain;
    QLabel *m_count;
    QPushButton *m_exportButton;
    QPushButton *m_compareButton;
    QTimer m_typing;     // free text and object names apply when typing pauses
    bool m_stale = true; // reload when shown next
    QPointer<AuditExport> m_export;
    QPointer<QObject> m_verifying;
    qint64 m_chainCount = 0;
};

} // namespace ca
