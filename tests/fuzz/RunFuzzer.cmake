# cmake -DFUZZER=<binary> -DSEED_CORPUS=<dir> -DWORK_DIR=<dir> -DMAX_TOTAL_TIME=<s> -P RunFuzzer.cmake
# The fuzzer adds what it discovers to its corpus directory, so it runs on a fresh copy and the
# checked-in seeds stay as they are. A crashing input is left in WORK_DIR for reproduction.
foreach(var FUZZER SEED_CORPUS WORK_DIR MAX_TOTAL_TIME)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "RunFuzzer.cmake needs -D${var}=...")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/artifacts")
file(COPY "${SEED_CORPUS}/" DESTINATION "${WORK_DIR}/corpus")

execute_process(
    COMMAND "${FUZZER}" -max_total_time=${MAX_TOTAL_TIME} -timeout=5 -print_final_stats=1
            "-artifact_prefix=${WORK_DIR}/artifacts/" "${WORK_DIR}/corpus"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "fuzz_codecs failed (${result}); the input is in ${WORK_DIR}/artifacts")
endif()
