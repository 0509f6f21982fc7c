#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcCore, "connectadmin.core")
Q_LOGGING_CATEGORY(lcService, "connectadmin.service")
Q_LOGGING_CATEGORY(lcHttp, "connectadmin.http")
Q_LOGGING_CATEGORY(lcStore, "connectadmin.store")
Q_LOGGING_CATEGORY(lcClient, "connectadmin.client")
Q_LOGGING_CATEGORY(lcKeychain, "connectadmin.keychain")
Q_LOGGING_CATEGORY(lcModels, "connectadmin.models")
Q_LOGGING_CATEGORY(lcGui, "connectadmin.gui")
Q_LOGGING_CATEGORY(lcCli, "connectadmin.cli")
