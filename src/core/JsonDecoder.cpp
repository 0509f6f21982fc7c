#include "core/JsonDecoder.h"

#include "core/Ids.h"

#include <QJsonArray>
#include <QVarLengthArray>

#include <simdjson.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>

using namespace Qt::StringLiterals;

namespace ca::json {

namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

// ---- text and numbers

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A token as it stood in the JSON text, shortened for a message.
QString quotedToken(std::string_view raw)
{
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    QString text = fromUtf8(raw.substr(0, 40));
    if (raw.size() > 40)
        text += u'…';
    return text;
}

// simdjson refuses a \ud800-\udfff escape that is not half of a pair with STRING_ERROR, as it
// does a bad escape; a message should tell the two apart.
bool hasSurrogateEscape(std::string_view raw)
{
    for (size_t i = 0; i + 5 < raw.size(); ++i) {
        if (raw[i] == '\\' && raw[i + 1] == 'u' && (raw[i + 2] == 'd' || raw[i + 2] == 'D')) {
            const char c = raw[i + 3];
            if ((c >= '8' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                return true;
        }
        if (raw[i] == '\\')
            ++i; // skip the escaped character ("\\u…" is no escape)
    }
    return false;
}

#ifndef __SSE2__
// Each byte of an ID in canonical (lower-case) form, 0 for bytes no ID has.
constexpr std::array<char16_t, 256> kIdChars = [] {
    std::array<char16_t, 256> table{};
    for (char16_t c = 'a'; c <= 'z'; ++c)
        table[c] = c;
    for (char16_t c = 'A'; c <= 'Z'; ++c)
        table[c] = char16_t(c + ('a' - 'A'));
    for (char16_t c = '2'; c <= '7'; ++c)
        table[c] = c;
    return table;
}();
#else
// Sixteen bytes of an ID to canonical UTF-16 at out; false when one is not [a-zA-Z2-7].
bool idChars16(const char *in, char16_t *out)
{
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in));
    auto between = [&v](char low, char high) { // signed: bytes >= 0x80 are in no range
        return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(char(low - 1))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(char(high + 1))));
    };
    const __m128i upper = between('A', 'Z');
    const __m128i valid = _mm_or_si128(_mm_or_si128(upper, between('a', 'z')), between('2', '7'));
    const __m128i canonical = _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    const __m128i zero = _mm_setzero_si128();
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out), _mm_unpacklo_epi8(canonical, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + 8), _mm_unpackhi_epi8(canonical, zero));
    return _mm_movemask_epi8(valid) == 0xffff;
}
#endif

