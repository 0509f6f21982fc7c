#include "core/Logging.h"

// Debug output is opt-in: QT_LOGGING_RULES="connectadmin.*.debug=true".

Q_LOGGING_CATEGORY(lcCore, "connectadmin.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "connectadmin.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "connectadmin.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "connectadmin.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClient, "connectadmin.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "connectadmin.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "connectadmin.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "connectadmin.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "connectadmin.cli", QtInfoMsg)
