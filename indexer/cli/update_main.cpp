// The command line of `newsdesk-index --update`.
#include "indexer/cli/update_main.h"

#include <iostream>

#include <cxxopts.hpp>
#include <xapian.h>

#include "common/db/database.h"
#include "common/error.h"
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

}  // namespace

int update_main(int argc, char** argv) {
    cxxopts::Options opts("newsdesk-index --update", kDescription);
    opts.positional_help("PATH...");
    // clang-format off
    opts.add_options()
        ("update", "incremental update (this mode)")
        ("db", "database directory, sharded collection or stub file", cxxopts::value<std::string>()->default_value(""), "DB")
        ("shard-by", "start a new --db as a sharded collection: year, month or hash:N "
         "(see newsdesk-index --help); an existing collection keeps its scheme",
         cxxopts::value<std::string>()->default_value(""), "SCHEME")
        ("close-after", "sharded by time: compact a shard once, this many days after its year or "
         "month ended (a shard written to later is compacted again)", cxxopts::value<double>(), "DAYS")
        ("retain", "sharded by time: keep the newest N shards, drop older ones (their directories "
         "go at the next run)", cxxopts::value<unsigned>(), "N")
        ("allow-empty-source", "the input directory DIR may hold no files: its articles are then "
         "deleted (repeat for more)", cxxopts::value<std::string>(), "DIR")
        ("wait", "wait up to this long for another writer to finish",
         cxxopts::value<double>()->default_value("0"), "SECONDS")
        ("no-entities", "skip quote and entity extraction")
        ("no-spelling", "feed no \"did you mean\" data")
        ("threads", "worker threads (0 = one per core)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("batch", "commit every N changed articles (or sooner, see --batch-mb)",
         cxxopts::value<std::size_t>()->default_value("10000"), "N")
        ("batch-mb", "commit once the uncommitted changes reach about this much memory "
                     "(Xapian's batch maps are faster small: 16 beat 64 in paired runs)",
         cxxopts::value<std::size_t>()->default_value("16"), "MB")
        ("max-file-size", "fail files larger than this (JSON Lines, feeds: one line or item)",
         cxxopts::value<std::size_t>()->default_value("64"), "MB")
        ("q,quiet", "no summary line; errors are still printed")
        ("h,help", "show this help")
        ("paths", "files or directories", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    opts.parse_positional({"paths"});
    cxxopts::ParseResult args;
    try {
        args = opts.parse(argc, argv);
    } catch (const cxxopts::exceptions::exception& e) {
        std::cerr << "newsdesk-index: " << e.what() << "\nTry 'newsdesk-index --update --help'.\n";
        return 2;
    }
    if (args.count("help")) {
        std::cout << opts.help() << '\n';
        return 0;
    }
    if (!args.count("paths")) {
        std::cerr << "newsdesk-index: --update needs the input files or directories\n"
                     "Try 'newsdesk-index --update --help'.\n";
        return 2;
    }
    UpdateOptions options;
    options.db = resolve_db_path(args["db"].as<std::string>());
    // Every time it is given, as it came (a vector option would split a path at its commas).
    for (const auto& kv : args.arguments())
        if (kv.key() == "allow-empty-source") options.allow_empty.push_back(kv.value());
    if (const auto text = args["shard-by"].as<std::string>(); !text.empty()) {
        options.shard_by = ShardScheme::parse(text);
        if (!options.shard_by) {
            std::cerr << "newsdesk-index: --shard-by: expected year, month or hash:N (2 to 256), not '" << text
                      << "'\nTry 'newsdesk-index --update --help'.\n";
            return 2;
        }
    }
    options.wait_seconds = args["wait"].as<double>();
    if (args.count("close-after")) options.upkeep.close_after_days = args["close-after"].as<double>();
    if (args.count("retain")) {
        options.upkeep.retain = args["retain"].as<unsigned>();
        if (*options.upkeep.retain == 0) {
            std::cerr << "newsdesk-index: --retain must be at least 1\n";
            return 2;
        }
    }
    options.upkeep.today = today_in_days();
    options.spelling = args.count("no-spelling") == 0;
    options.pipeline.threads = args["threads"].as<unsigned>();
    options.pipeline.extract_entities = args.count("no-entities") == 0;
    options.pipeline.max_file_bytes = args["max-file-size"].as<std::size_t>() << 20;
    options.limits.documents = args["batch"].as<std::size_t>();
    options.limits.bytes = args["batch-mb"].as<std::size_t>() << 20;
    try {
        const auto s = run_update(args["paths"].as<std::vector<std::string>>(), options, std::cerr);
        if (!args.count("quiet"))
            std::cerr << "newsdesk-index: update " << options.db << ": " << s.added << " added, "
                      << s.updated << " updated, " << s.deleted << " deleted, " << s.unchanged
                      << " unchanged, " << s.failed << " failed files"
                      << (s.skipped ? ", " + std::to_string(s.skipped) +
                                          " skipped as not articles (README, LICENSE ...)"
                                    : "")
                      << (s.bad_items ? ", " + std::to_string(s.bad_items) + " bad items" : "")
                      << (s.truncated ? ", " + std::to_string(s.truncated) + " articles cut to " +
                                            megabytes(kMaxFieldBytes) + " a field"
                                      : "")
                      << (s.moved ? ", " + std::to_string(s.moved) + " recorded under their real path" : "")
                      << "; " << s.written_articles << " articles written, " << s.deleted_articles
                      << " deleted, " << s.kept_articles << " kept; " << s.doc_count
                      << " articles in the database";
        if (!args.count("quiet")) {
            const auto list = [](const std::vector<std::string>& names) {
                std::string out;
                for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
                return out;
            };
            if (!s.upkeep.compacted.empty()) std::cerr << "; compacted shards " << list(s.upkeep.compacted);
            if (!s.upkeep.dropped.empty()) std::cerr << "; dropped shards " << list(s.upkeep.dropped);
            std::cerr << '\n';
        }
        return s.failed || s.bad_items ? 1 : 0;
    } catch (const LockBusy& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return kExitLocked;
    } catch (const UsageError& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 2;
    } catch (const Error& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        // A full disk or a file size limit ("Error writing block 8 (No space left on
        // device)"): Xapian's commit is atomic, so readers keep the last commit.
        std::cerr << "newsdesk-index: " << options.db << ": cannot write the database ("
                  << e.get_description() << "); it keeps its last commit\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace newsdesk
