#include "core/JsonWriter.h"

namespace ca::json {

void Writer::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasItems.isEmpty()) {
        if (m_hasItems.back())
            m_out.append(',');
        m_hasItems.back() = true;
    }
}

Writer &Writer::open(char c)
{
    separate();
    m_out.append(c);
    m_hasItems.append(false);
    return *this;
}

Writer &Writer::close(char c)
{
    m_out.append(c);
    m_hasItems.removeLast();
    return *this;
}

Writer &Writer::key(QLatin1StringView name)
{
    separate();
    m_out.append('"');
    m_out.append(name.data(), name.size()); // keys are plain ASCII literals
    m_out.append("\":", 2);
    m_afterKey = true;
    return *this;
}

void Writer::appendEscaped(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p;
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"", 2);
            break;
        case '\\':
            m_out.append("\\\\", 2);
            break;
        case '\n':
            m_out.append("\\n", 2);
            break;
        case '\r':
            m_out.append("\\r", 2);
            break;
        case '\t':
            m_out.append("\\t", 2);
            break;
        case '\b':
            m_out.append("\\b", 2);
            break;
        case '\f':
            m_out.append("\\f", 2);
            break;
        default: {
            const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            m_out.append(u, 6);
        }
        }
    }
    m_out.append(run, end - run);
    m_out.append('"');
}

Writer &Writer::value(const QString &text)
{
    separate();
    appendEscaped(text.toUtf8());
    return *this;
}

Writer &Writer::value(QLatin1StringView text)
{
    separate();
    appendEscaped(QString(text).toUtf8());
    return *this;
}

Writer &Writer::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

Writer &Writer::value(bool flag)
{
    separate();
    m_out.append(flag ? QByteArrayView("true") : QByteArrayView("false"));
    return *this;
}

Writer &Writer::null()
{
    separate();
    m_out.append("null", 4);
    return *this;
}

Writer &Writer::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

} // namespace ca::json
