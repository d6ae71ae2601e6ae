# The installed package: `cmake --install BUILD --prefix P` puts
#   P/bin/newskg                          the command-line tool
#   P/lib/libnewskg.a                     one static library bundling every stage and the data
#   P/include/newskg/newskg.hpp, core/    the public headers (#include <newskg/newskg.hpp>)
#   P/lib/cmake/newskg/                   find_package(newskg): target newskg::newskg
#   P/lib/pkgconfig/newskg.pc             pkg-config --cflags --libs newskg
#   P/share/newskg/                       newskg.ttl, shapes.ttl, context.jsonld
#   P/share/man/man1/newskg.1             the man page (help2man, at build time)
#   P/share/doc/newskg/                   README, CHANGELOG, the ontology reference
#
# The library is static: the C++ API passes std types by value and has no stable ABI, and one
# archive keeps the embedded lexicons with the code. Its parts are every target registered in
# the global property NKG_LIBRARY_PARTS (nkg_stage in src/CMakeLists.txt and nkg_embed do it),
# gathered when the top-level directory has been read, so a new stage needs no line here.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Third-party libraries a stage may link, and what the installed package does for each:
#   nkg_package_dep(TARGET [INSTALL_TARGET name PKGCONFIG module FIND "one line of CMake"])
# INSTALL_TARGET is the target name consumers link (created by the FIND line in
# newskgConfig.cmake), PKGCONFIG the module newskg.pc requires. With none of these the library
# needs nothing from the consumer (header-only libraries used only inside .cpp files).
function(nkg_package_dep target)
  cmake_parse_arguments(ARG "" "INSTALL_TARGET;PKGCONFIG;FIND" "" ${ARGN})
  string(MAKE_C_IDENTIFIER "${target}" id)
  set_property(GLOBAL PROPERTY NKG_DEP_KNOWN_${id} TRUE)
  set_property(GLOBAL PROPERTY NKG_DEP_TARGET_${id} "${ARG_INSTALL_TARGET}")
  set_property(GLOBAL PROPERTY NKG_DEP_PC_${id} "${ARG_PKGCONFIG}")
  set_property(GLOBAL PROPERTY NKG_DEP_FIND_${id} "${ARG_FIND}")
endfunction()

string(REGEX MATCH "^[0-9]+" nkg_icu_major "${ICU_VERSION}")
nkg_package_dep(ICU::uc INSTALL_TARGET ICU::uc PKGCONFIG icu-uc
  FIND "find_dependency(ICU ${nkg_icu_major} COMPONENTS uc i18n)")
nkg_package_dep(ICU::i18n INSTALL_TARGET ICU::i18n PKGCONFIG icu-i18n
  FIND "find_dependency(ICU ${nkg_icu_major} COMPONENTS uc i18n)")
nkg_package_dep(PkgConfig::SERD INSTALL_TARGET PkgConfig::newskg_serd PKGCONFIG serd-0
  FIND "_newskg_pkg_module(newskg_serd serd-0)")
nkg_package_dep(PkgConfig::SORD INSTALL_TARGET PkgConfig::newskg_sord PKGCONFIG sord-0
  FIND "_newskg_pkg_module(newskg_sord sord-0)")
nkg_package_dep(CURL::libcurl INSTALL_TARGET CURL::libcurl PKGCONFIG libcurl
  FIND "find_dependency(CURL)")
nkg_package_dep(TBB::tbb INSTALL_TARGET TBB::tbb PKGCONFIG tbb FIND "find_dependency(TBB)")
nkg_package_dep(nlohmann_json::nlohmann_json)

