// Help → Handbook: a short manual built into the program (it works offline, matches the
// installed version and is translated with the rest; the full design is in docs/ of the
// source tree).
#pragma once

#include <QDialog>

class QTextBrowser;

namespace ca {

class HandbookDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HandbookDialog(QWidget *parent = nullptr);
    QString text() const; // the page as plain text
    static QString html();

private:
    QTextBrowser *m_browser;
};

} // namespace ca
