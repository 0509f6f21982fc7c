// Checking a 1password-credentials.json, and optionally a token with it, as a person asks:
// offline first (the file's key, verifier and encrypted identity; the token's secret claim
// against the file), then the token's signature against the issuing service's public keys
// (its JWKS, which needs no session), then, when signed in to that service, what only the
// service knows: does the server still exist, is it active, is this file the one in force,
// is the token revoked. The CLI's check-credentials and the desktop program's check dialog
// both run this.
#pragma once

#include "client/ApiClient.h"
#include "core/CredentialsFile.h"

#include <QHash>
#include <optional>

class QNetworkAccessManager;

namespace ca {

struct CredentialsReport
{
    credentials::Opened file;
    std::optional<credentials::TokenCheck> token; // when a token was given

    // What the service said, when it was asked (signed in to the file's service).
    bool askedService = false;
    QString notAsked;             // why the service was not asked, when it was not
    std::optional<Server> server; // nullopt after asking: the server does not exist
    std::optional<Token> tokenOnService;
    QHash<QString, QString> vaultNames; // vault ID -> name, as far as the caller sees them

    // The verdict: the first thing found wrong, as a sentence; empty when all is good.
    QString problem;
    bool ok() const { return problem.isEmpty(); }
};

// fileText: the credentials file's content; jwt: a token to check with it, or nullopt.
// session: a client signed in to some service, or null; it is asked only when its URL is the
// file's service. Public keys are fetched from the file's service with nam. done runs once,
// while context lives.
void checkCredentials(QNetworkAccessManager *nam, ApiClient *session, const QByteArray &fileText,
                      const std::optional<QByteArray> &jwt, QObject *context,
                      std::function<void(const CredentialsReport &)> done);

} // namespace ca