// The canonical ID, or an empty string when text is not one. IDs are the hottest field of
// every list (four per token): sixteen bytes at a time where SSE2 is there (every x86-64),
// else a table lookup per byte, without branches to mispredict.
QString idFrom(std::string_view text)
{
    constexpr size_t kIdLength = 26;
    if (text.size() != kIdLength)
        return {};
    QString id(qsizetype(kIdLength), Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(id.data());
#ifdef __SSE2__
    // Bytes 0-15 and 10-25; the overlap is written twice, the same.
    const bool valid = idChars16(text.data(), out) && idChars16(text.data() + 10, out + 10);
#else
    bool valid = true;
    for (size_t i = 0; i < kIdLength; ++i) {
        const char16_t c = kIdChars[static_cast<unsigned char>(text[i])];
        out[i] = c;
        valid &= c != 0;
    }
#endif
    return valid ? id : QString();
}

int digits(std::string_view s, size_t at, size_t count)
{
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

// "2026-11-27T20:56:08.123Z" (what the service writes) without QDateTime::fromString, which
// costs microseconds per call; anything else ISO 8601 goes the slow way.
QDateTime isoTime(std::string_view s)
{
    if ((s.size() == 24 && s[19] == '.' && s[23] == 'Z') || (s.size() == 20 && s[19] == 'Z')) {
        const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        const int milli = s.size() == 24 ? digits(s, 20, 3) : 0;
        static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
            year >= 0 && month >= 1 && month <= 12 && day >= 1 &&
            day <= (month == 2 && !leap ? 28 : kDays[month - 1]) && hour >= 0 && hour < 24 &&
            minute >= 0 && minute < 60 && second >= 0 && second < 60 && milli >= 0) {
            // Days since 1970-01-01 from the civil date (Howard Hinnant's algorithm).
            const qint64 y = month <= 2 ? year - 1 : year;
            const qint64 era = y / 400;
            const qint64 yoe = y - era * 400;
            const qint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            const qint64 days = era * 146097 + doe - 719468;
            const qint64 ms =
                ((days * 24 + hour) * 60 + minute) * 60000 + qint64(second) * 1000 + milli;
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        }
    }
    const QString text = fromUtf8(s);
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString typeName(od::json_type type)
{
    switch (type) {
    case od::json_type::string:
        return u"a string"_s;
    case od::json_type::number:
        return u"a number"_s;
    case od::json_type::boolean:
        return u"true or false"_s;
    case od::json_type::array:
        return u"a list"_s;
    case od::json_type::object:
        return u"an object"_s;
    case od::json_type::null:
        break;
    }
    return u"null"_s;
}

// What is wrong with a text that is not JSON, in words; simdjson's own messages speak of
// tapes and elements.
QString describe(error_code e)
{
    switch (e) {
    case simdjson::UTF8_ERROR:
        return u"it is not UTF-8 text"_s;
    case simdjson::EMPTY:
        return u"it is empty"_s;
    case simdjson::DEPTH_ERROR:
        return u"it is nested too deeply"_s;
    case simdjson::STRING_ERROR:
        return u"a string has an escape JSON does not know"_s;
    case simdjson::UNESCAPED_CHARS:
        return u"a string holds a control character that must be escaped"_s;
    case simdjson::UNCLOSED_STRING:
        return u"a string is not closed"_s;
    case simdjson::NUMBER_ERROR:
        return u"a number is malformed"_s;
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
    case simdjson::INCORRECT_TYPE:
        return u"it holds a word other than true, false or null"_s;
    case simdjson::TAPE_ERROR:
        return u"commas, colons, brackets or braces are missing or out of place"_s;
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return u"an object or list is not closed, or closed twice"_s;
    case simdjson::TRAILING_CONTENT:
        return u"something follows the end of the object"_s;
    default:
        break;
    }
    QString message = QString::fromUtf8(simdjson::error_message(e));
    if (message.endsWith(u'.'))
        message.chop(1);
    return message;
}

// ---- one decode

enum class Mode { Reply, Request };

// What one decode knows beyond the value at hand: how strict it is, where the text starts
// (for byte offsets) and where its first problem goes. Builds the messages of both modes.
class Decoding
{
public:
    Decoding(Mode mode, const char *text, DecodeError *error)
        : m_mode(mode)
        , m_text(text)
        , m_error(error)
    {}

    bool strict() const { return m_mode == Mode::Request; }

    // How deep toJson() is inside free-form JSON: deeper than any real request or answer
    // is refused, rather than followed down the stack (found by fuzz_json).
    static constexpr int kMaxFreeFormDepth = 64;
    int freeFormDepth = 0;

    bool fail(const QString &message, const QString &code)
    {
        if (m_error)
            *m_error = {message, code};
        return false;
    }

    bool notJson(error_code e, const char *at = nullptr)
    {
        const QString problem = describe(e);
        const QString where = at ? u" (near byte %1)"_s.arg(at - m_text) : QString();
        return fail(strict() ? u"The body is not valid JSON%1: %2."_s.arg(where, problem)
                             : u"it is not valid JSON%1: %2"_s.arg(where, problem),
                    u"invalid_json"_s);
    }

    bool notObject()
    {
        return fail(strict() ? u"The body must be a JSON object."_s : u"it is not a JSON object"_s,
                    u"invalid_json"_s);
    }

    // A reply's field: "token field "expires_at" is not an ISO 8601 time".
    // A request's: a sentence of its own.
    bool field(const char *what, std::string_view name, const QString &problem,
               const QString &requestSentence, const QString &code)
    {
        if (strict())
            return fail(requestSentence, code);
        return fail(u"%1 field \"%2\" %3"_s.arg(QLatin1StringView(what), fromUtf8(name), problem),
                    u"malformed"_s);
    }

    bool missing(const char *what, std::string_view name)
    {
        return field(what, name, u"is missing"_s,
                     u"The request body is missing the field \"%1\"."_s.arg(fromUtf8(name)),
                     u"missing_field"_s);
    }

    template <typename Fields>
    bool unknown(std::string_view key, const Fields &fields)
    {
        QStringList allowed;
        for (const auto &f : fields)
            allowed.append(fromUtf8(f.name));
        return fail(u"The request body has an unknown field \"%1\"; allowed: %2."_s.arg(
                        quotedToken(key), allowed.join(u", "_s)),
                    u"unknown_field"_s);
    }

    bool duplicate(std::string_view name)
    {
        return fail(u"The request body has the field \"%1\" more than once."_s.arg(fromUtf8(name)),
                    u"invalid_json"_s);
    }

private:
    Mode m_mode;
    const char *m_text;
    DecodeError *m_error;
};

template <typename T>
struct Spec; // per type: what, fields[] and optionally finish(); below

// The wire names of an enumeration, from its one definition (accessName, ...), as UTF-8 so
// that a name is matched in the JSON text without making a QString of it first.
template <typename E>
class WireNames
{
public:
    WireNames(std::initializer_list<E> values, QString (*nameOf)(E))
    {
        for (E value : values)
            m_names.append({nameOf(value).toStdString(), value});
    }

    const E *find(std::string_view text) const
    {
        for (const auto &[name, value] : m_names) {
            if (name == text)
                return &value;
        }
        return nullptr;
    }

    // "read, write or read_write"
    QString list() const
    {
        QString text;
        for (qsizetype i = 0; i < m_names.size(); ++i) {
            if (i > 0)
                text += i + 1 == m_names.size() ? u" or "_s : u", "_s;
            text += QString::fromStdString(m_names.at(i).first);
        }
        return text;
    }

private:
    QVarLengthArray<std::pair<std::string, E>, 4> m_names;
};

const WireNames<Access> &accessNames()
{
    static const WireNames<Access> names({Access::Read, Access::Write, Access::ReadWrite},
                                         &accessName);
    return names;
}

const WireNames<VaultType> &vaultTypeNames()
{
    static const WireNames<VaultType> names(
        {VaultType::UserCreated, VaultType::Personal, VaultType::Everyone, VaultType::Transfer},
        &vaultTypeName);
    return names;
}

const WireNames<TokenState> &tokenStateNames()
{
    static const WireNames<TokenState> names(
        {TokenState::Active, TokenState::Revoked, TokenState::Expired}, &tokenStateName);
    return names;
}

const WireNames<GroupGrantKind> &groupGrantKindNames()
{
    static const WireNames<GroupGrantKind> names(
        {GroupGrantKind::Manager, GroupGrantKind::Server, GroupGrantKind::AllServers},
        &groupGrantKindName);
    return names;
}

const WireNames<PlanOp> &planOpNames()
{
    static const WireNames<PlanOp> names(
        {PlanOp::ServerCreate, PlanOp::ServerRename, PlanOp::ServerDelete, PlanOp::VaultGrant,
         PlanOp::VaultRevoke, PlanOp::TokenCreate, PlanOp::TokenRename, PlanOp::TokenRevoke,
         PlanOp::GroupGrant, PlanOp::GroupRevoke},
        &planOpName);
    return names;
}

// One member of an object being read: its value, with what a message about it needs.
class Field
{
public:
    Field(od::value value, Decoding &d, const char *what, std::string_view name)
        : m_value(value)
        , m_d(d)
        , m_what(what)
        , m_name(name)
    {}

    // Looks whether the value is null, without reading it.
    bool isNull()
    {
        od::json_type type;
        return !m_value.type().get(type) && type == od::json_type::null;
    }

    // Reads a null: "nul" is broken JSON, not null.
    bool null()
    {
        bool isNull = false;
        const error_code e = m_value.is_null().get(isNull);
        return (!e && isNull) || m_d.notJson(e ? e : simdjson::N_ATOM_ERROR);
    }

    bool string(QString &out)
    {
        std::string_view text;
        if (!utf8(m_value, text))
            return false;
        out = fromUtf8(text);
        return true;
    }

    bool optionalString(std::optional<QString> &out)
    {
        QString text;
        if (!string(text))
            return false;
        out = text;
        return true;
    }

    bool id(QString &out)
    {
        std::string_view text;
        if (!utf8(m_value, text))
            return false;
        if (text.empty()) { // an empty optional ID is no ID
            out.clear();
            return true;
        }
        out = idFrom(text);
        return !out.isEmpty() || invalid(u"is not a valid ID"_s);
    }

    bool time(QDateTime &out)
    {
        std::string_view text;
        if (!utf8(m_value, text))
            return false;
        out = isoTime(text);
        return out.isValid() || invalid(u"is not an ISO 8601 time"_s);
    }

    // A time in a request: ISO 8601 with its zone ("Z" or an offset). Without one the time
    // would mean whatever zone the service happens to run in.
    bool zonedTime(QDateTime &out)
    {
        std::string_view text;
        if (!utf8(m_value, text))
            return false;
        const size_t t = text.find('T');
        const bool zoned =
            t != std::string_view::npos &&
            (text.back() == 'Z' || text.find_first_of("+-", t) != std::string_view::npos);
        out = zoned ? isoTime(text) : QDateTime();
        return out.isValid() || invalid(u"is not an ISO 8601 time with its zone, such as "
                                        "2026-12-01T09:00:00Z"_s);
    }

    bool boolean(bool &out)
    {
        const error_code e = m_value.get_bool().get(out);
        return !e || wrongType(m_value, od::json_type::boolean, "true or false");
    }

    // A whole number that fits 64 bits; a fraction, an exponent or a larger number is refused
    // (never cast from a double: that is undefined behaviour for 1e300).
    bool integer(qint64 &out)
    {
        int64_t value = 0;
        if (const error_code e = m_value.get_int64().get(value)) {
            od::json_type type;
            if (m_value.type().get(type) || type != od::json_type::number)
                return wrongType(m_value, od::json_type::number, "a whole number");
            const std::string_view raw = m_value.raw_json_token();
            if (e != simdjson::INCORRECT_TYPE && e != simdjson::NUMBER_OUT_OF_RANGE)
                return m_d.notJson(e, raw.data());
            return m_d.field(m_what, m_name, u"is not a whole number"_s,
                             u"In the request body, \"%1\" must be a whole number from "
                             "-9223372036854775808 to 9223372036854775807, not %2."_s.arg(
                                 fromUtf8(m_name), quotedToken(raw)),
                             u"wrong_type"_s);
        }
        out = value;
        return true;
    }

    bool integer(int &out)
    {
        qint64 value = 0;
        if (!integer(value))
            return false;
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
            return invalid(u"is out of range"_s);
        out = int(value);
        return true;
    }

    // Names (strings) in a list.
    bool strings(QStringList &out)
    {
        out.clear();
        return elements([this, &out] {
            std::string_view text;
            if (!utf8(m_element, text, true))
                return false;
            out.append(fromUtf8(text));
            return true;
        });
    }

    // IDs in a list, canonical.
    bool ids(QStringList &out)
    {
        out.clear();
        return elements([this, &out] {
            std::string_view text;
            if (!utf8(m_element, text, true))
                return false;
            const QString id = idFrom(text);
            if (id.isEmpty())
                return invalid(u"holds something that is not an ID"_s);
            out.append(id);
            return true;
        });
    }

    template <typename T>
    bool object(T &out)
    {
        od::object o;
        if (m_value.get_object().get(o))
            return wrongType(m_value, od::json_type::object, "an object");
        return readObject(o, out, m_d);
    }

    // Objects in a list, at most max of them.
    template <typename T>
    bool objects(QList<T> &out, int max = std::numeric_limits<int>::max())
    {
        out.clear();
        return elements([this, &out, max] {
            if (out.size() == max)
                return m_d.fail(u"In the request body, \"%1\" holds more than %2 entries."_s
                                    .arg(fromUtf8(m_name))
                                    .arg(max),
                                u"too_many_changes"_s);
            od::object o;
            if (m_element.get_object().get(o))
                return wrongType(m_element, od::json_type::object, "an object", true);
            T item;
            if (!readObject(o, item, m_d))
                return false;
            out.append(std::move(item));
            return true;
        });
    }

    // Any JSON object, for what the wire format does not look into (credentials, details).
    bool json(QJsonObject &out)
    {
        od::json_type type;
        if (m_value.type().get(type) || type != od::json_type::object)
            return wrongType(m_value, od::json_type::object, "an object");
        QJsonValue value;
        if (!toJson(m_value, value, m_d))
            return false;
        out = value.toObject();
        return true;
    }

    // An enumeration by its wire name.
    template <typename E>
    bool name(E &out, const WireNames<E> &names)
    {
        std::string_view text;
        if (!utf8(m_value, text))
            return false;
        if (const E *value = names.find(text)) {
            out = *value;
            return true;
        }
        const QString list = names.list();
        return m_d.field(m_what, m_name, u"is not "_s + list,
                         u"In the request body, \"%1\" must be %2."_s.arg(fromUtf8(m_name), list),
                         u"invalid_field"_s);
    }

    // A value of the right JSON type that is wrong all the same.
    bool invalid(const QString &problem, const QString &code = u"invalid_field"_s)
    {
        return m_d.field(m_what, m_name, problem,
                         u"In the request body, \"%1\" %2."_s.arg(fromUtf8(m_name), problem), code);
    }

    static bool toJson(od::value value, QJsonValue &out, Decoding &d);
    static bool toJsonValue(od::value value, QJsonValue &out, Decoding &d);

private:
    template <typename Each>
    bool elements(Each each)
    {
        od::array array;
        if (m_value.get_array().get(array))
            return wrongType(m_value, od::json_type::array, "a list");
        for (auto element : array) {
            // NOLINTNEXTLINE(performance-move-const-arg): simdjson_result::get() is &&-qualified
            if (auto e = std::move(element).get(m_element))
                return m_d.notJson(e);
            if (!each())
                return false;
        }
        return true;
    }

    // The text of a string value, as UTF-8 (simdjson has checked it is).
    bool utf8(od::value &value, std::string_view &out, bool entry = false)
    {
        // Requests say which of the two a string error is; replies need not.
        const std::string_view raw = m_d.strict() ? value.raw_json_token() : std::string_view();
        const error_code e = value.get_string().get(out);
        // (PostgreSQL can't hold a NUL in text, and no field here has a use for one.)
        if (!e && m_d.strict() && out.find('\0') != std::string_view::npos)
            return m_d.field(m_what, m_name, u"holds a NUL character"_s,
                             u"In the request body, \"%1\" holds a NUL character (\\u0000), "
                             "which no text here may contain."_s.arg(fromUtf8(m_name)),
                             u"invalid_text"_s);
        if (!e)
            return true;
        if (e == simdjson::INCORRECT_TYPE) // nothing consumed: the value can still be looked at
            return wrongType(value, od::json_type::string, "a string", entry);
        if (e == simdjson::STRING_ERROR && (!m_d.strict() || hasSurrogateEscape(raw)))
            return m_d.field(m_what, m_name, u"is not valid text"_s,
                             u"In the request body, \"%1\" is not valid text: it has a "
                             "\\u escape of half a surrogate pair (\\ud800 to \\udfff) "
                             "without its other half."_s.arg(fromUtf8(m_name)),
                             u"invalid_text"_s);
        return m_d.notJson(e, raw.empty() ? nullptr : raw.data());
    }

    // A getter found something else than it wants; says what, unless that something is not
    // JSON at all (the type of a value is known from its first character: "tru" is broken
    // JSON, not a boolean of the wrong type).
    bool wrongType(od::value &value, od::json_type wanted, const char *expected, bool entry = false)
    {
        od::json_type type;
        if (auto e = value.type().get(type))
            return m_d.notJson(e);
        if (type == wanted)
            return m_d.notJson(simdjson::N_ATOM_ERROR);
        if (m_d.strict() && !isWellFormed(value, type))
            return false;
        const QString name = fromUtf8(m_name), want = QString::fromLatin1(expected);
        if (entry)
            return m_d.field(
                m_what, m_name, u"holds something that is not %1"_s.arg(want),
                u"In the request body, every entry of \"%1\" must be %2, not %3."_s.arg(
                    name, want, typeName(type)),
                u"wrong_type"_s);
        return m_d.field(
            m_what, m_name, u"is not %1"_s.arg(want),
            u"In the request body, \"%1\" must be %2, not %3."_s.arg(name, want, typeName(type)),
            u"wrong_type"_s);
    }

    bool isWellFormed(od::value &value, od::json_type type)
    {
        error_code e = simdjson::SUCCESS;
        switch (type) {
        case od::json_type::boolean: {
            bool b = false;
            e = value.get_bool().get(b) ? simdjson::T_ATOM_ERROR : simdjson::SUCCESS;
            break;
        }
        case od::json_type::number: {
            double n = 0;
            e = value.get_double().get(n) ? simdjson::NUMBER_ERROR : simdjson::SUCCESS;
            break;
        }
        case od::json_type::null: {
            bool null = false;
            e = value.is_null().get(null);
            if (!e && !null)
                e = simdjson::N_ATOM_ERROR;
            break;
        }
        case od::json_type::string: {
            std::string_view text;
            return utf8(value, text);
        }
        case od::json_type::array:
        case od::json_type::object:
            break;
        }
        return !e || m_d.notJson(e);
    }

    od::value m_value;
    od::value m_element; // the current entry while reading a list
    Decoding &m_d;
    const char *m_what;
    std::string_view m_name;
};

// ---- objects by their field tables

enum Flags : unsigned { Optional = 0, Required = 1, Nullable = 2 };

template <typename T>
struct FieldSpec
{
    std::string_view name;
    unsigned flags;
    bool (*read)(Field &, T &);
};

constexpr size_t kFailed = size_t(-1);

// Whether the raw key (without its opening quote) is name; the names of the wire format have
// nothing to escape, so most keys are matched where they stand in the JSON text.
bool isKey(const char *raw, std::string_view name)
{
    if (raw[name.size()] != '"') // the text is padded: reading past a shorter key is safe
        return false;
    for (size_t i = 0; i < name.size(); ++i) {
        if (raw[i] != name[i])
            return false;
    }
    return true;
}

// The index of f's field in T's table; the table's size for an unknown one (whose name is
// then in *unknown), kFailed when the key is not valid text.
template <typename T>
size_t findField(od::field &f, size_t next, Decoding &d, std::string_view *unknown)
{
    const auto &fields = Spec<T>::fields;
    constexpr size_t count = std::size(Spec<T>::fields);
    const char *raw = f.key().raw();
    if (next < count && isKey(raw, fields[next].name)) // fields mostly come in writing order
        return next;
    for (size_t i = 0; i < count; ++i) {
        if (isKey(raw, fields[i].name))
            return i;
    }
    // "n\u0061me" is "name" too.
    if (auto e = f.unescaped_key().get(*unknown)) {
        d.notJson(e);
        return kFailed;
    }
    for (size_t i = 0; i < count; ++i) {
        if (fields[i].name == *unknown)
            return i;
    }
    return count;
}

template <typename T>
bool readObject(od::object &object, T &out, Decoding &d)
{
    using S = Spec<T>;
    constexpr size_t count = std::size(S::fields);
    static_assert(count <= 32);
    quint32 seen = 0;
    size_t next = 0;
    for (auto member : object) {
        od::field f;
        if (auto e = std::move(member).get(f))
            return d.notJson(e);
        std::string_view key;
        const size_t i = findField<T>(f, next, d, &key);
        if (i == kFailed)
            return false;
        if (i == count) {
            if (d.strict())
                return d.unknown(key, S::fields);
            continue; // simdjson skips the value
        }
        next = i + 1;
        const FieldSpec<T> &spec = S::fields[i];
        Field field(f.value(), d, S::what, spec.name);
        if (field.isNull()) { // absent, where null is allowed (replies: everywhere)
            if (!d.strict())
                continue;
            if (!(spec.flags & Nullable))
                return spec.read(field, out); // fails, naming the type it wants
            if (!field.null())
                return false;
            continue;
        }
        if (d.strict() && (seen & (1u << i)))
            return d.duplicate(spec.name);
        seen |= 1u << i;
        if (!spec.read(field, out))
            return false;
    }
    for (size_t i = 0; i < count; ++i) {
        if ((S::fields[i].flags & Required) && !(seen & (1u << i)))
            return d.missing(S::what, S::fields[i].name);
    }
    if constexpr (requires { S::finish(out, d); })
        return S::finish(out, d);
    return true;
}

bool Field::toJson(od::value value, QJsonValue &out, Decoding &d)
{
    if (d.freeFormDepth >= Decoding::kMaxFreeFormDepth)
        return d.notJson(simdjson::DEPTH_ERROR);
    ++d.freeFormDepth;
    const bool ok = toJsonValue(value, out, d);
    --d.freeFormDepth;
    return ok;
}

bool Field::toJsonValue(od::value value, QJsonValue &out, Decoding &d)
{
    od::json_type type;
    if (auto e = value.type().get(type))
        return d.notJson(e);
    error_code e = simdjson::SUCCESS;
    switch (type) {
    case od::json_type::object: {
        od::object o;
        QJsonObject object;
        if ((e = value.get_object().get(o)))
            break;
        for (auto member : o) {
            od::field f;
            std::string_view key;
            QJsonValue child;
            if ((e = std::move(member).get(f)) || (e = f.unescaped_key().get(key)))
                break;
            if (!toJson(f.value(), child, d))
                return false;
            object.insert(fromUtf8(key), child);
        }
        out = object;
        break;
    }
    case od::json_type::array: {
        od::array a;
        QJsonArray array;
        if ((e = value.get_array().get(a)))
            break;
        for (auto element : a) {
            od::value v;
            QJsonValue child;
            // NOLINTNEXTLINE(performance-move-const-arg): simdjson_result::get() is &&-qualified
            if ((e = std::move(element).get(v)))
                break;
            if (!toJson(v, child, d))
                return false;
            array.append(child);
        }
        out = array;
        break;
    }
    case od::json_type::number: {
        od::number n;
        if (!(e = value.get_number().get(n)))
            out = n.is_int64() ? QJsonValue(qint64(n.get_int64())) : QJsonValue(n.as_double());
        break;
    }
    case od::json_type::string: {
        std::string_view text;
        if (!(e = value.get_string().get(text)))
            out = fromUtf8(text);
        break;
    }
    case od::json_type::boolean: {
        bool b = false;
        if (!(e = value.get_bool().get(b)))
            out = b;
        break;
    }
    case od::json_type::null:
        out = QJsonValue(QJsonValue::Null);
        break;
    }
    return !e || d.notJson(e);
}

// ---- the wire format: one table per type

template <>
struct Spec<Account>
{
    static constexpr const char *what = "account";
    static constexpr FieldSpec<Account> fields[] = {
        {"id", Required, [](Field &f, Account &a) { return f.id(a.id); }},
        {"name", Required, [](Field &f, Account &a) { return f.string(a.name); }},
        {"domain", Optional, [](Field &f, Account &a) { return f.string(a.domain); }},
        {"created_at", Optional, [](Field &f, Account &a) { return f.time(a.createdAt); }},
    };
};

template <>
struct Spec<User>
{
    static constexpr const char *what = "user";
    static constexpr FieldSpec<User> fields[] = {
        {"id", Required, [](Field &f, User &u) { return f.id(u.id); }},
        {"email", Required, [](Field &f, User &u) { return f.string(u.email); }},
        {"name", Required, [](Field &f, User &u) { return f.string(u.name); }},
        {"state", Optional, [](Field &f, User &u) { return f.string(u.state); }},
    };
};

template <>
struct Spec<Group>
{
    static constexpr const char *what = "group";
    static constexpr FieldSpec<Group> fields[] = {
        {"id", Required, [](Field &f, Group &g) { return f.id(g.id); }},
        {"name", Required, [](Field &f, Group &g) { return f.string(g.name); }},
        {"description", Optional, [](Field &f, Group &g) { return f.string(g.description); }},
        {"builtin", Optional, [](Field &f, Group &g) { return f.boolean(g.builtin); }},
    };
};

template <>
struct Spec<Vault>
{
    static constexpr const char *what = "vault";
    static constexpr FieldSpec<Vault> fields[] = {
        {"id", Required, [](Field &f, Vault &v) { return f.id(v.id); }},
        {"name", Required, [](Field &f, Vault &v) { return f.string(v.name); }},
        {"type", Required, [](Field &f, Vault &v) { return f.name(v.type, vaultTypeNames()); }},
        {"accessible", Optional, [](Field &f, Vault &v) { return f.boolean(v.accessible); }},
    };
};

template <>
struct Spec<Server>
{
    static constexpr const char *what = "server";
    static constexpr FieldSpec<Server> fields[] = {
        {"id", Required, [](Field &f, Server &s) { return f.id(s.id); }},
        {"name", Required, [](Field &f, Server &s) { return f.string(s.name); }},
        {"state", Required, [](Field &f, Server &s) { return f.string(s.state); }},
        {"created_at", Required, [](Field &f, Server &s) { return f.time(s.createdAt); }},
        {"creator_id", Optional, [](Field &f, Server &s) { return f.id(s.creatorId); }},
        {"tokens_version", Required,
         [](Field &f, Server &s) { return f.integer(s.tokensVersion); }},
        {"vaults", Required, [](Field &f, Server &s) { return f.ids(s.vaults); }},
        {"active_tokens", Optional, [](Field &f, Server &s) { return f.integer(s.activeTokens); }},
        {"credentials_issued_at", Optional,
         [](Field &f, Server &s) { return f.time(s.credentialsIssuedAt); }},
        {"credentials_fingerprint", Optional,
         [](Field &f, Server &s) { return f.string(s.credentialsFingerprint); }},
    };
};

template <>
struct Spec<TokenVault>
{
    static constexpr const char *what = "token vault";
    static constexpr FieldSpec<TokenVault> fields[] = {
        {"id", Required, [](Field &f, TokenVault &v) { return f.id(v.vaultId); }},
        {"access", Required,
         [](Field &f, TokenVault &v) { return f.name(v.access, accessNames()); }},
    };
};

template <>
struct Spec<Token>
{
    static constexpr const char *what = "token";
    static constexpr FieldSpec<Token> fields[] = {
        {"id", Required, [](Field &f, Token &t) { return f.id(t.id); }},
        {"name", Required, [](Field &f, Token &t) { return f.string(t.name); }},
        {"integrationId", Required, [](Field &f, Token &t) { return f.id(t.serverId); }},
        {"state", Required,
         [](Field &f, Token &t) {
             if (!f.name(t.state, tokenStateNames()))
                 return false;
             // EXPIRED is derived from the clock; keep what the service stored.
             if (t.state == TokenState::Expired)
                 t.state = TokenState::Active;
             return true;
         }},
        {"created_at", Required, [](Field &f, Token &t) { return f.time(t.createdAt); }},
        {"expires_at", Optional, [](Field &f, Token &t) { return f.time(t.expiresAt); }},
        {"revoked_at", Optional, [](Field &f, Token &t) { return f.time(t.revokedAt); }},
        {"revokes_at", Optional, [](Field &f, Token &t) { return f.time(t.revokesAt); }},
        {"vaults", Required, [](Field &f, Token &t) { return f.objects(t.vaults); }},
    };
};

template <>
struct Spec<GroupGrant>
{
    static constexpr const char *what = "group grant";
    static constexpr FieldSpec<GroupGrant> fields[] = {
        {"group", Required, [](Field &f, GroupGrant &g) { return f.id(g.groupId); }},
        {"kind", Required,
         [](Field &f, GroupGrant &g) { return f.name(g.kind, groupGrantKindNames()); }},
        {"server", Optional, [](Field &f, GroupGrant &g) { return f.id(g.serverId); }},
        {"created_at", Optional, [](Field &f, GroupGrant &g) { return f.time(g.createdAt); }},
    };
    static bool finish(GroupGrant &g, Decoding &d)
    {
        if ((g.kind == GroupGrantKind::Server) == g.serverId.isEmpty())
            return d.field(what, "server", u"does not match the kind of grant"_s, {}, {});
        return true;
    }
};

template <>
struct Spec<VaultGrant>
{
    static constexpr const char *what = "grant";
    static constexpr FieldSpec<VaultGrant> fields[] = {
        {"server", Required, [](Field &f, VaultGrant &g) { return f.id(g.serverId); }},
        {"vault", Required, [](Field &f, VaultGrant &g) { return f.id(g.vaultId); }},
    };
};

template <>
struct Spec<GrantMatrix>
{
    static constexpr const char *what = "grants";
    static constexpr FieldSpec<GrantMatrix> fields[] = {
        {"revision", Required, [](Field &f, GrantMatrix &m) { return f.integer(m.revision); }},
        {"items", Required, [](Field &f, GrantMatrix &m) { return f.objects(m.grants); }},
    };
};

template <>
struct Spec<SessionRights>
{
    static constexpr const char *what = "rights";
    static constexpr FieldSpec<SessionRights> fields[] = {
        {"owner", Optional, [](Field &f, SessionRights &r) { return f.boolean(r.owner); }},
        {"manager", Optional, [](Field &f, SessionRights &r) { return f.boolean(r.manager); }},
        {"all_servers", Optional,
         [](Field &f, SessionRights &r) { return f.boolean(r.allServers); }},
        {"servers", Optional, [](Field &f, SessionRights &r) { return f.ids(r.servers); }},
    };
};

template <>
struct Spec<SessionInfo>
{
    static constexpr const char *what = "session";
    static constexpr FieldSpec<SessionInfo> fields[] = {
        {"expires_at", Required, [](Field &f, SessionInfo &s) { return f.time(s.expiresAt); }},
        {"user", Required, [](Field &f, SessionInfo &s) { return f.object(s.user); }},
        {"rights", Optional, [](Field &f, SessionInfo &s) { return f.object(s.rights); }},
        {"token", Optional, [](Field &f, SessionInfo &s) { return f.string(s.token); }},
    };
};

template <>
struct Spec<AuditEvent>
{
    static constexpr const char *what = "audit event";
    static constexpr FieldSpec<AuditEvent> fields[] = {
        {"id", Required, [](Field &f, AuditEvent &e) { return f.integer(e.id); }},
        {"at", Required, [](Field &f, AuditEvent &e) { return f.time(e.at); }},
        {"actor", Optional, [](Field &f, AuditEvent &e) { return f.id(e.actorId); }},
        {"action", Required, [](Field &f, AuditEvent &e) { return f.string(e.action); }},
        {"target_type", Optional, [](Field &f, AuditEvent &e) { return f.string(e.targetType); }},
        {"target_id", Optional, [](Field &f, AuditEvent &e) { return f.string(e.targetId); }},
        {"detail", Optional, [](Field &f, AuditEvent &e) { return f.json(e.detail); }},
        {"seq", Optional, [](Field &f, AuditEvent &e) { return f.integer(e.seq); }},
        {"hash", Optional, [](Field &f, AuditEvent &e) { return f.string(e.hash); }},
    };
};

template <>
struct Spec<AuditVerification>
{
    static constexpr const char *what = "audit verification";
    static constexpr FieldSpec<AuditVerification> fields[] = {
        {"whole", Required, [](Field &f, AuditVerification &v) { return f.boolean(v.whole); }},
        {"count", Required, [](Field &f, AuditVerification &v) { return f.integer(v.count); }},
        {"broken_seq", Optional,
         [](Field &f, AuditVerification &v) { return f.integer(v.brokenSeq); }},
        {"broken_event_id", Nullable,
         [](Field &f, AuditVerification &v) { return f.integer(v.brokenEventId); }},
        {"problem", Optional, [](Field &f, AuditVerification &v) { return f.string(v.problem); }},
    };
};

template <>
struct Spec<VaultAccessGroup>
{
    static constexpr const char *what = "managing group";
    static constexpr FieldSpec<VaultAccessGroup> fields[] = {
        {"id", Required, [](Field &f, VaultAccessGroup &g) { return f.id(g.group.id); }},
        {"name", Required, [](Field &f, VaultAccessGroup &g) { return f.string(g.group.name); }},
        {"kind", Required,
         [](Field &f, VaultAccessGroup &g) { return f.name(g.kind, groupGrantKindNames()); }},
    };
};

template <>
struct Spec<VaultAccessServer>
{
    static constexpr const char *what = "server with access";
    static constexpr FieldSpec<VaultAccessServer> fields[] = {
        {"server", Required, [](Field &f, VaultAccessServer &s) { return f.object(s.server); }},
        {"tokens", Required, [](Field &f, VaultAccessServer &s) { return f.objects(s.tokens); }},
        {"groups", Required, [](Field &f, VaultAccessServer &s) { return f.objects(s.groups); }},
    };
};

template <>
struct Spec<VaultAccess>
{
    static constexpr const char *what = "vault access";
    static constexpr FieldSpec<VaultAccess> fields[] = {
        {"vault", Required, [](Field &f, VaultAccess &a) { return f.object(a.vault); }},
        {"servers", Required, [](Field &f, VaultAccess &a) { return f.objects(a.servers); }},
    };
};

template <>
struct Spec<CreatedServer>
{
    static constexpr const char *what = "created server";
    static constexpr FieldSpec<CreatedServer> fields[] = {
        {"server", Required, [](Field &f, CreatedServer &c) { return f.object(c.server); }},
        {"credentials", Required,
         [](Field &f, CreatedServer &c) {
             return f.json(c.credentials) && (!c.credentials.isEmpty() || f.invalid(u"is empty"_s));
         }},
    };
};

template <>
struct Spec<CreatedToken>
{
    static constexpr const char *what = "created token";
    static constexpr FieldSpec<CreatedToken> fields[] = {
        {"token", Required, [](Field &f, CreatedToken &c) { return f.object(c.token); }},
        {"jwt", Required,
         [](Field &f, CreatedToken &c) {
             return f.string(c.jwt) && (c.jwt.count(u'.') == 2 || f.invalid(u"is not a JWT"_s));
         }},
    };
};

template <>
struct Spec<GrantBatchResult>
{
    static constexpr const char *what = "batch result";
    static constexpr FieldSpec<GrantBatchResult> fields[] = {
        {"revision", Required, [](Field &f, GrantBatchResult &r) { return f.integer(r.revision); }},
        {"applied", Required, [](Field &f, GrantBatchResult &r) { return f.integer(r.applied); }},
    };
};

template <>
struct Spec<GroupGrantResult>
{
    static constexpr const char *what = "group grant result";
    static constexpr FieldSpec<GroupGrantResult> fields[] = {
        {"grant", Required, [](Field &f, GroupGrantResult &r) { return f.object(r.grant); }},
        {"created", Optional, [](Field &f, GroupGrantResult &r) { return f.boolean(r.created); }},
    };
};

template <>
struct Spec<RemovedCount>
{
    static constexpr const char *what = "removal";
    static constexpr FieldSpec<RemovedCount> fields[] = {
        {"removed", Required, [](Field &f, RemovedCount &r) { return f.integer(r.removed); }},
    };
};

template <>
struct Spec<RotatedToken>
{
    static constexpr const char *what = "rotated token";
    static constexpr FieldSpec<RotatedToken> fields[] = {
        {"token", Required, [](Field &f, RotatedToken &r) { return f.object(r.created.token); }},
        {"jwt", Required,
         [](Field &f, RotatedToken &r) {
             return f.string(r.created.jwt) &&
                    (r.created.jwt.count(u'.') == 2 || f.invalid(u"is not a JWT"_s));
         }},
        {"previous", Required, [](Field &f, RotatedToken &r) { return f.object(r.previous); }},
        {"dropped_vaults", Optional,
         [](Field &f, RotatedToken &r) { return f.ids(r.droppedVaults); }},
    };
};

template <>
struct Spec<RotatedTokens>
{
    static constexpr const char *what = "rotation";
    static constexpr FieldSpec<RotatedTokens> fields[] = {
        {"items", Required, [](Field &f, RotatedTokens &r) { return f.objects(r.items); }},
    };
};

template <>
struct Spec<RenewedCredentials>
{
    static constexpr const char *what = "renewed credentials";
    static constexpr FieldSpec<RenewedCredentials> fields[] = {
        {"server", Required, [](Field &f, RenewedCredentials &r) { return f.object(r.server); }},
        {"credentials", Required,
         [](Field &f, RenewedCredentials &r) {
             return f.json(r.credentials) && (!r.credentials.isEmpty() || f.invalid(u"is empty"_s));
         }},
        {"stale_tokens", Required,
         [](Field &f, RenewedCredentials &r) { return f.integer(r.staleTokens); }},
        {"rotated", Optional, [](Field &f, RenewedCredentials &r) { return f.objects(r.rotated); }},
    };
};

template <>
struct Spec<AppliedPlan>
{
    static constexpr const char *what = "applied plan";
    static constexpr FieldSpec<AppliedPlan> fields[] = {
        {"revision", Required, [](Field &f, AppliedPlan &p) { return f.integer(p.revision); }},
        {"applied", Required, [](Field &f, AppliedPlan &p) { return f.integer(p.applied); }},
        {"servers", Optional, [](Field &f, AppliedPlan &p) { return f.objects(p.servers); }},
        {"tokens", Optional, [](Field &f, AppliedPlan &p) { return f.objects(p.tokens); }},
    };
};

template <typename T>
struct Spec<Page<T>>
{
    static constexpr const char *what = "list";
    static constexpr FieldSpec<Page<T>> fields[] = {
        {"items", Required, [](Field &f, Page<T> &p) { return f.objects(p.items); }},
        {"next_cursor", Optional, [](Field &f, Page<T> &p) { return f.string(p.nextCursor); }},
    };
};

// ---- requests: strict; names stay as typed (the service resolves them)

template <>
struct Spec<SignInRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<SignInRequest> fields[] = {
        {"email", Required, [](Field &f, SignInRequest &r) { return f.string(r.email); }},
        {"password", Required, [](Field &f, SignInRequest &r) { return f.string(r.password); }},
    };
};

template <>
struct Spec<CreateServerRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<CreateServerRequest> fields[] = {
        {"name", Required, [](Field &f, CreateServerRequest &r) { return f.string(r.name); }},
        {"vaults", Nullable, [](Field &f, CreateServerRequest &r) { return f.strings(r.vaults); }},
    };
};

