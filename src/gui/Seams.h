// Seams for modal questions and file dialogs: tests queue the answers; with an empty queue
// the real dialog is shown. (KeePassXC's MessageBox::setNextAnswer, fileDialog()->setNextFileName.)
#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

class QWidget;

namespace ca::seams {

void setNextSaveFileName(const QString &path); // empty string: the user cancelled
QString getSaveFileName(QWidget *parent, const QString &title, const QString &suggestedPath,
                        const QString &filter);
QString lastSuggestedPath(); // what the last save dialog proposed
// The open dialog takes its answer from the same queue as the save dialog.
QString getOpenFileName(QWidget *parent, const QString &title, const QString &folder,
                        const QString &filter);

void setNextAnswer(QMessageBox::StandardButton answer);
QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                const QString &text, QMessageBox::StandardButtons buttons,
                                QMessageBox::StandardButton defaultButton,
                                const QString &informative = {});
// A destructive step confirmed by a button that names it ("Revoke 3 tokens", "Delete server")
// beside Cancel, Cancel the default. True when the user chose the verb (a queued Yes).
bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &verb,
             const QString &informative = {});
QStringList lastButtons(); // the button texts of the last question asked
int pendingAnswers();
QString lastQuestion(); // the text and informative text of the last question asked

} // namespace ca::seams
