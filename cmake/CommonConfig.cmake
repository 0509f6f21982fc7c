# One INTERFACE target with the warnings and safety defines every target of the project uses.
add_library(connectadmin_common INTERFACE)
target_compile_features(connectadmin_common INTERFACE cxx_std_20)
target_compile_options(connectadmin_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor
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

# Sanitizers for the whole tree, e.g. -DCONNECTADMIN_SANITIZE=address,undefined. The test
# command builds the service, client, models and CLI this way in build-sanitize/ and runs
# their tests; any report fails the test (no recovery from undefined behaviour).
set(CONNECTADMIN_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list (empty: none)")
if(CONNECTADMIN_SANITIZE)
    target_compile_options(connectadmin_common INTERFACE
        -fsanitize=${CONNECTADMIN_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(connectadmin_common INTERFACE -fsanitize=${CONNECTADMIN_SANITIZE})
endif()

# libFuzzer targets (fuzz/): -DCONNECTADMIN_FUZZ=ON with clang. Every library is built with
# coverage instrumentation for the fuzzer plus AddressSanitizer and UndefinedBehaviorSanitizer;
# fuzz/CMakeLists.txt links each target with libFuzzer's main. scripts/fuzz.sh does this in
# build-fuzz/; the normal (g++) build is untouched.
if(CONNECTADMIN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "CONNECTADMIN_FUZZ needs clang (libFuzzer): "
                            "configure with -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    target_compile_options(connectadmin_common INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    target_link_options(connectadmin_common INTERFACE -fsanitize=address,undefined)
endif()