template <>
struct Spec<RenameRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<RenameRequest> fields[] = {
        {"name", Required, [](Field &f, RenameRequest &r) { return f.string(r.name); }},
    };
};

template <>
struct Spec<GrantChange>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<GrantChange> fields[] = {
        {"server", Required, [](Field &f, GrantChange &c) { return f.string(c.serverId); }},
        {"vault", Required, [](Field &f, GrantChange &c) { return f.string(c.vaultId); }},
        {"granted", Required, [](Field &f, GrantChange &c) { return f.boolean(c.granted); }},
    };
    // After the types of all three are known to be right: IDs only, no names.
    static bool finish(GrantChange &c, Decoding &d)
    {
        if (!isValidId(c.serverId) || !isValidId(c.vaultId))
            return d.fail(u"A batch names servers and vaults by ID; \"%1\" / \"%2\" is not."_s.arg(
                              c.serverId.left(60), c.vaultId.left(60)),
                          u"invalid_id"_s);
        c.serverId = canonicalId(c.serverId);
        c.vaultId = canonicalId(c.vaultId);
        return true;
    }
};

template <>
struct Spec<GrantBatchRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<GrantBatchRequest> fields[] = {
        {"base_revision", Required,
         [](Field &f, GrantBatchRequest &r) { return f.integer(r.baseRevision); }},
        {"changes", Required,
         [](Field &f, GrantBatchRequest &r) { return f.objects(r.changes, kMaxBatchChanges); }},
    };
};

