#include "HttpAnswers.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ca::fuzz {

namespace {

// The value of a header in an answer head (lower-cased), or a null array.
QByteArray headerValue(const QByteArray &lowerHead, const QByteArray &name)
{
    const QByteArray key = "\r\n" + name + ": ";
    const qsizetype at = lowerHead.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype start = at + key.size();
    const qsizetype end = lowerHead.indexOf("\r\n", start);
    return lowerHead.mid(start, end < 0 ? -1 : end - start);
}

} // namespace

HttpAnswers parseAnswers(const QByteArray &bytes, const QList<bool> &headOnly)
{
    HttpAnswers out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", pos);
        if (!QByteArrayView(bytes).sliced(pos).startsWith("HTTP/1.1 ") || end < 0) {
            out.error = "not an answer head at byte " + QByteArray::number(pos);
            return out;
        }
        const QByteArray head = bytes.mid(pos, end + 2 - pos).toLower();
        HttpAnswer answer;
        bool ok = false;
        answer.status = head.mid(9, 3).toInt(&ok);
        if (!ok || answer.status < 100 || answer.status > 599) {
            out.error = "a status that is not a number at byte " + QByteArray::number(pos);
            return out;
        }
        pos = end + 4;
        if (answer.status == 100)
            continue;
        const QByteArray connection = headerValue(head, "connection");
        if (connection != "close" && connection != "keep-alive") {
            out.error = "an answer without Connection: keep-alive or close";
            return out;
        }
        answer.close = connection == "close";
        const QByteArray length = headerValue(head, "content-length");
        const qsizetype size = length.isNull() ? 0 : length.toLongLong(&ok);
        if ((!length.isNull() && !ok) || (answer.status != 204 && length.isNull())) {
            out.error = "an answer without a valid Content-Length";
            return out;
        }
        const qsizetype k = out.answers.size();
        const bool noBody = answer.status == 204 || (k < headOnly.size() && headOnly.at(k));
        if (!noBody) {
            if (bytes.size() - pos < size) {
                out.error = "an answer's body is cut short";
                return out;
            }
            answer.body = bytes.mid(pos, size);
            pos += size;
            if (answer.status >= 400)
                answer.code = QJsonDocument::fromJson(answer.body)
                                  .object()
                                  .value(QLatin1StringView("code"))
                                  .toString()
                                  .toUtf8();
        }
        out.answers.append(answer);
    }
    return out;
}

} // namespace ca::fuzz
