# One INTERFACE target with the warnings and safety defines every target of the project uses.
add_library(connectadmin_common INTERFACE)
target_compile_features(connectadmin_common INTERFACE cxx_std_20)
target_compile_options(connectadmin_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wshadow=local -Wnon-virtual-dtor
    -Wcast-qual -Wformat=2)
if(CONNECTADMIN_WERROR)
    target_compile_options(connectadmin_common INTERFACE -Werror)
endif()
target_compile_definitions(connectadmin_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    CONNECTADMIN_VERSION="${PROJECT_VERSION}")
