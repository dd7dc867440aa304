// newsdesk-index: reads articles and writes them to a Xapian database, or prints
// them as JSON Lines with --extract.
#include <unistd.h>

#include <chrono>
#include <functional>
#include <cstdio>
#include <iostream>
#include <thread>

#include <cxxopts.hpp>

#include "common/cli/program.h"
#include "common/db/collection.h"
#include "common/db/database.h"
#include "common/db/open_files.h"
#include "common/db/facet_column.h"
#include "common/error.h"
#include "indexer/cli/update_main.h"
#include "indexer/cli/writer_options.h"
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
  newsdesk-index --db var/newsdesk.db corpus/   index the bundled corpus
  newsdesk-index --db var/news --shard-by year corpus/   one shard per year
  newsdesk-index --db /srv/news.db feeds/*.xml
  newsdesk-index --extract article.html       print fields and entities as JSON

A database is written only where --db, $NEWSDESK_DB or the configuration's
'database = PATH' says (see the end), never by default. One writer at a time:
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

const newsdesk::cli::Program kProgram{"newsdesk-index", "newsdesk-index --help"};

int run(const newsdesk::WriterSettings& settings, bool extract) {
    newsdesk::PipelineOptions options = settings.pipeline;
    options.build_documents = !extract;
    // What the manifest recorder (below) notes, computed by the workers.
    options.manifest_items = options.file_hashes = !extract;

    Summary summary;
    std::vector<std::string> input_errors;
    std::vector<std::filesystem::path> not_articles;
    const auto files = newsdesk::collect_inputs(settings.paths, &input_errors, &not_articles);
    for (const auto& e : input_errors) std::cerr << e << '\n';
    summary.failed += input_errors.size();
    summary.files = files.size() + input_errors.size();

    std::optional<newsdesk::WriterLock> lock;
    std::optional<newsdesk::IndexWriter> writer;
    std::optional<newsdesk::ShardedBuild> sharded;
    std::optional<newsdesk::ManifestRecorder> recorder;  // what the next --update needs
    std::string target;
    if (!extract) {
        const auto& db = settings.db;
        lock.emplace(db, settings.wait_seconds);
        // A new database is written by one lane per worker thread and merged at the end.
        const unsigned lanes = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        // The nightly job's live stub names the collection to write.
        target = newsdesk::resolve_write_target(db);
        if (settings.shard_by || newsdesk::is_collection(target)) {
            const auto scheme = settings.shard_by ? settings.shard_by : newsdesk::ShardedBuild::scheme_of(target);
            if (!scheme) throw newsdesk::UsageError("--shard-by: expected year, month or hash:N (2 to 256)");
            sharded.emplace(target, *scheme, settings.limits, settings.spelling, lanes);
        } else {
            writer.emplace(db, settings.limits, settings.spelling, lanes);
        }
        recorder.emplace(files);
    }

    Progress progress(files.size(), !settings.quiet && isatty(STDERR_FILENO));
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
                for (const auto& article : result.articles) std::cout << newsdesk::stored_record(article).line << '\n';
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
    const bool sharded_build = sharded.has_value();
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
    // After the last commit (the manifest's): the facet column of this revision.
    // (A collection is searched as several databases, which count without one.)
    if (!extract && !sharded_build) newsdesk::refresh_facet_column(target);
    std::cout.flush();

    if (!settings.quiet)
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

// A mode of newsdesk-index that takes a fixed number of paths and nothing
// else (--compact FROM TO, --facet-column DB): its options parsed as every
// program's, `action` run on the paths, errors mapped to exit codes.
struct PathMode {
    const char* option;       // "compact"
    const char* description;  // for --help
    const char* paths;        // "FROM TO"
    std::size_t count;
    const char* usage;  // the usage error when the count is wrong
};

int run_path_mode(const PathMode& mode, int argc, char** argv,
                  const std::function<void(const std::vector<std::string>&)>& action) {
    const std::string name = std::string("newsdesk-index --") + mode.option;
    const newsdesk::cli::Program program{"newsdesk-index", name + " --help"};
    cxxopts::Options opts(name, mode.description);
    opts.positional_help(mode.paths);
    opts.add_options()
        (mode.option, std::string(mode.option) + " (this mode)")
        ("paths", mode.paths, cxxopts::value<std::vector<std::string>>());
    opts.parse_positional({"paths"});
    newsdesk::cli::add_standard_options(opts);
    const auto parsed = newsdesk::cli::parse(opts, program, argc, argv);
    if (parsed.exit_status) return *parsed.exit_status;
    const auto paths = parsed.args.count("paths") ? parsed.args["paths"].as<std::vector<std::string>>()
                                                  : std::vector<std::string>{};
    if (paths.size() != mode.count) return newsdesk::cli::usage_error(program, mode.usage);
    try {
        action(paths);
        return 0;
    } catch (...) {
        return newsdesk::cli::exit_status_of_current_exception(program);
    }
}

// newsdesk-index --compact FROM TO: a compacted copy of a database or a whole
// collection (the nightly rebuild's last step before the swap).
int compact_main(int argc, char** argv) {
    const PathMode mode{"compact",
                        "Writes a compacted copy of the database or sharded collection FROM at TO\n"
                        "(the nightly rebuild's last step before the swap).\n\n"
                        "Exit status: 0 written, 1 failure, 2 usage error.",
                        "FROM TO", 2, "--compact takes two paths, FROM and TO"};
    return run_path_mode(mode, argc, argv, [](const std::vector<std::string>& paths) {
        newsdesk::compact_database(paths[0], paths[1], std::max(1u, std::thread::hardware_concurrency()));
        newsdesk::refresh_facet_column(paths[1]);  // the copy is another database: its own column
    });
}

// newsdesk-index --facet-column DB: writes DB's facet column
// (common/db/facet_column.h) for its current revision, for a database written
// by an older indexer, restored from a backup or copied by xapian-compact.
int facet_column_main(int argc, char** argv) {
    const PathMode mode{"facet-column",
                        "Writes the facet column of the database DB (a directory) for its current\n"
                        "revision, from which searches count facets; the indexer writes it after\n"
                        "each build, update and compaction.\n\n"
                        "Exit status: 0 written, 1 failure, 2 usage error.",
                        "DB", 1, "--facet-column takes one database, DB"};
    return run_path_mode(mode, argc, argv, [](const std::vector<std::string>& paths) {
        newsdesk::check_schema(newsdesk::open_for_reading(paths[0]), paths[0]);
        if (newsdesk::is_collection(paths[0]))
            throw newsdesk::UsageError(paths[0] +
                                       ": a sharded collection has no facet column (its shards are counted as one)");
        newsdesk::write_facet_column(paths[0]);
    });
}

}  // namespace

int main(int argc, char** argv) {
    newsdesk::raise_open_file_limit();  // a build of many parts merges them at once
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--update") return newsdesk::update_main(argc, argv);
        if (std::string_view(argv[i]) == "--compact") return compact_main(argc, argv);
        if (std::string_view(argv[i]) == "--facet-column") return facet_column_main(argc, argv);
    }
    cxxopts::Options opts("newsdesk-index", kDescription);
    newsdesk::add_writer_options(opts);
    opts.add_options()
        ("extract", "print each article as JSON Lines on stdout; write no database")
        ("update", "incremental update; see newsdesk-index --update --help")
        ("compact", "newsdesk-index --compact FROM TO: a compacted copy of a database or collection")
        ("facet-column", "newsdesk-index --facet-column DB: write DB's facet column for its revision");
    newsdesk::cli::add_standard_options(opts);
    const auto parsed = newsdesk::cli::parse(opts, kProgram, argc, argv);
    if (parsed.exit_status) return *parsed.exit_status;
    if (!parsed.args.count("paths")) return newsdesk::cli::usage_error(kProgram, "no input files or directories given");
    try {
        return run(newsdesk::writer_settings(parsed.args), parsed.args.count("extract") > 0);
    } catch (...) {
        return newsdesk::cli::exit_status_of_current_exception(kProgram);
    }
}
