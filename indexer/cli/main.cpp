// newsdesk-index: reads articles and writes them to a Xapian database, or prints
// them as JSON Lines with --extract.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include "common/db/collection.h"
#include "common/db/database.h"
#include "common/error.h"
#include "indexer/cli/update_main.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/input.h"
#include "indexer/update/manifest_recorder.h"
#include "indexer/update/update.h"
#include "indexer/write/collection_upkeep.h"
#include "indexer/write/index_writer.h"
#include "indexer/write/pipeline.h"
#include "indexer/write/sharded_build.h"
#include "indexer/write/writer_lock.h"

namespace {

constexpr const char* kDescription = R"(Reads news articles and indexes them into a Xapian database.

Inputs are files or directories (searched recursively, passing over hidden
files and a project's README, LICENSE and similar files). The format is detected
from the content: HTML pages, plain-text articles, NITF and NewsML-G2 XML,
RSS/Atom feeds (one article per item), JSON Lines (one article per line with
url, title, date, text). Files ending in .gz are decompressed.

Re-indexing a file replaces its articles (the id is the URL, else the file's
real path, with #N for the Nth item of a feed: every spelling of a path, and a
symlink to the file, is the same file).
Large JSON Lines files and RSS/Atom feeds are read in chunks of lines or items,
no text field of an article keeps more than 1 MB (a longer one is cut there, and
said so on stderr and as "truncated" in the record), and the database is
committed every --batch articles or --batch-mb of pending changes, so memory
stays bounded whatever the input size.
A file that cannot be read is reported as "PATH: reason" and skipped.

Sharding: --shard-by year|month|hash:N writes a collection, a directory of
shards (one database per year, month, or N by id) named by a Xapian stub,
DIR/XAPIANDB, which newsdesk-search, the CGI and xapian-tcpsrv open like any
database (docs/deployment.md). Later runs, and --update, write each article to
its shard and touch no other.

Examples:
  newsdesk-index corpus/                      index into var/newsdesk.db
  newsdesk-index --db var/news --shard-by year corpus/   one shard per year
  newsdesk-index --db /srv/news.db feeds/*.xml
  newsdesk-index --extract article.html       print fields and entities as JSON

Database: --db, else $NEWSDESK_DB, else var/newsdesk.db. One writer at a time:
the run holds the flock on DB.lock that --update and scripts/newsdesk-nightly
take, and a second writer exits with status 75 (or waits up to --wait SECONDS).
Exit status: 0 all files indexed, 1 some file failed or the database could not
be written, 2 usage error, 75 another run holds the lock (after --wait).)";

struct Summary {
    std::size_t files = 0, indexed = 0, articles = 0, failed = 0, item_errors = 0, truncated = 0;
};

class Progress {
  public:
    Progress(std::size_t total, bool enabled) : m_total(total), m_enabled(enabled) {}
    void update(std::size_t done, std::size_t articles) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (done != m_total && now - m_last < std::chrono::milliseconds(200)) return;
        m_last = now;
        const double secs = std::chrono::duration<double>(now - m_start).count();
        std::fprintf(stderr, "\r%zu/%zu files (%zu%%), %zu articles, %.0f articles/s  ", done, m_total,
                     m_total ? done * 100 / m_total : 100, articles, secs > 0 ? articles / secs : 0.0);
        if (done == m_total) std::fputc('\n', stderr);
    }

  private:
    std::size_t m_total;
    bool m_enabled;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now(), m_last;
};

int run(const cxxopts::ParseResult& args) {
    const auto paths = args["paths"].as<std::vector<std::string>>();
    const bool extract = args.count("extract") > 0;
    const bool quiet = args.count("quiet") > 0;

    newsdesk::PipelineOptions options;
    options.threads = args["threads"].as<unsigned>();
    options.extract_entities = args.count("no-entities") == 0;
    options.build_documents = !extract;
    options.max_file_bytes = args["max-file-size"].as<std::size_t>() << 20;

    Summary summary;
    std::vector<std::string> input_errors;
    std::vector<std::filesystem::path> not_articles;
    const auto files = newsdesk::collect_inputs(paths, &input_errors, &not_articles);
    for (const auto& e : input_errors) std::cerr << e << '\n';
    summary.failed += input_errors.size();
    summary.files = files.size() + input_errors.size();

    std::optional<newsdesk::WriterLock> lock;
    std::optional<newsdesk::IndexWriter> writer;
    std::optional<newsdesk::ShardedBuild> sharded;
    std::optional<newsdesk::ManifestRecorder> recorder;  // what the next --update needs
    std::string target;
    const std::string shard_by = args["shard-by"].as<std::string>();
    if (!extract) {
        const auto db = newsdesk::resolve_db_path(args["db"].as<std::string>());
        lock.emplace(db, args["wait"].as<double>());
        newsdesk::BatchLimits limits;
        limits.documents = args["batch"].as<std::size_t>();
        limits.bytes = args["batch-mb"].as<std::size_t>() << 20;
        // A new database is written by one lane per worker thread and merged at the end.
        const unsigned lanes = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        const bool spelling = args.count("no-spelling") == 0;
        // The nightly job's live stub names the collection to write.
        target = newsdesk::resolve_write_target(db);
        if (!shard_by.empty() || newsdesk::is_collection(target)) {
            const auto scheme = shard_by.empty() ? newsdesk::ShardedBuild::scheme_of(target)
                                                 : newsdesk::ShardScheme::parse(shard_by);
            if (!scheme) throw newsdesk::UsageError("--shard-by: expected year, month or hash:N (2 to 256), not '" + shard_by + "'");
            sharded.emplace(target, *scheme, limits, spelling, lanes);
        } else {
            writer.emplace(db, limits, spelling, lanes);
        }
        recorder.emplace(files);
    }

    Progress progress(files.size(), !quiet && isatty(STDERR_FILENO));
    std::size_t done = 0;
    bool file_failed = false;  // some chunk of the current (streamed) file failed
    newsdesk::run_pipeline(files, options, [&](newsdesk::FileResult&& result) {
        for (const auto& e : result.errors) std::cerr << e << '\n';
        for (const auto& n : result.notes) std::cerr << n << '\n';
        summary.truncated += result.notes.size();
        if (recorder) recorder->add(result);  // before its documents are handed on
        file_failed = file_failed || result.failed;
        if (!result.more) {
            ++(file_failed ? summary.failed : summary.indexed);
            file_failed = false;
        }
        if (!result.failed) {
            summary.item_errors += result.errors.size();
            summary.articles += result.articles.size();
            if (extract) {
                for (const auto& article : result.articles)
                    std::cout << newsdesk::to_json(article).dump(-1, ' ', false,
                                                                 nlohmann::json::error_handler_t::replace)
                              << '\n';
            } else if (sharded) {
                sharded->add(result.articles, std::move(result.documents), result.document_bytes,
                             std::move(result.spelling_words));
            } else {
                writer->add_accounted(result.articles, std::move(result.documents), result.document_bytes,
                                      std::move(result.spelling_words));
            }
        }
        if (!result.more) ++done;
        progress.update(done, summary.articles);
    });
    std::string holds;  // "database DB holds N articles", for the summary
    if (writer) {
        writer->finish();
        holds = ", database " + writer->path() + " holds " + std::to_string(writer->doc_count()) + " articles";
        writer.reset();  // lets go of the database, for the recorder
    }
    if (sharded) {
        sharded->finish();
        holds = ", collection " + sharded->path() + " holds " + std::to_string(sharded->doc_count()) + " articles";
        target = newsdesk::control_path(sharded->path());
        sharded.reset();
    }
    if (recorder) recorder->write(target);
    std::cout.flush();

    if (!quiet)
        std::cerr << "newsdesk-index: " << summary.files << " files: " << summary.indexed << " read ("
                  << summary.articles << " articles" << (extract ? "" : " indexed") << "), "
                  << summary.failed << " failed"
                  << (not_articles.empty() ? ""
                                           : ", " + std::to_string(not_articles.size()) +
                                                 " skipped as not articles (README, LICENSE ...)")
                  << (summary.item_errors ? ", " + std::to_string(summary.item_errors) + " bad items" : "")
                  << (summary.truncated ? ", " + std::to_string(summary.truncated) + " articles cut to " +
                                              newsdesk::megabytes(newsdesk::kMaxFieldBytes) + " a field"
                                        : "")
                  << holds << '\n';
    return summary.failed || summary.item_errors ? 1 : 0;
}

}  // namespace

// newsdesk-index --compact FROM TO: a compacted copy of a database or a whole
// collection (the nightly rebuild's last step before the swap).
int compact_main(int argc, char** argv) {
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) != "--compact") paths.emplace_back(argv[i]);
    if (paths.size() != 2 || paths[0].starts_with("-") || paths[1].starts_with("-")) {
        std::cerr << "newsdesk-index: usage: newsdesk-index --compact FROM TO\n"
                     "  writes a compacted copy of the database or sharded collection FROM at TO\n";
        return 2;
    }
    try {
        newsdesk::compact_database(paths[0], paths[1], std::max(1u, std::thread::hardware_concurrency()));
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 1;
    }
}

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--update") return newsdesk::update_main(argc, argv);
        if (std::string_view(argv[i]) == "--compact") return compact_main(argc, argv);
    }
    cxxopts::Options opts("newsdesk-index", kDescription);
    opts.positional_help("PATH...");
    opts.add_options()
        ("db", "database directory (or sharded collection)", cxxopts::value<std::string>()->default_value(""), "DIR")
        ("shard-by", "split a new --db into shards: year, month (by article date; undated "
         "articles go to shard 'undated') or hash:N (N shards by a hash of the id); an existing "
         "collection keeps its scheme", cxxopts::value<std::string>()->default_value(""), "SCHEME")
        ("extract", "print each article as JSON Lines on stdout; write no database")
        ("update", "incremental update; see newsdesk-index --update --help")
        ("compact", "newsdesk-index --compact FROM TO: a compacted copy of a database or collection")
        ("wait", "wait up to this long for another writer to finish",
         cxxopts::value<double>()->default_value("0"), "SECONDS")
        ("no-entities", "skip quote and entity extraction (faster; for benchmarks)")
        ("no-spelling", "build no spelling data (no \"did you mean\" suggestions; smaller, faster)")
        ("threads", "worker threads; a new database is also written by this many lanes, merged at the end (0 = one per core)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("batch", "commit every N articles (or sooner, see --batch-mb)",
         cxxopts::value<std::size_t>()->default_value("10000"), "N")
        ("batch-mb", "commit once the uncommitted changes reach about this much memory "
                     "(Xapian's batch maps are faster small: 16 beat 64 in paired runs)",
         cxxopts::value<std::size_t>()->default_value("16"), "MB")
        ("max-file-size", "fail files larger than this (after decompression); JSON Lines "
         "files and feeds are streamed, so for them it limits one line (skipped) or item",
         cxxopts::value<std::size_t>()->default_value("64"), "MB")
        ("q,quiet", "no progress line and no summary; errors are still printed")
        ("h,help", "show this help")
        ("paths", "files or directories", cxxopts::value<std::vector<std::string>>());
    opts.parse_positional({"paths"});
    cxxopts::ParseResult args;
    try {
        args = opts.parse(argc, argv);
    } catch (const cxxopts::exceptions::exception& e) {
        std::cerr << "newsdesk-index: " << e.what() << "\nTry 'newsdesk-index --help'.\n";
        return 2;
    }
    if (args.count("help")) {
        std::cout << opts.help() << '\n';
        return 0;
    }
    if (!args.count("paths")) {
        std::cerr << "newsdesk-index: no input files or directories given\nTry 'newsdesk-index --help'.\n";
        return 2;
    }
    try {
        return run(args);
    } catch (const newsdesk::LockBusy& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return newsdesk::kExitLocked;
    } catch (const newsdesk::UsageError& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 2;
    } catch (const newsdesk::Error& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdesk-index: " << e.get_description() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "newsdesk-index: " << e.what() << '\n';
        return 1;
    }
}
