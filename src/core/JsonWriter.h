// A streaming JSON writer: appends compact UTF-8 JSON to a byte array. The wire format's
// encoders are written with it because building QJsonObjects (CBOR-backed, re-sorted on
// every insert) costs tens of times more for the long lists the service sends.
#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QVarLengthArray>

namespace ca::json {

class Writer
{
public:
    explicit Writer(qsizetype reserve = 256) { m_out.reserve(reserve); }

    Writer &beginObject() { return open('{'); }
    Writer &endObject() { return close('}'); }
    Writer &beginArray() { return open('['); }
    Writer &endArray() { return close(']'); }
    Writer &key(QLatin1StringView name);

    Writer &value(const QString &text);
    Writer &value(QLatin1StringView text);
    Writer &value(qint64 number);
    Writer &value(int number) { return value(qint64(number)); }
    Writer &value(bool flag);
    Writer &null();
    Writer &raw(const QByteArray &json); // an already encoded JSON value

    // key(name).value(v) in one call
    template <typename T>
    Writer &field(QLatin1StringView name, const T &v)
    {
        key(name);
        return value(v);
    }

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    Writer &open(char c);
    Writer &close(char c);
    void separate();
    void appendEscaped(const QByteArray &utf8);

    QByteArray m_out;
    QVarLengthArray<bool, 8> m_hasItems; // per open container: written anything yet?
    bool m_afterKey = false;
};

} // namespace ca::json
