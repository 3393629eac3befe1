// The store's subcommands of the warta CLI: ingest, query, dyad, export.
//
// RegisterStoreCommands() adds them to the app; each runs from its CLI11 callback and
// ends the parse with its exit code (0 ok, 1 usage or store error, 2 some records
// skipped), so main() needs no other line for them.
#ifndef WARTA_TOOLS_CMD_STORE_H_
#define WARTA_TOOLS_CMD_STORE_H_

#include <string>

namespace CLI {
class App;
}

namespace warta {

// data_dir: the global --data option, read when a command runs.
void RegisterStoreCommands(CLI::App* app, const std::string* data_dir);

}  // namespace warta

#endif  // WARTA_TOOLS_CMD_STORE_H_
