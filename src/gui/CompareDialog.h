// Activity → Compare…: what changed between two moments, from the audit log — vault access
// cells granted (green, +) and revoked (red, −) as staged edits are shown, servers and
// tokens created and revoked, group grants changed — with an export as CSV.
#pragma once

#include "client/AuditDiff.h"

#include <QDialog>
#include <QPointer>

class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ca {

class Workspace;

class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { Change, What, Where, When, Who, ColumnCount };

    CompareDialog(Workspace *workspace, QWidget *parent = nullptr);

    void setRange(const QDateTime &since, const QDateTime &until);
    void compare();
    // From the sign-in before the current one to now.
    void sinceLastSignIn();
    bool exportCsv(); // asks where (seams); false if cancelled or not written

    QTableWidget *table() const { return m_table; }
    QString summary() const;
    bool isLoading() const { return m_loading; }
    const AuditDiff &diff() const { return m_diff; }
    QString csv() const;

private:
    void showDiff(const AuditDiff &diff);
    void addRow(const DiffEntry &e);
    QString nameOf(const QString &id) const;
    void setLoading(bool loading);

    Workspace *m_workspace;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QPushButton *m_lastSignIn;
    QPushButton *m_compare;
    QPushButton *m_export;
    QLabel *m_summary;
    QTableWidget *m_table;
    AuditDiff m_diff;
    QPointer<QObject> m_request;
    bool m_loading = false;
};

} // namespace ca
