// What every newsdesk program does the same way at startup and at the end: the
// options all of them have (--help, --version, --db), parsing the command line,
// and turning an exception into one line on stderr and an exit status. Only the
// programs link this (library newsdesk_cli): cxxopts stays out of the libraries.
//
// Exit statuses: 0 success, 1 failure, 2 usage error, 75 (kExitLocked) another
// writer holds the database's lock.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <cxxopts.hpp>

namespace newsdesk::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The version CMake's project() declares ("0.1.0").
[[nodiscard]] std::string_view version();

// A program as its messages name it.
struct Program {
    std::string name;          // "newsdesk-index": the prefix of every message
    std::string help_command;  // "newsdesk-index --update --help": the hint after a usage error
};

// "PROGRAM VERSION" on stdout, the line help2man reads.
void print_version(const Program& program);

// A command line of the wrong form (an unknown option, a missing operand) on
// stderr: "PROGRAM: MESSAGE" and the hint "Try 'HELP_COMMAND'."; returns kExitUsage.
int usage_error(const Program& program, std::string_view message);

// cxxopts' message for a value its option cannot take ("Argument 'abc' failed
// to parse") said with the option given it, as `argv` spelled it ("--limit:
// cannot read 'abc' as its value"); `what` itself when no option of `argv` was
// given that value.
[[nodiscard]] std::string value_error(std::string_view what, int argc, const char* const* argv);

// Call only inside a catch block: reports the exception being handled as one line
// "PROGRAM: MESSAGE" on stderr and returns the exit status it calls for:
// UsageError (a value the program cannot use: a query, --sort sideways) 2,
// LockBusy kExitLocked, any other newsdesk::Error, Xapian::Error (its
// description) or std::exception 1.
[[nodiscard]] int exit_status_of_current_exception(const Program& program) noexcept;

// Adds -h,--help and --version to `options`.
void add_standard_options(cxxopts::Options& options);

// Adds --db DB: a database directory, a sharded collection or a stub file.
void add_database_option(cxxopts::Options& options);

// The database --db names, else $NEWSDESK_DB, else the configuration's, else the
// built-in default (common/config.h).
[[nodiscard]] std::string database_option(const cxxopts::ParseResult& args);
// The same with --db's value as given ("" when it was not).
[[nodiscard]] std::string database_option(const std::string& given);

// The same for a program that writes, which creates a database only where it was
// told to: the built-in default is a UsageError ("no database named ...").
[[nodiscard]] std::string database_option_for_writing(const cxxopts::ParseResult& args);

// The outcome of parsing a command line: the options, or the exit status when
// the program is done already (--help or --version printed, or a usage error).
struct Parsed {
    cxxopts::ParseResult args;
    std::optional<int> exit_status;
};

// Parses argv with `options` (add_standard_options first). --help prints the help,
// ending with which configuration file was read (or that none was), and --version the version on stdout (status 0); an unknown option or a bad
// value is a usage error (status 2).
[[nodiscard]] Parsed parse(cxxopts::Options& options, const Program& program, int argc, char** argv);

}  // namespace newsdesk::cli
