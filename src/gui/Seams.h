// Seams for modal questions and file dialogs: tests queue the answers; with an empty queue
// the real dialog is shown. (KeePassXC's MessageBox::setNextAnswer, fileDialog()->setNextFileName.)
#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace ca::seams {

void setNextSaveFileName(const QString &path); // empty string: the user cancelled
QString getSaveFileName(QWidget *parent, const QString &title, const QString &suggestedPath,
                        const QString &filter);
QString lastSuggestedPath(); // what the last save dialog proposed

void setNextAnswer(QMessageBox::StandardButton answer);
QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                const QString &text, QMessageBox::StandardButtons buttons,
                                QMessageBox::StandardButton defaultButton,
                                const QString &informative = {});
int pendingAnswers();
QString lastQuestion(); // the text and informative text of the last question asked

} // namespace ca::seams
