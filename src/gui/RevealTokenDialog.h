// Shows new tokens once, with what each may do; copies one to the clipboard (cleared again
// after a minute if it still holds the token) or saves them to a file only the user can read.
// Several tokens (a rotation) are one list: pick one to see and copy it, or save them all to
// one file. Until every token was copied or saved, closing (Escape, the close button, Close)
// asks first: the service does not keep them.
#pragma once

#include "core/Domain.h"
#include "core/Replies.h"

#include <QSet>

#include <QDialog>
#include <memory>

class QTableWidget;

namespace Ui {
class RevealTokenDialog;
}

namespace ca {

class Directory;

class RevealTokenDialog : public QDialog
{
    Q_OBJECT
public:
    RevealTokenDialog(const QString &jwt, const Token &token, const Directory *directory,
                      QWidget *parent = nullptr);
    RevealTokenDialog(const QList<CreatedToken> &tokens, const Directory *directory,
                      QWidget *parent = nullptr);
    // The new tokens of a rotation.
    RevealTokenDialog(const QList<RotatedToken> &rotated, const Directory *directory,
                      QWidget *parent = nullptr);
    ~RevealTokenDialog() override;
    QString shownToken() const; // the one picked in the list
    int tokenCount() const { return int(m_tokens.size()); }
    void showToken(int index);
    bool isKept() const { return m_kept.size() == m_tokens.size(); } // each copied or saved

public slots:
    void reject() override;

private:
    void saveToFile();
    void copyShown();
    void markKept(const QList<int> &indexes, const QString &how);
    void fillList();
    QString summaryOf(const Token &token) const;

    std::unique_ptr<Ui::RevealTokenDialog> ui;
    const Directory *m_directory;
    QList<CreatedToken> m_tokens;
    QTableWidget *m_list = nullptr; // the list of several tokens; none for one
    int m_shown = 0;
    QSet<int> m_kept; // indexes of the tokens copied or saved
};

} // namespace ca
