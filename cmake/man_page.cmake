# Writes the man page newskg.1 with help2man (Debian help2man, scripts/install-deps.sh): the
# synopsis and options from `newskg --help`, and a COMMANDS section with `newskg SUB --help` for
# every subcommand that `newskg --help` lists, so the page follows the command line as it grows.
#   cmake -DNEWSKG=path/to/newskg -DHELP2MAN=path/to/help2man -DOUT=newskg.1 -P man_page.cmake
foreach(var NEWSKG HELP2MAN OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "man_page.cmake: -D${var}=... is required")
  endif()
endforeach()

execute_process(COMMAND "${NEWSKG}" --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "man_page.cmake: '${NEWSKG} --help' exited with ${rc}")
endif()

# CLI11 lists subcommands as "  name   description" lines under "Subcommands:".
string(REGEX MATCH "\nSubcommands:\n(  [^\n]*\n)+" block "${help}")
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" names "${block}")
set(subcommands "")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  list(APPEND subcommands "${name}")
endforeach()
if(NOT subcommands)
  message(FATAL_ERROR "man_page.cmake: no 'Subcommands:' list in '${NEWSKG} --help'; "
                      "the man page needs one (CLI11's help format)")
endif()

# roff-escapes help text for a no-fill block: backslashes, leading dots and quotes, hyphens.
function(nkg_roff_escape out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(include_file "${OUT}.h2m")
file(WRITE "${include_file}" "[COMMANDS]\n")
foreach(sub IN LISTS subcommands)
  execute_process(COMMAND "${NEWSKG}" ${sub} --help OUTPUT_VARIABLE sub_help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "man_page.cmake: '${NEWSKG} ${sub} --help' exited with ${rc}")
  endif()
  # The exit codes are the same for every subcommand; the page lists them once.
  string(REGEX REPLACE "\nExit codes:\n.*$" "\n" sub_help "${sub_help}")
  string(STRIP "${sub_help}" sub_help)
  nkg_roff_escape(sub_help "${sub_help}")
  file(APPEND "${include_file}" ".SS \"newskg ${sub}\"\n.nf\n${sub_help}\n.fi\n")
endforeach()
file(APPEND "${include_file}"
  "[SEE ALSO]\n"
  "The ontology, the SHACL shapes and the JSON\\-LD context are installed in\n"
  ".IR share/newskg/ ;\n"
  "the library is described in the README (\"Installing the library\").\n")

execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1
          "--name=turn news articles into an RDF knowledge graph"
          "--include=${include_file}" "--output=${OUT}.tmp" "${NEWSKG}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "man_page.cmake: help2man exited with ${rc}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
