// Exit codes: one enum, shown in --help and the README (STYLE §5).
#pragma once

namespace nkg::cli {

enum ExitCode : int {
  exit_ok = 0,              // everything done
  exit_documents_skipped = 1,  // done, but some documents were skipped (see messages)
  exit_usage = 2,           // bad command line
  exit_no_input = 3,        // no usable input document
  exit_output_failed = 4,   // an output file could not be written (nothing half-written is left)
  exit_store_unreachable = 5,  // load: the store could not be reached, even after retries
  exit_store_refused = 6,      // load: the store refused a request (4xx, authentication)
  exit_store_mismatch = 7,     // load: the store holds other counts than were sent
  exit_not_conforming = 8,     // validate: a graph does not conform to the SHACL shapes
  exit_serve_failed = 9,       // serve: the address could not be bound
  exit_internal = 70,       // a bug: please report it
  exit_sigint = 130,
  exit_sigterm = 143,
};

inline constexpr const char* exit_code_help =
    "Exit codes:\n"
    "  0    success\n"
    "  1    done, but some documents were skipped (each is reported)\n"
    "  2    bad command line\n"
    "  3    no usable input document\n"
    "  4    an output file could not be written (no half-written file is left)\n"
    "  5    load: the store could not be reached, even after retries\n"
    "  6    load: the store refused a request (4xx, authentication)\n"
    "  7    load: the store holds other triple counts than were sent, or adding blank nodes to\n"
    "       a graph that holds triples was refused (use --replace)\n"
    "  8    validate: a graph does not conform to the SHACL shapes (each violation is listed)\n"
    "  9    serve: the host and port could not be bound\n"
    "  70   internal error (a bug)\n"
    "  130  interrupted (SIGINT), 143 terminated (SIGTERM)\n";

}  // namespace nkg::cli