add_library(nkg_library STATIC)
set_target_properties(nkg_library PROPERTIES OUTPUT_NAME newskg EXPORT_NAME newskg
  LINKER_LANGUAGE CXX ARCHIVE_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
target_compile_features(nkg_library INTERFACE cxx_std_20)
# A library built with the sanitizers needs their runtimes in every program that links it.
set(NKG_PC_LIBS_EXTRA "")
if(NEWSKG_SANITIZE)
  target_link_options(nkg_library INTERFACE -fsanitize=address,undefined)
  set(NKG_PC_LIBS_EXTRA " -fsanitize=address,undefined")
endif()
target_include_directories(nkg_library INTERFACE
  "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>"
  # include/ for <newskg/newskg.hpp>; include/newskg/ because the headers include "core/...".
  "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>"
  "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/newskg>")

# Runs once the whole tree is configured: bundles the parts and derives the link interface,
# newskgConfig.cmake and newskg.pc from their third-party dependencies.
function(nkg_finish_library)
  get_property(parts GLOBAL PROPERTY NKG_LIBRARY_PARTS)
  set(install_links "")
  set(pc_requires "")
  set(find_lines "")
  foreach(part IN LISTS parts)
    target_sources(nkg_library PRIVATE "$<TARGET_OBJECTS:${part}>")
    get_target_property(deps ${part} INTERFACE_LINK_LIBRARIES)
    if(NOT deps)
      continue()
    endif()
    foreach(dep IN LISTS deps)
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
      if(dep IN_LIST parts OR dep STREQUAL "nkg_warnings")
        continue()
      endif()
      string(MAKE_C_IDENTIFIER "${dep}" id)
      get_property(known GLOBAL PROPERTY NKG_DEP_KNOWN_${id})
      if(NOT known)
        message(FATAL_ERROR
          "${part} links '${dep}', which the installed package does not know: add "
          "nkg_package_dep(${dep} ...) to cmake/install.cmake (or make '${dep}' with nkg_stage)")
      endif()
      get_property(install_target GLOBAL PROPERTY NKG_DEP_TARGET_${id})
      get_property(pc GLOBAL PROPERTY NKG_DEP_PC_${id})
      get_property(find GLOBAL PROPERTY NKG_DEP_FIND_${id})
      list(APPEND install_links ${install_target})
      list(APPEND pc_requires ${pc})
      if(find)
        list(APPEND find_lines "${find}")
      endif()
    endforeach()
  endforeach()
  foreach(var install_links pc_requires find_lines)
    list(REMOVE_DUPLICATES ${var})
  endforeach()
  # Only the installed target carries link dependencies: in the build tree, code links the
  # stages themselves (some imported targets, like CURL::libcurl, are not visible up here).
  foreach(dep IN LISTS install_links)
    target_link_libraries(nkg_library INTERFACE "$<INSTALL_INTERFACE:${dep}>")
  endforeach()

  list(JOIN find_lines "\n" NKG_FIND_DEPENDENCIES)
  list(JOIN pc_requires " " NKG_PC_REQUIRES)
  set(cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/newskg")
  configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/newskgConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/package/newskgConfig.cmake" INSTALL_DESTINATION "${cmake_dir}"
    PATH_VARS CMAKE_INSTALL_DATADIR)
  # 0.x: a minor version may break the API, so only the same minor version is compatible.
  write_basic_package_version_file("${PROJECT_BINARY_DIR}/package/newskgConfigVersion.cmake"
    COMPATIBILITY SameMinorVersion)
  file(RELATIVE_PATH NKG_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
  string(REGEX REPLACE "/$" "" NKG_PC_TO_PREFIX "${NKG_PC_TO_PREFIX}")
  configure_file("${PROJECT_SOURCE_DIR}/cmake/newskg.pc.in" "${PROJECT_BINARY_DIR}/package/newskg.pc"
    @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/package/newskgConfig.cmake"
                "${PROJECT_BINARY_DIR}/package/newskgConfigVersion.cmake"
          DESTINATION "${cmake_dir}" COMPONENT development)
  install(FILES "${PROJECT_BINARY_DIR}/package/newskg.pc"
          DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT development)
endfunction()
cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL nkg_finish_library)

install(TARGETS newskg RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)
install(TARGETS nkg_library EXPORT newskgTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT development)
install(EXPORT newskgTargets NAMESPACE newskg:: FILE newskgTargets.cmake
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/newskg" COMPONENT development)
# The public headers: newskg.hpp and core/, the only headers it includes (core/ includes only
# itself and the standard library).
install(FILES "${PROJECT_SOURCE_DIR}/src/newskg.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/newskg" COMPONENT development)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/src/core/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/newskg/core" COMPONENT development
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_SOURCE_DIR}/ontology/newskg.ttl" "${PROJECT_SOURCE_DIR}/ontology/shapes.ttl"
              "${PROJECT_SOURCE_DIR}/ontology/context.jsonld"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/newskg" COMPONENT runtime)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/CHANGELOG.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT runtime)
install(FILES "${PROJECT_SOURCE_DIR}/ontology/README.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME ontology.md COMPONENT runtime)

# The man page, generated from the tool's own --help at build time.
find_program(NKG_HELP2MAN help2man REQUIRED)  # Debian help2man, from scripts/install-deps.sh
add_custom_command(
  OUTPUT "${PROJECT_BINARY_DIR}/newskg.1"
  COMMAND "${CMAKE_COMMAND}" "-DNEWSKG=$<TARGET_FILE:newskg>" "-DHELP2MAN=${NKG_HELP2MAN}"
          "-DOUT=${PROJECT_BINARY_DIR}/newskg.1" -P "${PROJECT_SOURCE_DIR}/cmake/man_page.cmake"
  DEPENDS newskg "${PROJECT_SOURCE_DIR}/cmake/man_page.cmake"
  COMMENT "Writing the man page newskg.1 (help2man)"
  VERBATIM)
add_custom_target(nkg_man_page ALL DEPENDS "${PROJECT_BINARY_DIR}/newskg.1")
install(FILES "${PROJECT_BINARY_DIR}/newskg.1"
  DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT runtime)
