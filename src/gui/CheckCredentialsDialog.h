// File → Check a credentials file…: opens a 1password-credentials.json, checks it offline
// (and a pasted token against it) with the client's CredentialsCheck, and says which account,
// server and service it belongs to, when it was issued, and — signed in to that service —
// whether the server still exists, is active and uses this very file.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ca {

struct CredentialsReport;
class Workspace;

class CheckCredentialsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CheckCredentialsDialog(Workspace *workspace, QWidget *parent = nullptr);
    ~CheckCredentialsDialog() override;

    void setFile(const QString &path);
    void check();
    bool isChecking() const { return m_checking; }
    QString facts() const;   // what the last check found, one fact a line
    QString verdict() const; // "The file is good." or the problem

private:
    void browse();
    void showReport(const CredentialsReport &report);

    Workspace *m_workspace;
    QLineEdit *m_path;
    QPlainTextEdit *m_token;
    QPushButton *m_check;
    QLabel *m_facts;
    QLabel *m_verdict;
    bool m_checking = false;
};

} // namespace ca