template <>
struct Spec<VaultPermission>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<VaultPermission> fields[] = {
        {"vault", Required, [](Field &f, VaultPermission &v) { return f.string(v.vault); }},
        {"access", Nullable,
         [](Field &f, VaultPermission &v) { return f.name(v.access, accessNames()); }},
    };
};

template <>
struct Spec<CreateTokenRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<CreateTokenRequest> fields[] = {
        {"name", Required, [](Field &f, CreateTokenRequest &r) { return f.string(r.name); }},
        {"server", Required, [](Field &f, CreateTokenRequest &r) { return f.string(r.server); }},
        {"vaults", Nullable, [](Field &f, CreateTokenRequest &r) { return f.objects(r.vaults); }},
        {"expires_in", Nullable,
         [](Field &f, CreateTokenRequest &r) { return f.optionalString(r.expiresIn); }},
    };
};

template <>
struct Spec<GroupGrantRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<GroupGrantRequest> fields[] = {
        {"group", Required, [](Field &f, GroupGrantRequest &r) { return f.string(r.group); }},
        {"server", Nullable, [](Field &f, GroupGrantRequest &r) { return f.string(r.server); }},
        {"all_servers", Nullable,
         [](Field &f, GroupGrantRequest &r) { return f.boolean(r.allServers); }},
    };
};

