// The command line of `newsdesk-index --update`.
#include "indexer/cli/update_main.h"

#include <iostream>

#include <cxxopts.hpp>
#include <xapian.h>

#include "common/cli/program.h"
#include "common/db/collection.h"
#include "common/db/database.h"
#include "common/db/facet_column.h"
#include "common/error.h"
#include "indexer/cli/writer_options.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/input.h"
#include "indexer/update/update.h"
#include "indexer/write/writer_lock.h"

namespace newsdesk {

namespace {

constexpr const char* kDescription =
    R"(Brings a database up to date with its input files (newsdesk-index --update).

Unchanged files cost a stat: only files whose size or mtime moved are read, and
of those only the ones whose bytes changed (a 64-bit hash) are parsed. Of a
changed feed or JSON Lines file only new or different items are written.
Articles of files that are gone from an input directory are deleted. An input
that does not exist, a directory that cannot be read and one that holds no
files to index (what an unmounted disk looks like) are errors, and their
articles are kept; --allow-empty-source DIR lets DIR be empty and its articles
go. Files in a directory that cannot be read are kept too. What was
indexed from each file is recorded in the database itself and committed with
the documents every --batch articles, so a run killed at any point leaves a
searchable index and the next run completes it without duplicates.

One writer at a time: the run holds an flock on DB.lock beside the database,
as a full newsdesk-index run does. The "did you mean" word frequencies follow
the articles: deleted and replaced articles take their words back out.
A database that cannot be written (disk full, read-only) fails the run with one
line; what was committed before stays searchable.

Examples:
  newsdesk-index --update --db /srv/news.db /srv/archive/ /srv/feeds/wire.xml
  newsdesk-index --update --wait 600 --quiet archive/     (from cron)

Summary (stderr): files added, updated, deleted, unchanged, failed, skipped as not articles.
Exit status: 0 all went in, 1 some input failed or the database could not be
written, 2 usage error, 75 another run holds the lock (after --wait).)";

// run_update, its database errors naming the database: a full disk or a file size
// limit ("Error writing block 8 (No space left on device)"). Xapian's commit is
// atomic, so readers keep the last commit.
UpdateSummary run_update_of(const std::vector<std::string>& paths, const UpdateOptions& options) {
    try {
        return run_update(paths, options, std::cerr);
    } catch (const Xapian::Error& e) {
        throw IndexError(options.db + ": cannot write the database (" + e.get_description() +
                         "); it keeps its last commit");
    }
}

void print_summary(const std::string& db, const UpdateSummary& s) {
    std::cerr << "newsdesk-index: update " << db << ": " << s.added << " added, " << s.updated << " updated, "
              << s.deleted << " deleted, " << s.unchanged << " unchanged, " << s.failed << " failed files"
              << (s.skipped ? ", " + std::to_string(s.skipped) + " skipped as not articles (README, LICENSE ...)"
                            : "")
              << (s.bad_items ? ", " + std::to_string(s.bad_items) + " bad items" : "")
              << (s.truncated ? ", " + std::to_string(s.truncated) + " articles cut to " +
                                    megabytes(kMaxFieldBytes) + " a field"
                              : "")
              << (s.moved ? ", " + std::to_string(s.moved) + " recorded under their real path" : "") << "; "
              << s.written_articles << " articles written, " << s.deleted_articles << " deleted, "
              << s.kept_articles << " kept; " << s.doc_count << " articles in the database";
    const auto list = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
        return out;
    };
    if (!s.upkeep.compacted.empty()) std::cerr << "; compacted shards " << list(s.upkeep.compacted);
    if (!s.upkeep.dropped.empty()) std::cerr << "; dropped shards " << list(s.upkeep.dropped);
    std::cerr << '\n';
}

}  // namespace

int update_main(int argc, char** argv) {
    const cli::Program program{"newsdesk-index", "newsdesk-index --update --help"};
    cxxopts::Options opts("newsdesk-index --update", kDescription);
    add_writer_options(opts);
    // clang-format off
    opts.add_options()
        ("update", "incremental update (this mode)")
        ("close-after", "sharded by time: compact a shard once, this many days after its year or "
         "month ended (a shard written to later is compacted again)", cxxopts::value<double>(), "DAYS")
        ("retain", "sharded by time: keep the newest N shards, drop older ones (their directories "
         "go at the next run)", cxxopts::value<unsigned>(), "N")
        ("allow-empty-source", "the input directory DIR may hold no files: its articles are then "
         "deleted (repeat for more)", cxxopts::value<std::string>(), "DIR");
    // clang-format on
    cli::add_standard_options(opts);
    const auto parsed = cli::parse(opts, program, argc, argv);
    if (parsed.exit_status) return *parsed.exit_status;
    const auto& args = parsed.args;
    if (!args.count("paths")) return cli::usage_error(program, "--update needs the input files or directories");
    try {
        const auto settings = writer_settings(args);
        UpdateOptions options;
        options.db = settings.db;
        options.shard_by = settings.shard_by;
        options.wait_seconds = settings.wait_seconds;
        options.spelling = settings.spelling;
        options.pipeline = settings.pipeline;
        options.limits = settings.limits;
        // Every time it is given, as it came (a vector option would split a path at its commas).
        for (const auto& kv : args.arguments())
            if (kv.key() == "allow-empty-source") options.allow_empty.push_back(kv.value());
        if (args.count("close-after")) options.upkeep.close_after_days = args["close-after"].as<double>();
        if (args.count("retain")) {
            options.upkeep.retain = args["retain"].as<unsigned>();
            if (*options.upkeep.retain == 0) throw UsageError("--retain must be at least 1");
        }
        options.upkeep.today = today_in_days();
        const auto s = run_update_of(settings.paths, options);
        refresh_facet_column(resolve_write_target(options.db));  // after its last commit
        if (!settings.quiet) print_summary(options.db, s);
        return s.failed || s.bad_items ? 1 : 0;
    } catch (...) {
        return cli::exit_status_of_current_exception(program);
    }
}

}  // namespace newsdesk
