// One function per subcommand; cli/ is the only code that prints or picks an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace nkg::cli {

/// Adds `export` to the app; returns the action to run when it was chosen.
std::function<int()> add_export_command(CLI::App& app);

/// Adds `merge` to the app; returns the action to run when it was chosen.
std::function<int()> add_merge_command(CLI::App& app);

/// Adds `load` to the app; returns the action to run when it was chosen.
std::function<int()> add_load_command(CLI::App& app);

/// Loads an export folder into a store (`export --load`): its graphs replaced, counts checked.
int load_export(const std::string& dir, const std::string& store, const std::string& server, bool is_quiet);

/// Adds `eval` to the app; returns the action to run when it was chosen.
std::function<int()> add_eval_command(CLI::App& app);

/// Adds `stats` to the app; returns the action to run when it was chosen.
std::function<int()> add_stats_command(CLI::App& app);

/// Adds `validate` to the app; returns the action to run when it was chosen.
std::function<int()> add_validate_command(CLI::App& app);

}  // namespace nkg::cli