// "overlap" or "revokes_at", not both: for the requests that say when old tokens go.
bool checkRevocationTime(const RevocationTime &r, Decoding &d)
{
    if (r.overlap && r.at.isValid())
        return d.fail(u"Give either \"overlap\" or \"revokes_at\", not both."_s,
                      u"invalid_field"_s);
    return true;
}

template <>
struct Spec<RotateTokenRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<RotateTokenRequest> fields[] = {
        {"name", Nullable,
         [](Field &f, RotateTokenRequest &r) { return f.optionalString(r.name); }},
        {"overlap", Nullable,
         [](Field &f, RotateTokenRequest &r) { return f.optionalString(r.revokeOld.overlap); }},
        {"revokes_at", Nullable,
         [](Field &f, RotateTokenRequest &r) { return f.zonedTime(r.revokeOld.at); }},
    };
    static bool finish(RotateTokenRequest &r, Decoding &d)
    {
        return checkRevocationTime(r.revokeOld, d);
    }
};

template <>
struct Spec<RotateTokenItem>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<RotateTokenItem> fields[] = {
        {"token", Required, [](Field &f, RotateTokenItem &r) { return f.string(r.token); }},
        {"name", Nullable, [](Field &f, RotateTokenItem &r) { return f.optionalString(r.name); }},
    };
};

