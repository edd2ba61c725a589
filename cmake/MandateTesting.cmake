# The labels the sanitizer preset runs (CMakePresets.json, test preset "asan"); their executables
# are collected into the target "sanitized-tests", so that build compiles only what it runs.
set(MANDATE_SANITIZED_LABELS core server server-pg client models)

# mandate_add_test(<ClassName> SOURCES <files...> LIBRARIES <targets...> [LABELS <labels...>])
# One QtTest executable per class under test, registered with ctest under the class name.
function(mandate_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    set(target "tst_${name}")
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE mandate_settings Qt6::Test ${ARG_LIBRARIES})
    add_test(NAME ${name} COMMAND ${target})
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANGUAGE=;ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        TIMEOUT 300)
    foreach(label IN LISTS ARG_LABELS)
        if(label IN_LIST MANDATE_SANITIZED_LABELS)
            set_property(GLOBAL APPEND PROPERTY MANDATE_SANITIZED_TARGETS ${target})
            break()
        endif()
    endforeach()
endfunction()
