#include "cli/Cli.h"

#include "cli/Terminal.h"
#include "client/AccountSettings.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ca::cli {

Cli::Cli(QObject *parent)
    : QObject(parent)
    , m_api(std::make_unique<ApiClient>(&m_nam))
    , m_keychain(std::make_unique<KeychainCredentialStore>())
{}

Cli::~Cli() = default;

void Cli::run(const QStringList &arguments)
{
    m_invocation = parseCommandLine(arguments);
    const Invocation &inv = m_invocation;
    if (inv.help) {
        out::write(helpText(*inv.command).toUtf8());
        return succeed();
    }
    if (inv.version) {
        out::line(programName() + u' ' + QCoreApplication::applicationVersion());
        return succeed();
    }
    if (!inv.error.isEmpty())
        return fail(inv.error, ExitUsage);
    m_format = inv.value(u"format"_s) == u"json" ? Format::Json : Format::Human;
    qCDebug(lcCli) << "running" << inv.command->path;
    // The command checks its own arguments first and then asks for connected(): a usage
    // error is reported as such even when nobody is signed in, and nothing is sent.
    inv.command->run(*this, inv);
}

QString Cli::urlText(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash).toString();
}

bool Cli::knowsServiceUrl() const
{
    const AccountRef last = AccountSettings::lastAccount();
    return !m_invocation.value(u"url"_s).isEmpty() ||
           !qEnvironmentVariable("CONNECT_ADMIN_URL").isEmpty() ||
           (last.url.isValid() && !last.url.isEmpty());
}

std::optional<QUrl> Cli::serviceUrl()
{
    QString text = m_invocation.value(u"url"_s);
    QString from = u"--url"_s;
    if (text.isEmpty()) {
        text = qEnvironmentVariable("CONNECT_ADMIN_URL");
        from = u"CONNECT_ADMIN_URL"_s;
    }
    if (text.isEmpty()) {
        const AccountRef last = AccountSettings::lastAccount();
        if (!last.url.isValid() || last.url.isEmpty()) {
            fail(u"Not signed in: run %1 signin --url URL --email EMAIL"_s.arg(programName()));
            return std::nullopt;
        }
        text = last.url.toString();
        from = u"the last sign-in"_s;
    }
    QUrl url(text.trimmed(), QUrl::StrictMode);
    // One spelling per service ("http://host:8787/" is "http://host:8787"), for the keychain
    // entry, the settings and the messages alike.
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty()) {
        fail(u"%1: \"%2\" is not an http:// or https:// address of an account service"_s.arg(from,
                                                                                             text),
             ExitUsage);
        return std::nullopt;
    }
    // A service with a private certificate: --ca-file or CONNECT_ADMIN_CA_FILE.
    QString caFile = m_invocation.value(u"ca-file"_s);
    if (caFile.isEmpty())
        caFile = qEnvironmentVariable("CONNECT_ADMIN_CA_FILE");
    if (!caFile.isEmpty()) {
        QString error;
        if (!m_api->setCaFile(caFile, &error)) {
            fail(u"--ca-file: "_s + error, ExitUsage);
            return std::nullopt;
        }
    }
    return url;
}

QString Cli::accountEmail(const QUrl &url) const
{
    for (const QString &flag : {u"email"_s, u"account"_s}) {
        QString value = m_invocation.value(flag).trimmed();
        if (!value.isEmpty())
            return value;
    }
    QString env = qEnvironmentVariable("CONNECT_ADMIN_ACCOUNT").trimmed();
    if (!env.isEmpty())
        return env;
    QString known = AccountSettings::emailFor(url);
    if (!known.isEmpty())
        return known;
    const AccountRef last = AccountSettings::lastAccount();
    return urlText(last.url) == urlText(url) ? last.email : QString();
}

QString Cli::notSignedIn(const QUrl &url, const QString &email, const QString &why) const
{
    QString reason = why.trimmed();
    if (reason.endsWith(u'.'))
        reason.chop(1);
    if (!reason.isEmpty())
        reason = u" ("_s + reason.at(0).toLower() + reason.mid(1) + u')';
    return u"Not signed in to %1: run %2 signin --url %1 --email %3%4"_s.arg(
        urlText(url), programName(), email.isEmpty() ? u"EMAIL"_s : email, reason);
}

bool Cli::sessionFromEnvironment(const QUrl &url)
{
    m_url = url;
    m_api->setBaseUrl(m_url);
    const QString envSession = qEnvironmentVariable("CONNECT_ADMIN_SESSION").trimmed();
    if (envSession.isEmpty())
        return false;
    m_source = SessionSource::Environment;
    m_api->setSessionToken(envSession);
    return true;
}

