# nkg_embed(TARGET FILE...) makes a static library with one `std::string_view` per file,
# looked up by the file's path relative to the source tree (see src/core/embedded.hpp).
function(nkg_embed target)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}.cpp")
  set(deps "")
  foreach(rel IN LISTS ARGN)
    list(APPEND deps "${CMAKE_SOURCE_DIR}/${rel}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" -DOUT=${out} "-DFILES=${ARGN}" -DROOT=${CMAKE_SOURCE_DIR}
            -P "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${deps} "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding data files"
    VERBATIM)
  add_library(${target} STATIC "${out}")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/src")
  # The data travels inside the installed library (cmake/install.cmake).
  set_property(GLOBAL APPEND PROPERTY NKG_LIBRARY_PARTS ${target})
endfunction()
