#include "gui/Seams.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QPushButton>
#include <QQueue>

namespace ca::seams {

namespace {
QQueue<QString> &fileNames()
{
    static QQueue<QString> queue;
    return queue;
}
QQueue<QMessageBox::StandardButton> &answers()
{
    static QQueue<QMessageBox::StandardButton> queue;
    return queue;
}
QString &suggested()
{
    static QString path;
    return path;
}
QString &question()
{
    static QString text;
    return text;
}
QStringList &buttons()
{
    static QStringList texts;
    return texts;
}

void recordButtons(const QMessageBox &box)
{
    buttons().clear();
    for (const QAbstractButton *b : box.buttons())
        buttons().append(b->text());
}
} // namespace

void setNextSaveFileName(const QString &path)
{
    fileNames().enqueue(path);
}

QString getSaveFileName(QWidget *parent, const QString &title, const QString &suggestedPath,
                        const QString &filter)
{
    suggested() = suggestedPath;
    if (!fileNames().isEmpty())
        return fileNames().dequeue();
    // Overwriting is confirmed by the caller, the same way for the real dialog and the seam.
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter, nullptr,
                                        QFileDialog::DontConfirmOverwrite);
}

QString getOpenFileName(QWidget *parent, const QString &title, const QString &folder,
                        const QString &filter)
{
    suggested() = folder;
    if (!fileNames().isEmpty())
        return fileNames().dequeue();
    return QFileDialog::getOpenFileName(parent, title, folder, filter);
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    answers().enqueue(answer);
}

QString lastSuggestedPath()
{
    return suggested();
}

int pendingAnswers()
{
    return int(answers().size());
}

QString lastQuestion()
{
    return question();
}

QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                const QString &text, QMessageBox::StandardButtons buttons,
                                QMessageBox::StandardButton defaultButton,
                                const QString &informative)
{
    question() = informative.isEmpty() ? text : text + u'\n' + informative;
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.setInformativeText(informative);
    recordButtons(box);
    if (!answers().isEmpty())
        return answers().dequeue();
    return QMessageBox::StandardButton(box.exec());
}

bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &verb,
             const QString &informative)
{
    question() = informative.isEmpty() ? text : text + u'\n' + informative;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box.setInformativeText(informative);
    QPushButton *accept = box.addButton(verb, QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    recordButtons(box);
    if (!answers().isEmpty())
        return answers().dequeue() == QMessageBox::Yes;
    box.exec();
    return box.clickedButton() == accept;
}

QStringList lastButtons()
{
    return buttons();
}

} // namespace ca::seams