template <>
struct Spec<RotateTokensRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<RotateTokensRequest> fields[] = {
        {"server", Nullable, [](Field &f, RotateTokensRequest &r) { return f.string(r.server); }},
        {"tokens", Required,
         [](Field &f, RotateTokensRequest &r) { return f.objects(r.tokens, kMaxRotations); }},
        {"overlap", Nullable,
         [](Field &f, RotateTokensRequest &r) { return f.optionalString(r.revokeOld.overlap); }},
        {"revokes_at", Nullable,
         [](Field &f, RotateTokensRequest &r) { return f.zonedTime(r.revokeOld.at); }},
    };
    static bool finish(RotateTokensRequest &r, Decoding &d)
    {
        return checkRevocationTime(r.revokeOld, d);
    }
};

template <>
struct Spec<ScheduleRevocationRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<ScheduleRevocationRequest> fields[] = {
        {"revokes_in", Nullable,
         [](Field &f, ScheduleRevocationRequest &r) { return f.optionalString(r.revokesIn); }},
        {"revokes_at", Nullable,
         [](Field &f, ScheduleRevocationRequest &r) { return f.zonedTime(r.revokesAt); }},
    };
    static bool finish(ScheduleRevocationRequest &r, Decoding &d)
    {
        if (r.revokesIn && r.revokesAt.isValid())
            return d.fail(u"Give either \"revokes_in\" or \"revokes_at\", not both."_s,
                          u"invalid_field"_s);
        if (!r.revokesIn && !r.revokesAt.isValid())
            return d.fail(u"Say when the token is to be revoked: \"revokes_in\" (a duration "
                          "such as 24h) or \"revokes_at\" (a time)."_s,
                          u"missing_field"_s);
        return true;
    }
};

