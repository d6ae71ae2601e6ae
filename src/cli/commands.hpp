// One function per subcommand; cli/ is the only code that prints or picks an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "core/status.hpp"
#include "publish/publish.hpp"

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

/// Adds `publish` to the app; returns the action to run when it was chosen.
std::function<int()> add_publish_command(CLI::App& app);

/// Adds `serve` to the app; returns the action to run when it was chosen.
std::function<int()> add_serve_command(CLI::App& app);

/// Reads an export folder and indexes it as a site (warnings go to stderr).
Result<publish::Site> open_site(const std::string& export_dir, const std::string& base);

/// Prints why an export could not be opened as a site; returns the exit code (2 bad --base,
/// 3 a missing, unreadable or malformed export).
int report_site_error(const Status& st);

}  // namespace nkg::cli