bool Cli::sessionFromKeychain(const CredentialStore::Outcome &outcome)
{
    if (outcome.status != CredentialStore::Status::Ok || outcome.secret.isEmpty())
        return false;
    m_source = SessionSource::Keychain;
    m_api->setSessionToken(outcome.secret);
    return true;
}

void Cli::connected(std::function<void()> next)
{
    const auto url = serviceUrl();
    if (!url)
        return;
    if (sessionFromEnvironment(*url))
        return next();
    m_email = accountEmail(m_url);
    if (m_email.isEmpty())
        return fail(notSignedIn(m_url, m_email));
    // Straight to the command with the kept token (no "who am I" first): one round trip, and
    // a refused token is recognised by the 401 that comes back (see fail()).
    m_keychain->read(CredentialStore::keyFor(m_url, m_email), this,
                     [this, next = std::move(next)](const CredentialStore::Outcome &o) {
                         if (sessionFromKeychain(o))
                             return next();
                         if (o.status == CredentialStore::Status::NotFound ||
                             o.status == CredentialStore::Status::Ok)
                             return fail(notSignedIn(m_url, m_email));
                         fail(notSignedIn(m_url, m_email, o.error));
                     });
}

void Cli::optionallyConnected(std::function<void(bool signedIn)> next)
{
    if (!knowsServiceUrl())
        return next(false);
    const auto url = serviceUrl();
    if (!url)
        return;
    if (sessionFromEnvironment(*url))
        return next(true);
    m_email = accountEmail(m_url);
    if (m_email.isEmpty())
        return next(false);
    m_keychain->read(CredentialStore::keyFor(m_url, m_email), this,
                     [this, next = std::move(next)](const CredentialStore::Outcome &o) {
                         next(sessionFromKeychain(o));
                     });
}

std::optional<QString> Cli::reference(const QString &what)
{
    const Invocation &inv = m_invocation;
    if (!inv.args.isEmpty() && inv.args.first() != u"-") {
        if (inv.args.first().trimmed().isEmpty()) {
            fail(u"the %1 name or ID is empty"_s.arg(what), ExitUsage);
            return std::nullopt;
        }
        return inv.args.first();
    }
    if (inv.args.isEmpty() && terminal::stdinIsTerminal()) {
        fail(u"missing argument: name the %1 (by name or ID, or - to read it from standard "
             "input)"_s.arg(what),
             ExitUsage);
        return std::nullopt;
    }
    const QString input = terminal::readAll().trimmed();
    QString ref;
    if (input.startsWith(u'{')) {
        // What "--format json" printed for the object, piped on.
        const QJsonDocument doc = QJsonDocument::fromJson(input.toUtf8());
        ref = doc.object().value(u"id"_s).toString();
    } else {
        ref = input.section(u'\n', 0, 0).trimmed();
    }
    if (ref.isEmpty()) {
        fail(u"no %1 name or ID on standard input"_s.arg(what), ExitUsage);
        return std::nullopt;
    }
    return ref;
}

std::optional<QString> Cli::requiredFlag(const QString &flag, const QString &what)
{
    const QString value = m_invocation.value(flag);
    if (value.trimmed().isEmpty()) {
        fail(u"%1 needs --%2 (%3)"_s.arg(m_invocation.command->path, flag, what), ExitUsage);
        return std::nullopt;
    }
    return value;
}

void Cli::succeed(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(exitCode);
}

void Cli::fail(const QString &message, int code)
{
    if (m_done)
        return;
    m_done = true;
    out::error(message);
    emit finished(code);
}

void Cli::fail(const ApiError &error)
{
    if (m_done)
        return;
    if (error.status == 401 && m_source == SessionSource::Keychain) {
        // The kept token is worthless now: forget it so that the next run says the same at
        // once, then report.
        m_source = SessionSource::None;
        m_keychain->remove(CredentialStore::keyFor(m_url, m_email), this,
                           [this](const CredentialStore::Outcome &) {
                               fail(notSignedIn(m_url, m_email, u"the session has ended"_s));
                           });
        return;
    }
    if (error.status == 401 && m_source == SessionSource::Environment)
        return fail(
            u"CONNECT_ADMIN_SESSION was refused by %1: %2"_s.arg(urlText(m_url), error.message));
    fail(error.message.isEmpty() ? u"The request failed (%1)."_s.arg(error.code) : error.message);
}

} // namespace ca::cli
