// What connect-admin-cli prints: aligned tables and key/value blocks for people, the service's
// JSON objects for programs, and one-line errors on standard error.
#pragma once

#include "core/JsonCodec.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ca::cli {

enum class Format { Human, Json };

namespace out {

// Standard output, written at once (so that output and errors interleave in order).
void write(const QByteArray &utf8);
void line(const QString &text);
// Standard error: "connect-admin-cli: <message>" on one line; newlines in the message (a
// service's sentence may hold one) become spaces.
void error(const QString &message);
void warning(const QString &message);
// A note for the person at the terminal, on standard error: "connect-admin-cli: <message>".
// Only when standard error is a terminal, so that scripts see nothing there on success.
void note(const QString &message);

// A JSON object on one line; a list as a JSON array with one object per line.
void json(const QJsonObject &object);
void json(const QByteArray &object);
void jsonArray(const QList<QByteArray> &objects);

} // namespace out

// An object in its wire form (the one definition in core/JsonCodec), as the service sends it.
template <typename... T>
QByteArray wire(const T &...object)
{
    json::Writer w;
    json::write(w, object...);
    return w.take();
}

// Columns padded to their widest cell, two spaces apart; the header row in capitals.
class Table
{
public:
    explicit Table(QStringList headers)
        : m_headers(std::move(headers))
    {}
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    QString render() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// "Label:  value" lines with the values aligned.
QString keyValues(const QList<std::pair<QString, QString>> &rows);

// A time for people: "2026-01-05 10:31:02 UTC", or `none` when the time is invalid.
QString humanTime(const QDateTime &time, const QString &none = QStringLiteral("-"));

// Collapses a sentence onto one line.
QString oneLine(const QString &text);

} // namespace ca::cli
