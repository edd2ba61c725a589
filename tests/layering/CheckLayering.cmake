# Fails when a layer includes (source) or is compiled against (command) a module it must never use.
# Every include of ours names its layer from the repository root ("core/Money.h"), so a layer's
# dependencies are read off its include lines:
#   core   → core only, QtCore only
#   server → server, core (never client/, models/, ui/)
#   client → client, core (never server/)
#   agent  → agent, client, core; no widgets (a client of the public API, like the console)
#   models → models, client, core; no widgets, no JSON wire forms (client/ reads them)
#   ui     → ui, models, client, core; never the network, SQL or JSON wire forms directly
# Run with -DSOURCE_DIR=<tree> -DCOMPILE_COMMANDS=<compile_commands.json>.
file(READ "${COMPILE_COMMANDS}" commands)
string(JSON count LENGTH "${commands}")
set(failures "")

function(forbid_in_commands layer_dir patterns)
    if(count EQUAL 0)
        return()
    endif()
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
        string(JSON file GET "${commands}" ${i} file)
        string(JSON command GET "${commands}" ${i} command)
        if(file MATCHES "^${SOURCE_DIR}/${layer_dir}/")
            foreach(p IN LISTS patterns)
                if(command MATCHES "${p}")
                    set(failures "${failures}\n${file}: compiled with '${p}' on its include path" PARENT_SCOPE)
                endif()
            endforeach()
        endif()
    endforeach()
    set(failures "${failures}" PARENT_SCOPE)
endfunction()

# Quoted includes must name one of the allowed layers; generated headers (ui_*.h, *.moc) are the
# layer's own. Angle-bracket includes must not match any of the forbidden patterns.
function(check_sources layer_dir allowed_layers forbidden_system)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/${layer_dir}/*.h" "${SOURCE_DIR}/${layer_dir}/*.cpp")
    list(JOIN allowed_layers "|" allowed)
    foreach(src IN LISTS sources)
        file(STRINGS "${src}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            if(line MATCHES "\"([^\"]+)\"")
                set(target "${CMAKE_MATCH_1}")
                if(NOT target MATCHES "^(${allowed})/" AND NOT target MATCHES "^ui_.*\\.h$"
                   AND NOT target MATCHES "\\.moc$")
                    set(failures "${failures}\n${src}: '${line}' reaches outside ${allowed_layers}")
                endif()
            endif()
            foreach(p IN LISTS forbidden_system)
                if(line MATCHES "${p}")
                    set(failures "${failures}\n${src}: '${line}' crosses a layer boundary")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(failures "${failures}" PARENT_SCOPE)
endfunction()

forbid_in_commands(core "QtNetwork;QtSql;QtGui;QtWidgets;QtHttpServer")
forbid_in_commands(agent "QtWidgets;QtGui;QtHttpServer")
check_sources(core "core" "<QtNetwork;<QtSql;<QtGui;<QtWidgets;<QNetwork;<QSql;<QTcp;<QWidget")
check_sources(server "server;core" "<QWidget;<QtWidgets")
check_sources(client "client;core" "<QHttpServer;<QWidget;<QtWidgets")
check_sources(agent "agent;client;core" "<QHttpServer;<QWidget;<QtWidgets;<QtGui")
check_sources(models "models;client;core" "<QWidget;<QtWidgets;<QNetworkAccessManager;<QSqlDatabase;<QJson")
check_sources(ui "ui;models;client;core" "<QNetwork;<QSql;<QJson")

if(failures)
    # One line per violation, unwrapped, so a test (and a person) can read each whole.
    message(NOTICE "Layering violations:${failures}")
    message(FATAL_ERROR "The layering rules of docs/ARCHITECTURE.md are broken (see above).")
endif()
message(STATUS "Layering rules hold for ${count} compiled files")
