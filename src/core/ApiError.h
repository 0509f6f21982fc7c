// The service's error shape {"status":N,"message":"...","code":"..."}, shared by both sides.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace ca {

struct ApiError
{
    int status = 0;    // HTTP status; 0 for failures that never reached the service
    QString code;      // machine-readable, e.g. "not_found", "stale_revision"
    QString message;   // a sentence a user can act on
    QJsonObject extra; // further fields of the error body (e.g. "revision" on 409)

    bool isError() const { return status != 0 || !code.isEmpty(); }
    QJsonObject toJson() const;
    static ApiError fromJson(int httpStatus, const QJsonObject &body);

    static ApiError badRequest(const QString &message,
                               const QString &code = QStringLiteral("bad_request"));
    static ApiError notFound(const QString &message);
    static ApiError forbidden(const QString &message);
    static ApiError conflict(const QString &message,
                             const QString &code = QStringLiteral("conflict"));
    static ApiError unauthorized(const QString &message,
                                 const QString &code = QStringLiteral("unauthorized"));
    static ApiError internal(const QString &message);
};

} // namespace ca

namespace ca {

// A value or the error that prevented it.
template <typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(ApiError error)
        : m_error(std::move(error))
    {}
    bool ok() const { return m_value.has_value(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

} // namespace ca

// Declared with the type, so that every translation unit that names it in a signal agrees.
Q_DECLARE_METATYPE(ca::ApiError)
