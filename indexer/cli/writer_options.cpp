#include "indexer/cli/writer_options.h"

#include "common/cli/program.h"
#include "common/error.h"

namespace newsdesk {

void add_writer_options(cxxopts::Options& options) {
    cli::add_database_option(options);
    options.positional_help("PATH...");
    // clang-format off
    options.add_options()
        ("shard-by", "split a new --db into shards: year, month (by article date; undated "
         "articles go to shard 'undated') or hash:N (N shards by a hash of the id); an existing "
         "collection keeps its scheme", cxxopts::value<std::string>()->default_value(""), "SCHEME")
        ("wait", "wait up to this long for another writer to finish",
         cxxopts::value<double>()->default_value("0"), "SECONDS")
        ("no-entities", "skip quote and entity extraction (faster; for benchmarks)")
        ("no-spelling", "build no spelling data (no \"did you mean\" suggestions; smaller, faster)")
        ("threads", "worker threads; a new database is also written by this many lanes, merged "
         "at the end (0 = one per core)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("batch", "commit every N articles written (or sooner, see --batch-mb)",
         cxxopts::value<std::size_t>()->default_value("10000"), "N")
        ("batch-mb", "commit once the uncommitted changes reach about this much memory "
         "(Xapian's batch maps are faster small: 16 beat 64 in paired runs); the spelling "
         "words wait across commits for as much again of their own",
         cxxopts::value<std::size_t>()->default_value("16"), "MB")
        ("part", "a new database or collection is written by its lanes as parts of at most N "
         "articles each, merged at the end: commits into small databases write far less",
         cxxopts::value<std::size_t>()->default_value("10000"), "N")
        ("max-file-size", "fail files larger than this (after decompression); JSON Lines "
         "files and feeds are streamed, so for them it limits one line (skipped) or item",
         cxxopts::value<std::size_t>()->default_value("64"), "MB")
        ("q,quiet", "no progress line and no summary; errors are still printed")
        ("paths", "files or directories", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    options.parse_positional({"paths"});
}

WriterSettings writer_settings(const cxxopts::ParseResult& args) {
    WriterSettings s;
    if (args.count("paths")) s.paths = args["paths"].as<std::vector<std::string>>();
    if (const auto text = args["shard-by"].as<std::string>(); !text.empty()) {
        s.shard_by = ShardScheme::parse(text);
        if (!s.shard_by)
            throw UsageError("--shard-by: expected year, month or hash:N (2 to 256), not '" + text + "'");
    }
    s.wait_seconds = args["wait"].as<double>();
    s.spelling = args.count("no-spelling") == 0;
    s.pipeline.threads = args["threads"].as<unsigned>();
    s.pipeline.extract_entities = args.count("no-entities") == 0;
    s.pipeline.max_file_bytes = args["max-file-size"].as<std::size_t>() << 20;
    s.limits.documents = args["batch"].as<std::size_t>();
    s.limits.bytes = args["batch-mb"].as<std::size_t>() << 20;
    s.limits.part_documents = args["part"].as<std::size_t>();
    if (s.limits.part_documents == 0) throw UsageError("--part: expected a number of articles above 0");
    s.quiet = args.count("quiet") > 0;
    // Last, so a bad value above is the error a user sees first; --extract
    // writes no database, so it needs none named.
    if (!args.count("extract")) s.db = cli::database_option_for_writing(args);
    return s;
}

}  // namespace newsdesk
