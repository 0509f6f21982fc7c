#include "core/Duration.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ca {

namespace {

qint64 unitSeconds(QChar unit)
{
    switch (unit.toLower().unicode()) {
    case u's':
        return 1;
    case u'm':
        return 60;
    case u'h':
        return 3600;
    case u'd':
        return 86400;
    case u'w':
        return 7 * 86400;
    default:
        return 0;
    }
}

// Translatable strings of this file, in the context "ca::Duration".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::Duration)
};

DurationParse fail(const QString &message)
{
    return DurationParse{std::nullopt, message};
}

} // namespace

DurationParse parseDuration(QStringView input)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return fail(
            Text::tr("The duration is empty; use a number with a unit, for example 30d or 1w2d."));

    qint64 total = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        qint64 value = 0;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
            const int digit = text[i].unicode() - u'0';
            if (value > (kMaxDurationSeconds - digit) / 10)
                return fail(Text::tr("The duration \"%1\" is too long; the longest is 100 years.")
                                .arg(text.toString()));
            value = value * 10 + digit;
            ++i;
        }
        if (i == start) {
            if (text[i] == u'.' || text[i] == u',')
                return fail(Text::tr("The duration \"%1\" has a fraction; use whole numbers, "
                                     "for example 90m instead of 1.5h.")
                                .arg(text.toString()));
            return fail(Text::tr("The duration \"%1\" must start with a number, for example 30d.")
                            .arg(text.toString()));
        }
        if (i == text.size())
            return fail(Text::tr("The duration \"%1\" has no unit after %2; use s, m, h, d or w.")
                            .arg(text.toString())
                            .arg(value));
        if (text[i] == u'.' || text[i] == u',')
            return fail(Text::tr("The duration \"%1\" has a fraction; use whole numbers, "
                                 "for example 90m instead of 1.5h.")
                            .arg(text.toString()));
        const qint64 unit = unitSeconds(text[i]);
        if (unit == 0)
            return fail(
                Text::tr("The duration \"%1\" has an unknown unit \"%2\"; use s, m, h, d or w.")
                    .arg(text.toString(), text[i]));
        ++i;
        if (value > (kMaxDurationSeconds - total) / unit)
            return fail(Text::tr("The duration \"%1\" is too long; the longest is 100 years.")
                            .arg(text.toString()));
        total += value * unit;
    }
    if (total == 0)
        return fail(Text::tr("The duration \"%1\" is zero; a token must live at least one second.")
                        .arg(text.toString()));
    return DurationParse{total, {}};
}

DurationParse parseOverlap(QStringView input)
{
    const QStringView text = input.trimmed();
    static const QRegularExpression zero(QStringLiteral("^(0|(0+[smhdwSMHDW])+)$"));
    if (zero.match(text).hasMatch())
        return DurationParse{0, {}};
    return parseDuration(text);
}

QString formatDuration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("0s");
    static constexpr struct
    {
        qint64 size;
        char16_t unit;
    } units[] = {{7 * 86400, u'w'}, {86400, u'd'}, {3600, u'h'}, {60, u'm'}, {1, u's'}};
    QString out;
    for (const auto &u : units) {
        if (seconds >= u.size) {
            out += QString::number(seconds / u.size) + QChar(u.unit);
            seconds %= u.size;
        }
    }
    return out;
}

} // namespace ca
