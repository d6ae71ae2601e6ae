// One function per subcommand; cli/ is the only code that prints or picks an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace nkg::cli {

/// Adds `export` to the app; returns the action to run when it was chosen.
std::function<int()> add_export_command(CLI::App& app);

/// Adds `eval` to the app; returns the action to run when it was chosen.
std::function<int()> add_eval_command(CLI::App& app);

}  // namespace nkg::cli
