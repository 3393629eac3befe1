// The `serve` subcommand of the warta CLI: the HTTP API and dashboard over a store.
//
// RegisterServeCommand() adds it to the app; it runs from its CLI11 callback and ends
// the parse with its exit code (0 after SIGINT/SIGTERM, 1 setup error).
#ifndef WARTA_TOOLS_CMD_SERVE_H_
#define WARTA_TOOLS_CMD_SERVE_H_

#include <string>

namespace CLI {
class App;
}

namespace warta {

// data_dir: the global --data option, read when the command runs.
void RegisterServeCommand(CLI::App* app, const std::string* data_dir);

}  // namespace warta

#endif  // WARTA_TOOLS_CMD_SERVE_H_