template <>
struct Spec<RenewCredentialsRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<RenewCredentialsRequest> fields[] = {
        {"rotate_tokens", Nullable,
         [](Field &f, RenewCredentialsRequest &r) { return f.boolean(r.rotateTokens); }},
        {"overlap", Nullable,
         [](Field &f, RenewCredentialsRequest &r) {
             return f.optionalString(r.revokeOld.overlap);
         }},
        {"revokes_at", Nullable,
         [](Field &f, RenewCredentialsRequest &r) { return f.zonedTime(r.revokeOld.at); }},
    };
    static bool finish(RenewCredentialsRequest &r, Decoding &d)
    {
        return checkRevocationTime(r.revokeOld, d);
    }
};

template <>
struct Spec<PlanChange>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<PlanChange> fields[] = {
        {"op", Required, [](Field &f, PlanChange &c) { return f.name(c.op, planOpNames()); }},
        {"server", Nullable, [](Field &f, PlanChange &c) { return f.string(c.server); }},
        {"vault", Nullable, [](Field &f, PlanChange &c) { return f.string(c.vault); }},
        {"token", Nullable, [](Field &f, PlanChange &c) { return f.string(c.token); }},
        {"group", Nullable, [](Field &f, PlanChange &c) { return f.string(c.group); }},
        {"name", Nullable, [](Field &f, PlanChange &c) { return f.string(c.name); }},
        {"vaults", Nullable, [](Field &f, PlanChange &c) { return f.objects(c.vaults); }},
        {"expires_in", Nullable,
         [](Field &f, PlanChange &c) { return f.optionalString(c.expiresIn); }},
        {"kind", Nullable,
         [](Field &f, PlanChange &c) { return f.name(c.kind, groupGrantKindNames()); }},
    };
};

