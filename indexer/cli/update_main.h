// newsdesk-index --update: the command line of the update mode (indexer/update/update.h).
#pragma once

namespace newsdesk {

// The command line of `newsdesk-index --update ...`; returns the exit status
// (0 all went in, 1 something failed, 2 usage error, kExitLocked = 75 locked).
int update_main(int argc, char** argv);

}  // namespace newsdesk
