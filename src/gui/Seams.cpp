#include "gui/Seams.h"

#include <QFileDialog>
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
    if (!answers().isEmpty())
        return answers().dequeue();
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.setInformativeText(informative);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace ca::seams