template <>
struct Spec<PlanApplyRequest>
{
    static constexpr const char *what = "request body";
    static constexpr FieldSpec<PlanApplyRequest> fields[] = {
        {"base_revision", Required,
         [](Field &f, PlanApplyRequest &r) { return f.integer(r.baseRevision); }},
        {"changes", Required,
         [](Field &f, PlanApplyRequest &r) { return f.objects(r.changes, kMaxPlanChanges); }},
    };
};

// ---- documents

// One parser per thread, reused: simdjson's buffers grow to the largest document seen.
struct ThreadParser
{
    od::parser parser;
    QByteArray padded; // a copy of documents that have no room for simdjson's padding
};

ThreadParser &threadParser()
{
    thread_local ThreadParser p;
    return p;
}

template <typename Read>
bool decodeDocument(const QByteArray &json, Mode mode, DecodeError *error, Read read)
{
    ThreadParser &p = threadParser();
    const char *data = json.constData();
    size_t capacity = size_t(json.capacity());
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; use the bytes in place when
    // the array has that much room behind them.
    if (capacity < size_t(json.size()) + simdjson::SIMDJSON_PADDING) {
        p.padded.reserve(json.size() + qsizetype(simdjson::SIMDJSON_PADDING));
        p.padded.resize(json.size());
        std::copy(json.cbegin(), json.cend(), p.padded.begin());
        data = p.padded.constData();
        capacity = size_t(p.padded.capacity());
    }
    Decoding d(mode, data, error);
    od::document doc;
    if (auto e = p.parser.iterate(data, size_t(json.size()), capacity).get(doc))
        return d.notJson(e);
    od::json_type type;
    if (auto e = doc.type().get(type))
        return d.notJson(e);
    if (type != od::json_type::object)
        return d.notObject();
    od::object object;
    if (auto e = doc.get_object().get(object))
        return d.notJson(e);
    if (!read(object, d))
        return false;
    // Nothing may follow the object.
    const char *at = nullptr;
    if (doc.current_location().get(at) != simdjson::OUT_OF_BOUNDS)
        return d.notJson(simdjson::TRAILING_CONTENT, at);
    return true;
}

template <typename T>
bool decodeAs(const QByteArray &json, T &out, DecodeError *error, Mode mode)
{
    return decodeDocument(json, mode, error, [&out](od::object &object, Decoding &d) {
        out = T();
        return readObject(object, out, d);
    });
}

} // namespace

bool decode(const QByteArray &json, QJsonObject &out, DecodeError *error)
{
    return decodeDocument(json, Mode::Reply, error, [&out](od::object &object, Decoding &d) {
        QJsonObject result;
        for (auto member : object) {
            od::field f;
            std::string_view key;
            QJsonValue value;
            if (auto e = std::move(member).get(f))
                return d.notJson(e);
            if (auto e = f.unescaped_key().get(key))
                return d.notJson(e);
            if (!Field::toJson(f.value(), value, d))
                return false;
            result.insert(fromUtf8(key), value);
        }
        out = result;
        return true;
    });
}

// NOLINTBEGIN(bugprone-macro-parentheses): Type names a type, which can't be parenthesised
#define CA_DECODE(Type, mode)                                                                      \
    bool decode(const QByteArray &json, Type &out, DecodeError *error)                             \
    {                                                                                              \
        return decodeAs(json, out, error, mode);                                                   \
    }
// NOLINTEND(bugprone-macro-parentheses)
CA_DECODE(Account, Mode::Reply)
CA_DECODE(User, Mode::Reply)
CA_DECODE(Group, Mode::Reply)
CA_DECODE(Vault, Mode::Reply)
CA_DECODE(Server, Mode::Reply)
CA_DECODE(Token, Mode::Reply)
CA_DECODE(GroupGrant, Mode::Reply)
CA_DECODE(GrantMatrix, Mode::Reply)
CA_DECODE(SessionInfo, Mode::Reply)
CA_DECODE(AuditEvent, Mode::Reply)
CA_DECODE(CreatedServer, Mode::Reply)
CA_DECODE(CreatedToken, Mode::Reply)
CA_DECODE(GrantBatchResult, Mode::Reply)
CA_DECODE(GroupGrantResult, Mode::Reply)
CA_DECODE(RemovedCount, Mode::Reply)
CA_DECODE(AuditVerification, Mode::Reply)
CA_DECODE(VaultAccess, Mode::Reply)
CA_DECODE(Page<Vault>, Mode::Reply)
CA_DECODE(Page<Group>, Mode::Reply)
CA_DECODE(Page<User>, Mode::Reply)
CA_DECODE(Page<Server>, Mode::Reply)
CA_DECODE(Page<Token>, Mode::Reply)
CA_DECODE(Page<GroupGrant>, Mode::Reply)
CA_DECODE(Page<AuditEvent>, Mode::Reply)
CA_DECODE(RotatedToken, Mode::Reply)
CA_DECODE(RotatedTokens, Mode::Reply)
CA_DECODE(RenewedCredentials, Mode::Reply)
CA_DECODE(AppliedPlan, Mode::Reply)
CA_DECODE(SignInRequest, Mode::Request)
CA_DECODE(CreateServerRequest, Mode::Request)
CA_DECODE(RenameRequest, Mode::Request)
CA_DECODE(GrantBatchRequest, Mode::Request)
CA_DECODE(CreateTokenRequest, Mode::Request)
CA_DECODE(GroupGrantRequest, Mode::Request)
CA_DECODE(RotateTokenRequest, Mode::Request)
CA_DECODE(RotateTokensRequest, Mode::Request)
CA_DECODE(ScheduleRevocationRequest, Mode::Request)
CA_DECODE(RenewCredentialsRequest, Mode::Request)
CA_DECODE(PlanApplyRequest, Mode::Request)
#undef CA_DECODE

} // namespace ca::json
