// signin and signout: the session token in the system keychain, in the entry the desktop
// program uses (CredentialStore::keyFor(url, email)), and the last account in AccountSettings.
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Terminal.h"
#include "client/AccountSettings.h"
#include "client/Session.h"

using namespace Qt::StringLiterals;

namespace ca::cli {

void signIn(Cli &cli, const Invocation &)
{
    if (!cli.knowsServiceUrl())
        return cli.fail(u"signin needs the account service's address: pass --url URL"_s, ExitUsage);
    const auto url = cli.serviceUrl();
    if (!url)
        return;
    QString email = cli.accountEmail(*url);
    if (email.isEmpty()) {
        if (!terminal::stdinIsTerminal())
            return cli.fail(u"signin needs an email address: pass --email EMAIL"_s, ExitUsage);
        email = terminal::ask(u"Email address for %1: "_s.arg(Cli::urlText(*url)))
                    .value_or(QString())
                    .trimmed();
        if (email.isEmpty())
            return cli.fail(u"signin needs an email address: pass --email EMAIL"_s, ExitUsage);
    }
    const std::optional<QString> password =
        terminal::stdinIsTerminal()
            ? terminal::askHidden(u"Password for %1 at %2: "_s.arg(email, Cli::urlText(*url)))
            : terminal::readLine();
    if (!password || password->isEmpty())
        return cli.fail(u"No password given (signin reads it from standard input, or asks on "
                        "a terminal)."_s,
                        ExitUsage);

    auto *store = new FallbackCredentialStore(&cli);
    auto *session = new Session(&cli.api(), store, &cli);
    QObject::connect(session, &Session::signInFailed, &cli,
                     [&cli](const ApiError &e) { cli.fail(e); });
    // Done when the token is in the keychain (or known not to be), not at signedIn().
    QObject::connect(session, &Session::tokenKept, &cli,
                     [&cli, store, url = *url, email](bool remembered, const QString &reason) {
                         AccountSettings::setLastAccount({url, email});
                         if (!remembered) {
                             const QString why = store->fallbackReason().isEmpty()
                                                     ? reason
                                                     : store->fallbackReason();
                             out::warning(u"%1 This session will not be remembered: later commands "
                                          "need CONNECT_ADMIN_SESSION."_s.arg(why.trimmed()));
                         }
                         out::line(u"Signed in to %1 as %2."_s.arg(Cli::urlText(url), email));
                         cli.succeed();
                     });
    session->signIn(*url, email, *password);
}

void signOut(Cli &cli, const Invocation &)
{
    const QString envSession = qEnvironmentVariable("CONNECT_ADMIN_SESSION").trimmed();
    if (!envSession.isEmpty()) {
        // The session of a CI job: end it on the service; the keychain is not involved.
        const auto url = cli.serviceUrl();
        if (!url)
            return;
        cli.api().setBaseUrl(*url);
        cli.api().setSessionToken(envSession);
        cli.api().signOut(&cli, [&cli, url = *url](const Result<Done> &r) {
            if (!r.ok() && r.error().status != 401)
                return cli.fail(r.error());
            out::line(
                u"Ended the session in CONNECT_ADMIN_SESSION at %1."_s.arg(Cli::urlText(url)));
            cli.succeed();
        });
        return;
    }
    if (!cli.knowsServiceUrl()) {
        out::line(u"Not signed in."_s);
        return cli.succeed();
    }
    const auto url = cli.serviceUrl();
    if (!url)
        return;
    const QString email = cli.accountEmail(*url);
    if (email.isEmpty()) {
        out::line(u"Not signed in to %1."_s.arg(Cli::urlText(*url)));
        return cli.succeed();
    }
    // Without Session: it can only sign out a session it has checked first, and a service
    // that can't be reached must not leave the token behind here.
    auto *store = new KeychainCredentialStore(&cli);
    const QString key = CredentialStore::keyFor(*url, email);
    store->read(
        key, &cli, [&cli, store, key, url = *url, email](const CredentialStore::Outcome &o) {
            if (o.status == CredentialStore::Status::NotFound ||
                (o.status == CredentialStore::Status::Ok && o.secret.isEmpty())) {
                out::line(u"Not signed in to %1 as %2."_s.arg(Cli::urlText(url), email));
                return cli.succeed();
            }
            if (o.status != CredentialStore::Status::Ok)
                return cli.fail(o.error);
            cli.api().setBaseUrl(url);
            cli.api().setSessionToken(o.secret);
            cli.api().signOut(&cli, [&cli, store, key, url, email](const Result<Done> &r) {
                store->remove(
                    key, &cli, [&cli, r, url, email](const CredentialStore::Outcome &removed) {
                        if (removed.status != CredentialStore::Status::Ok)
                            return cli.fail(removed.error);
                        // 401: the session had ended already; either way it is gone now.
                        if (!r.ok() && r.error().status != 401)
                            return cli.fail(
                                u"Forgot the session here, but %1 could not be told to end "
                                "it: %2"_s.arg(Cli::urlText(url), r.error().message));
                        out::line(u"Signed out of %1 as %2."_s.arg(Cli::urlText(url), email));
                        cli.succeed();
                    });
            });
        });
}

} // namespace ca::cli
