#include "common/cli/program.h"

#include <exception>
#include <iostream>

#include <xapian.h>

#include "common/config.h"
#include "common/db/database.h"
#include "common/error.h"

namespace newsdesk::cli {

std::string_view version() { return NEWSDESK_VERSION; }

void print_version(const Program& program) { std::cout << program.name << ' ' << version() << '\n'; }

namespace {

// cxxopts puts the synopsis on the line after "Usage:"; help2man, which makes
// the man pages, finds it only on the same line ("Usage: newsdesk-search ...").
std::string help_text(std::string help) {
    if (const auto at = help.find("Usage:\n  "); at != std::string::npos) help.replace(at, 9, "Usage: ");
    return help;
}

}  // namespace

int usage_error(const Program& program, std::string_view message) {
    std::cerr << program.name << ": " << message << "\nTry '" << program.help_command << "'.\n";
    return kExitUsage;
}

int exit_status_of_current_exception(const Program& program) noexcept {
    try {
        try {
            throw;
        } catch (const UsageError& e) {
            std::cerr << program.name << ": " << e.what() << '\n';
            return kExitUsage;
        } catch (const LockBusy& e) {
            std::cerr << program.name << ": " << e.what() << '\n';
            return kExitLocked;
        } catch (const Xapian::Error& e) {
            std::cerr << program.name << ": " << e.get_description() << '\n';
            return kExitFailure;
        } catch (const std::exception& e) {  // newsdesk::Error and the standard library's
            std::cerr << program.name << ": " << e.what() << '\n';
            return kExitFailure;
        } catch (...) {
            std::cerr << program.name << ": unknown error\n";
            return kExitFailure;
        }
    } catch (...) {  // writing to stderr threw (exceptions enabled on it): the status still counts
        return kExitFailure;
    }
}

void add_standard_options(cxxopts::Options& options) {
    options.add_options()
        ("h,help", "show this help")
        ("version", "show the program's name and version");
}

void add_database_option(cxxopts::Options& options) {
    options.add_options()
        ("db", "database: a directory, a sharded collection or a stub file "
               "(default: $NEWSDESK_DB, else the configuration's; see the end)",
         cxxopts::value<std::string>()->default_value(""), "DB");
}

std::string database_option(const cxxopts::ParseResult& args) { return database_option(args["db"].as<std::string>()); }

std::string database_option(const std::string& given) { return resolve_db_path(given); }

std::string database_option_for_writing(const cxxopts::ParseResult& args) {
    const auto choice = choose_database(args["db"].as<std::string>());
    if (choice.origin == DbOrigin::builtin)
        throw UsageError("no database named: give --db DB, set NEWSDESK_DB, or put 'database = PATH' in " +
                         (choice.config_path.empty() ? config_candidates().front() : choice.config_path));
    return choice.path;
}

std::string value_error(std::string_view what, int argc, const char* const* argv) {
    // cxxopts says "Argument 'VALUE' failed to parse", quoting with ‘ ’ or ' ':
    // the value alone, not the option that was given it.
    const auto open = what.find("\u2018") != std::string_view::npos ? std::string_view("\u2018") : std::string_view("'");
    const auto close = open == "'" ? std::string_view("'") : std::string_view("\u2019");
    const auto from = what.find(open);
    const auto to = from == std::string_view::npos ? from : what.find(close, from + open.size());
    if (to == std::string_view::npos) return std::string(what);
    const std::string_view value = what.substr(from + open.size(), to - from - open.size());
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg.size() < 2 || arg[0] != '-') continue;
        std::string_view option = arg;
        if (const auto eq = arg.find('='); eq != std::string_view::npos && arg.substr(eq + 1) == value)
            option = arg.substr(0, eq);
        else if (i + 1 >= argc || argv[i + 1] != value)
            continue;
        return std::string(option) + ": cannot read '" + std::string(value) + "' as its value";
    }
    return std::string(what);
}

Parsed parse(cxxopts::Options& options, const Program& program, int argc, char** argv) {
    Parsed parsed;
    try {
        parsed.args = options.parse(argc, argv);
    } catch (const cxxopts::exceptions::incorrect_argument_type& e) {
        parsed.exit_status = usage_error(program, value_error(e.what(), argc, argv));
        return parsed;
    } catch (const cxxopts::exceptions::exception& e) {
        parsed.exit_status = usage_error(program, e.what());
        return parsed;
    }
    if (parsed.args.count("help")) {
        std::cout << help_text(options.help()) << '\n' << describe_configuration() << '\n';
        parsed.exit_status = kExitOk;
    } else if (parsed.args.count("version")) {
        print_version(program);
        parsed.exit_status = kExitOk;
    }
    return parsed;
}

}  // namespace newsdesk::cli
