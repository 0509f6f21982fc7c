#include "cli/Output.h"

#include "cli/CommandLine.h"
#include "cli/Terminal.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace out {

namespace {
void put(FILE *stream, const QByteArray &utf8)
{
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
    std::fflush(stream);
}
} // namespace

void write(const QByteArray &utf8)
{
    put(stdout, utf8);
}

void line(const QString &text)
{
    put(stdout, text.toUtf8() + '\n');
}

void error(const QString &message)
{
    put(stderr, (programName() + u": "_s + oneLine(message)).toUtf8() + '\n');
}

void warning(const QString &message)
{
    put(stderr, (programName() + u": warning: "_s + oneLine(message)).toUtf8() + '\n');
}

void note(const QString &message)
{
    if (terminal::stderrIsTerminal())
        error(message);
}

void json(const QJsonObject &object)
{
    put(stdout, QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

void json(const QByteArray &object)
{
    put(stdout, object + '\n');
}

void jsonArray(const QList<QByteArray> &objects)
{
    if (objects.isEmpty())
        return put(stdout, "[]\n");
    QByteArray text = "[\n  ";
    text += objects.join(",\n  ");
    text += "\n]\n";
    put(stdout, text);
}

} // namespace out

QString Table::render() const
{
    QList<qsizetype> widths(m_headers.size(), 0);
    auto measure = [&widths](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], cells.at(i).size());
    };
    measure(m_headers);
    for (const QStringList &row : m_rows)
        measure(row);
    auto renderRow = [&widths](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = oneLine(cells.value(i));
            // The last column is not padded: no trailing blanks.
            text += i + 1 == widths.size() ? cell : cell.leftJustified(widths.at(i) + 2);
        }
        return text + u'\n';
    };
    QString text = renderRow(m_headers);
    for (const QStringList &row : m_rows)
        text += renderRow(row);
    return text;
}

QString keyValues(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &r : rows)
        width = std::max(width, r.first.size() + 1);
    QString text;
    for (const auto &r : rows)
        text += QString(r.first + u':').leftJustified(width + 2) + r.second + u'\n';
    return text;
}

QString humanTime(const QDateTime &time, const QString &none)
{
    if (!time.isValid())
        return none;
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

QString oneLine(const QString &text)
{
    static const QRegularExpression breaks(u"\\s*[\\r\\n]+\\s*"_s);
    QString t = text;
    return t.replace(breaks, u" "_s).trimmed();
}

} // namespace ca::cli
