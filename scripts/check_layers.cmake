# Checks the direction of every #include in the source tree (run by ctest as
# layers_include_directions; cmake -DHPA_SOURCE_DIR=. -P scripts/check_layers.cmake by hand).
#   core/ has no Qt and never includes ui/ or app/; its folders include only themselves and
#   the folders listed below (the pipeline read -> analyse -> report, see core/README.md;
#   library reads and analyses many runs and caches them);
#   core/import (the network) is included by no other core folder and not by ui/: only app/;
#   ui/ never includes app/; ui/charts/ includes no other part of ui/;
#   app/cli/ is Qt-free and includes neither ui/ nor app/gui/.
cmake_minimum_required(VERSION 3.25)
get_filename_component(HPA_SOURCE_DIR "${HPA_SOURCE_DIR}" ABSOLUTE)
if(NOT HPA_SOURCE_DIR)
    message(FATAL_ERROR "pass -DHPA_SOURCE_DIR=<the source tree>")
endif()

set(allowed_model "")
set(allowed_io model)
set(allowed_parsers io model)
set(allowed_load parsers io model)
set(allowed_analysis model)
set(allowed_report analysis model)
set(allowed_plot model)
set(allowed_demo model io report)
set(allowed_library load analysis parsers io model)
set(allowed_import parsers io model)
set(core_layers model io parsers load analysis report plot demo library import)

set(problems "")
set(checked 0)

# Appends "file:line: message" to `problems` for every #include line of `file` matching `regex`.
function(flag_includes file regex message)
    file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include")
    set(found "")
    foreach(line IN LISTS lines)
        if(line MATCHES "${regex}")
            file(RELATIVE_PATH rel ${HPA_SOURCE_DIR} ${file})
            list(APPEND found "${rel}: ${message}: ${line}")
        endif()
    endforeach()
    set(problems ${problems} ${found} PARENT_SCOPE)
endfunction()

# Every folder says in a short README.md what lives there and what it may include.
foreach(dir core ui ui/charts app app/cli app/gui)
    if(NOT EXISTS ${HPA_SOURCE_DIR}/${dir}/README.md)
        list(APPEND problems "${dir}: no README.md saying what lives there and what it may include")
    endif()
endforeach()

file(GLOB core_loose LIST_DIRECTORIES false ${HPA_SOURCE_DIR}/core/*.cpp ${HPA_SOURCE_DIR}/core/*.h)
foreach(file IN LISTS core_loose)
    list(APPEND problems "${file}: source file outside the core layers (${core_layers})")
endforeach()

foreach(layer IN LISTS core_layers)
    file(GLOB files ${HPA_SOURCE_DIR}/core/${layer}/*.cpp ${HPA_SOURCE_DIR}/core/${layer}/*.h)
    if(NOT files)
        list(APPEND problems "core/${layer}: folder is empty or missing")
    endif()
    if(NOT EXISTS ${HPA_SOURCE_DIR}/core/${layer}/README.md)
        list(APPEND problems "core/${layer}: no README.md saying what lives there and what it may include")
    endif()
    set(ok ${layer} ${allowed_${layer}})
    list(JOIN ok "|" ok_regex)
    foreach(file IN LISTS files)
        math(EXPR checked "${checked} + 1")
        flag_includes(${file} "<Q[A-Za-z]*>|<Qt[A-Za-z]*/|<q[a-z]+\\.h>" "Qt in core")
        flag_includes(${file} "\"(ui|app)/" "core includes the GUI")
        file(STRINGS ${file} lines REGEX "#[ \t]*include[ \t]*\"core/")
        foreach(line IN LISTS lines)
            if(NOT line MATCHES "\"core/(${ok_regex})/[^/\"]+\"")
                file(RELATIVE_PATH rel ${HPA_SOURCE_DIR} ${file})
                list(APPEND problems
                     "${rel}: core/${layer} may include only core/{${ok_regex}}: ${line}")
            endif()
        endforeach()
    endforeach()
endforeach()

file(GLOB_RECURSE ui_files ${HPA_SOURCE_DIR}/ui/*.cpp ${HPA_SOURCE_DIR}/ui/*.h)
foreach(file IN LISTS ui_files)
    math(EXPR checked "${checked} + 1")
    flag_includes(${file} "\"app/" "ui includes app")
    flag_includes(${file} "\"core/import/" "ui includes core/import (only app/ may)")
    if(file MATCHES "/ui/charts/")
        flag_includes(${file} "\"ui/[a-z_]+\\.h\"" "ui/charts includes the rest of ui")
    endif()
endforeach()

file(GLOB cli_files ${HPA_SOURCE_DIR}/app/cli/*.cpp ${HPA_SOURCE_DIR}/app/cli/*.h)
foreach(file IN LISTS cli_files)
    math(EXPR checked "${checked} + 1")
    flag_includes(${file} "<Q[A-Za-z]*>|<Qt[A-Za-z]*/" "Qt in the command line")
    flag_includes(${file} "\"(ui|app/gui)/" "the command line includes the GUI")
endforeach()

if(problems)
    list(LENGTH problems count)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "${count} include(s) against the layering:\n  ${text}")
endif()
message(STATUS "layers: ${checked} files, every include in its allowed direction")
