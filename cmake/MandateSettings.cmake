# Project-wide compile settings live on one INTERFACE target that every Mandate target links,
# so a flag is decided once and cannot drift between layers.
add_library(mandate_settings INTERFACE)
target_compile_features(mandate_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(mandate_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

target_compile_options(mandate_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion)
if(MANDATE_WERROR)
    target_compile_options(mandate_settings INTERFACE -Werror)
endif()

if(MANDATE_SANITIZE)
    target_compile_options(mandate_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(mandate_settings INTERFACE -fsanitize=address,undefined)
endif()

# Per-file builds (dev, release) parse the Qt headers nearly every file includes once per library
# instead of once per file; unity builds (asan, package) share them already. Only Qt's headers, the
# common ones and a library's own extras: a file that forgets one of the project's headers still
# fails to build.
function(mandate_precompile_qt target)
    if(NOT CMAKE_UNITY_BUILD)
        target_precompile_headers(${target} PRIVATE
            <QByteArray> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue>
            <QList> <QObject> <QString> <QStringList> <QVariant> ${ARGN})
    endif()
endfunction()
