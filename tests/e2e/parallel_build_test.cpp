// A new database built by several writer lanes and merged (indexer/write/parallel_build.h)
// holds exactly what one writer gives: the same documents, terms, spelling and
// metadata; the last version of a repeated article; nothing left beside it.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/schema.h"
#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

// Everything a search can see, by id term rather than document id (a merged
// build numbers documents lane by lane).
struct Contents {
    Xapian::doccount docs = 0;
    Xapian::totallength length = 0;
    std::map<std::string, std::pair<Xapian::doccount, Xapian::termcount>> terms;  // termfreq, collfreq
    std::map<std::string, Xapian::doccount> spelling;
    std::map<std::string, std::string> metadata;
    std::map<std::string, std::string> data;  // id term -> stored record
    std::map<std::string, std::size_t> positions;  // id term -> positions of its document
    std::map<std::string, std::map<Xapian::valueno, std::string>> values;  // id term -> its values
};

Contents contents_of(const std::string& path) {
    Xapian::Database db(path);
    Contents c;
    c.docs = db.get_doccount();
    c.length = db.get_total_length();
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
        c.terms[*t] = {t.get_termfreq(), db.get_collection_freq(*t)};
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) c.spelling[*s] = s.get_termfreq();
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) c.metadata[*k] = db.get_metadata(*k);
    const std::string id_prefix(prefix::id);
    for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
        const auto doc = db.get_document(*db.postlist_begin(*t));
        c.data[*t] = doc.get_data();
        std::size_t positions = 0;
        for (auto dt = doc.termlist_begin(); dt != doc.termlist_end(); ++dt) positions += dt.positionlist_count();
        c.positions[*t] = positions;
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) c.values[*t][v.get_valueno()] = *v;
    }
    return c;
}

std::vector<std::string> leftovers_beside(const fs::path& db) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db.parent_path())) {
        const auto name = entry.path().filename().string();
        if (name.starts_with(db.filename().string() + ".") && !name.ends_with(".lock")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// `y` holds what `x` does: documents, terms, positions, values, data,
// spelling and metadata (document ids aside).
void expect_same_contents(const Contents& x, const Contents& y, const std::string& what) {
    EXPECT_EQ(y.docs, x.docs) << what;
    EXPECT_EQ(y.length, x.length) << what;
    EXPECT_EQ(y.terms.size(), x.terms.size()) << what;
    EXPECT_TRUE(y.terms == x.terms) << what << ": term or posting counts differ";
    EXPECT_TRUE(y.spelling == x.spelling) << what << ": spelling words or frequencies differ";
    EXPECT_EQ(y.metadata, x.metadata) << what;
    EXPECT_TRUE(y.data == x.data) << what << ": stored records differ";
    EXPECT_TRUE(y.positions == x.positions) << what << ": positional data differs";
    EXPECT_TRUE(y.values == x.values) << what << ": values differ";
}

// Three lanes, and two lanes writing parts of 7 articles each, merged at the
// end (indexer/write/part_set.h), give what one writer gives.
TEST(ParallelBuild, AFreshDatabaseBuiltByLanesOrInPartsHoldsWhatOneWriterWrites) {
    TempDir dir;
    const auto one = dir / "one";
    const auto a = run({kIndex, "--quiet", "--threads", "1", "--db", one.string(), kCorpus});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto x = contents_of(one.string());
    ASSERT_EQ(x.docs, 299u);  // the Wikinews files, the IPTC examples and the seed
    EXPECT_GT(x.spelling.size(), 1000u);
    EXPECT_EQ(x.metadata.at("newsdesk:schema"), std::string(kSchemaVersion));
    using Options = std::vector<std::string>;
    for (const auto& [name, options] : {std::pair<std::string, Options>{"three", {"--threads", "3", "--batch", "50"}},
                                        {"parted", {"--threads", "2", "--part", "7"}}}) {
        const auto db = dir / name;
        std::vector<std::string> argv{kIndex, "--quiet", "--db", db.string(), kCorpus};
        argv.insert(argv.begin() + 2, options.begin(), options.end());
        const auto b = run(argv);
        ASSERT_EQ(b.exit_code, 0) << name << ": " << b.err;
        expect_same_contents(x, contents_of(db.string()), name);
        EXPECT_TRUE(leftovers_beside(db).empty()) << leftovers_beside(db).front();
    }
}

// A new collection's shards are written in parts too: parts of 7 articles
// give what one part a shard gives, shard by shard, and what one writer gives.
TEST(PartedBuild, ACollectionInPartsOfSevenArticlesHoldsWhatOnePartAShardHolds) {
    TempDir dir;
    const auto one = dir / "one";
    ASSERT_EQ(run({kIndex, "--quiet", "--threads", "1", "--db", one.string(), kCorpus}).exit_code, 0);
    const auto x = contents_of(one.string());
    const auto whole = dir / "whole", sharded = dir / "sharded";
    for (const auto& [db, part] : {std::pair{whole, "1000000"}, std::pair{sharded, "7"}}) {
        const auto r = run({kIndex, "--quiet", "--threads", "2", "--shard-by", "hash:3", "--part", part, "--db",
                            db.string(), kCorpus});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(leftovers_beside(db).empty()) << leftovers_beside(db).front();
    }
    const auto w = contents_of(whole.string()), s = contents_of(sharded.string());
    ASSERT_EQ(w.docs, 299u);
    EXPECT_TRUE(w.terms == x.terms) << "the collection's terms differ from one writer's";
    EXPECT_TRUE(w.spelling == x.spelling) << "the collection's spelling differs from one writer's";
    expect_same_contents(w, s, "a collection in parts of 7");
    for (const auto& shard : fs::directory_iterator(sharded / "shards")) {
        const auto name = shard.path().filename();
        const auto in_parts = contents_of(shard.path().string());
        const auto in_one = contents_of((whole / "shards" / name).string());
        EXPECT_EQ(in_parts.docs, in_one.docs) << name;
        EXPECT_EQ(in_parts.metadata, in_one.metadata) << name;
    }
}

// Spelling words wait across commits until they fill a batch of their own
// (indexer/write/index_writer.h): a commit after every article, with the
// words written many times over as they pass 1 MB, gives the database one
// commit at the end gives.
TEST(BatchedBuild, CommittingEveryArticleWritesTheSameDatabaseAsOneCommit) {
    TempDir dir;
    const auto once = dir / "once", often = dir / "often", lanes = dir / "lanes";
    const auto a = run({kIndex, "--quiet", "--threads", "1", "--db", once.string(), kCorpus});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto b = run({kIndex, "--quiet", "--threads", "1", "--batch", "1", "--batch-mb", "1", "--db",
                        often.string(), kCorpus});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    const auto c = run({kIndex, "--quiet", "--threads", "2", "--batch", "1", "--batch-mb", "1", "--db",
                        lanes.string(), kCorpus});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    const auto x = contents_of(once.string());
    ASSERT_EQ(x.docs, 299u);
    EXPECT_GT(x.spelling.size(), 1000u);
    for (const auto& path : {often, lanes}) {
        const auto y = contents_of(path.string());
        EXPECT_EQ(y.docs, x.docs) << path;
        EXPECT_TRUE(y.terms == x.terms) << path << ": term or posting counts differ";
        EXPECT_TRUE(y.spelling == x.spelling) << path << ": spelling words or frequencies differ";
        EXPECT_TRUE(y.data == x.data) << path << ": stored records differ";
        EXPECT_TRUE(y.positions == x.positions) << path << ": positional data differs";
    }
}

TEST(ParallelBuild, TheLastVersionOfARepeatedArticleWinsAsWithOneWriter) {
    TempDir dir;
    // Sorted walk: a.jsonl before b.jsonl, so b's version of article 7 is the last.
    std::string first, second;
    for (int i = 0; i < 40; ++i) {
        const auto url = "https://example.org/news/" + std::to_string(i);
        first += R"({"url": ")" + url + R"(", "title": "Harbour report )" + std::to_string(i) +
                 R"(", "text": "Crews counted crates on the pier at dawn."})" + "\n";
    }
    second = R"({"url": "https://example.org/news/7", "title": "Harbour report seven, corrected", )"
             R"("text": "Crews counted fewer crates than first reported."})" "\n";
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "a.jsonl", first);
    write_file(dir / "in" / "b.jsonl", second);
    for (const std::string threads : {"1", "2", "4"}) {
        const auto db = dir / ("db" + threads);
        const auto r = run({kIndex, "--quiet", "--threads", threads, "--db", db.string(), (dir / "in").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto c = contents_of(db.string());
        EXPECT_EQ(c.docs, 40u) << threads << " threads";
        const auto record = c.data.at(id_term("https://example.org/news/7"));
        EXPECT_NE(record.find("Harbour report seven, corrected"), std::string::npos) << threads << " threads";
        EXPECT_EQ(c.terms.count(std::string(prefix::body) + "fewer"), 1u) << threads << " threads";
    }
}

// An article seen again after its part was closed is deleted from that part:
// article 7 comes three times, in the first part, in a later one and in the
// last file; only its last version is left, in a database and a collection.
TEST(PartedBuild, AnArticleRepeatedInALaterPartLeavesOnlyItsLastVersion) {
    TempDir dir;
    std::string first;
    for (int i = 0; i < 60; ++i) {
        const int n = i == 45 ? 7 : i;  // the 46th line repeats article 7, parts later
        first += R"({"url": "https://example.org/news/)" + std::to_string(n) + R"(", "title": "Harbour report )" +
                 std::to_string(i) + R"(", "text": "Crews counted crates on the pier at dawn."})" + "\n";
    }
    const std::string second = R"({"url": "https://example.org/news/7", "title": "Harbour report seven, corrected", )"
                                R"("text": "Crews counted fewer crates than first reported."})" "\n";
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "a.jsonl", first);
    write_file(dir / "in" / "b.jsonl", second);
    for (const std::string shards : {"", "hash:2"}) {
        for (const std::string threads : {"1", "2", "3"}) {
            const auto db = dir / ("db" + threads + shards.substr(0, 4));
            std::vector<std::string> argv{kIndex, "--quiet", "--threads", threads, "--part", "4", "--db", db.string()};
            if (!shards.empty()) argv.insert(argv.end(), {"--shard-by", shards});
            argv.push_back((dir / "in").string());
            const auto r = run(argv);
            const auto what = threads + " threads" + (shards.empty() ? "" : ", " + shards);
            ASSERT_EQ(r.exit_code, 0) << what << ": " << r.err;
            const auto c = contents_of(db.string());
            EXPECT_EQ(c.docs, 59u) << what;
            EXPECT_EQ(c.data.size(), 59u) << what;
            const auto record = c.data.at(id_term("https://example.org/news/7"));
            EXPECT_NE(record.find("Harbour report seven, corrected"), std::string::npos) << what;
            EXPECT_EQ(c.terms.at(std::string(prefix::body) + "fewer").first, 1u) << what;
            for (const auto& [id, data] : c.data)
                EXPECT_EQ(data.find("Harbour report 45"), std::string::npos) << what << ": the middle version is left";
            EXPECT_EQ(c.terms.at(std::string(prefix::body) + "dawn").first, 58u) << what;
            EXPECT_TRUE(leftovers_beside(db).empty()) << what << ": " << leftovers_beside(db).front();
        }
    }
}

// A part for each article, under a limit of 64 open files (a read-only part
// holds five): no closed part is kept open, and the merge takes the parts in
// rounds of as many as the descriptors left allow (indexer/write/open_files.h),
// so the database and the collection hold what a build without parts holds.
TEST(PartedBuild, FarMorePartsThanOpenFilesAllowMergeIntoWhatOnePartHolds) {
    TempDir dir;
    const auto one = dir / "one", whole = dir / "whole";
    ASSERT_EQ(run({kIndex, "--quiet", "--threads", "1", "--db", one.string(), kCorpus}).exit_code, 0);
    ASSERT_EQ(run({kIndex, "--quiet", "--threads", "2", "--shard-by", "hash:2", "--part", "1000000", "--db",
                   whole.string(), kCorpus})
                  .exit_code,
              0);
    using Options = std::vector<std::string>;
    for (const auto& [name, options] :
         {std::pair<std::string, Options>{"database", {"--threads", "3"}},
          {"collection", {"--threads", "2", "--shard-by", "hash:2"}}}) {
        const auto db = dir / name;
        // The limit set in a shell that then becomes the indexer (hard and soft alike).
        std::vector<std::string> argv{"/bin/sh", "-c", "ulimit -n 64 && exec \"$@\"", "sh", kIndex, "--quiet",
                                      "--part", "1", "--db", db.string(), kCorpus};
        argv.insert(argv.begin() + 6, options.begin(), options.end());
        const auto r = run(argv);
        ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
        expect_same_contents(contents_of((name == "database" ? one : whole).string()), contents_of(db.string()), name);
        EXPECT_TRUE(leftovers_beside(db).empty()) << name << ": " << leftovers_beside(db).front();
    }
}

// A new collection of thirty monthly shards, a lane and a database each.
// Under a hard limit of 150 open files only nine shards keep their database
// open at once, the others closed between their batches and reopened by the
// next (indexer/write/lane_budget.h); under a soft limit of 64 the indexer
// raises it. Either way the collection holds what one writer holds.
TEST(PartedBuild, MoreShardsThanTheOpenFileLimitAllowsOpenAreStillWritten) {
    TempDir dir;
    const auto one = dir / "one";
    ASSERT_EQ(run({kIndex, "--quiet", "--threads", "1", "--db", one.string(), kCorpus}).exit_code, 0);
    const auto x = contents_of(one.string());
    for (const std::string limit : {"-n 150", "-Sn 64"}) {
        const auto months = dir / ("months" + std::to_string(limit.size()));
        const auto r = run({"/bin/sh", "-c", "ulimit " + limit + " && exec \"$@\"", "sh", kIndex, "--quiet",
                            "--shard-by", "month", "--db", months.string(), kCorpus});
        ASSERT_EQ(r.exit_code, 0) << limit << ": " << r.err;
        const auto m = contents_of(months.string());
        EXPECT_EQ(m.docs, x.docs) << limit;
        EXPECT_TRUE(m.terms == x.terms) << limit << ": the collection's terms differ from one writer's";
        EXPECT_TRUE(m.data == x.data) << limit << ": the collection's records differ from one writer's";
        EXPECT_TRUE(m.values == x.values) << limit << ": the collection's values differ from one writer's";
        EXPECT_GE(std::distance(fs::directory_iterator(months / "shards"), fs::directory_iterator()), 30);
    }
}

// An update writes the shards in place, each a live database: the lanes the
// budget closed between batches are not opened again, all at once, to commit
// nothing at the end.
TEST(PartedBuild, AnUpdateOfMoreShardsThanTheOpenFileLimitAllowsOpenIsWritten) {
    TempDir dir;
    const auto one = dir / "one";
    ASSERT_EQ(run({kIndex, "--quiet", "--threads", "1", "--db", one.string(), kCorpus}).exit_code, 0);
    const auto x = contents_of(one.string());
    const auto months = dir / "months";
    ASSERT_EQ(run({kIndex, "--quiet", "--shard-by", "month", "--db", months.string(), kCorpus}).exit_code, 0);
    ASSERT_GE(std::distance(fs::directory_iterator(months / "shards"), fs::directory_iterator()), 30);
    const auto r = run({"/bin/sh", "-c", "ulimit -n 150 && exec \"$@\"", "sh", kIndex, "--quiet", "--shard-by",
                        "month", "--db", months.string(), kCorpus});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto m = contents_of(months.string());
    EXPECT_EQ(m.docs, x.docs);  // every article replaced by itself, none added twice
    EXPECT_TRUE(m.data == x.data) << "the collection's records differ from one writer's";
}

TEST(ParallelBuild, AnExistingDatabaseIsUpdatedInPlaceByOneWriter) {
    TempDir dir;
    const auto db = dir / "db";
    fs::create_directories(dir / "first");
    fs::create_directories(dir / "second");
    write_file(dir / "first" / "a.jsonl",
               R"({"url": "https://example.org/a", "title": "Dockers strike", "text": "The port closed."})" "\n");
    write_file(dir / "second" / "b.jsonl",
               R"({"url": "https://example.org/b", "title": "Port reopens", "text": "Ships sailed again."})" "\n");
    ASSERT_EQ(run({kIndex, "--quiet", "--threads", "2", "--db", db.string(), (dir / "first").string()}).exit_code, 0);
    const auto r = run({kIndex, "--quiet", "--threads", "2", "--db", db.string(), (dir / "second").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto c = contents_of(db.string());
    EXPECT_EQ(c.docs, 2u);  // added to, not replaced by, the second run
    EXPECT_EQ(c.data.count(id_term("https://example.org/a")), 1u);
    EXPECT_EQ(c.data.count(id_term("https://example.org/b")), 1u);
}

TEST(ParallelBuild, PartsLeftByAKilledRunAreRemovedByTheNextBuild) {
    TempDir dir;
    const auto db = dir / "db";
    // A pid that is not running (pid_max is below 2^22 on Linux).
    const std::string dead = "4194303";
    ASSERT_NE(::kill(4194303, 0), 0);
    fs::create_directories(dir / ("db.parts-" + dead) / "part-0");
    fs::create_directories(dir / ("db.merge-" + dead));
    fs::create_directories(dir / "db.partsfile-1");  // not ours: kept
    const auto r = run({kIndex, "--quiet", "--threads", "2", "--db", db.string(), kSeed});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 1u);
    const auto left = leftovers_beside(db);
    EXPECT_EQ(left, std::vector<std::string>{"db.partsfile-1"});
}

// Stress: many small articles make the hand-over from the parsing workers to the
// writer lanes as frequent as it gets, which is where threads race. The articles
// are the sentences of the bundled Wikinews articles (real text, so extraction
// finds people, places and quotes), each under its article's headline and date,
// in a file or a JSON line of its own: news briefs.
struct Brief {
    std::string url, title, date, text;
};

std::vector<Brief> wikinews_sentences(std::size_t most) {
    std::vector<Brief> out;
    for (const auto& name : {"wikinews-2019.jsonl", "wikinews-2020-2021.jsonl"}) {
        std::ifstream in(kCorpus + "/wikinews/" + name);
        std::string line;
        while (std::getline(in, line) && out.size() < most) {
            const auto record = nlohmann::json::parse(line);
            const auto text = record.at("text").get<std::string>();
            std::size_t n = 0;
            for (std::size_t from = 0; from < text.size() && out.size() < most;) {
                auto end = text.find_first_of(".\n", from);
                end = end == std::string::npos ? text.size() : end + 1;
                const auto sentence = text.substr(from, end - from);
                from = end;
                // Sentences, not the dateline or a heading ("Friday, January 4, 2019").
                if (sentence.size() < 60) continue;
                out.push_back({record.at("url").get<std::string>() + "#" + std::to_string(++n),
                               record.at("title").get<std::string>(), record.value("date", ""), sentence});
            }
        }
    }
    return out;
}

// One plain-text file an article, a hundred to a folder: headline, date, text.
void write_text_files(const fs::path& dir, const std::vector<Brief>& briefs) {
    for (std::size_t i = 0; i < briefs.size(); ++i) {
        const auto& p = briefs[i];
        const auto folder = dir / std::to_string(i / 100);
        fs::create_directories(folder);
        write_file(folder / (std::to_string(i) + ".txt"), p.title + "\n\n" + p.date + "\n\n" + p.text + "\n");
    }
}

void write_jsonl(const fs::path& file, const std::vector<Brief>& briefs) {
    std::string lines;
    for (const auto& p : briefs)
        lines += nlohmann::json{{"url", p.url}, {"title", p.title}, {"date", p.date}, {"text", p.text}}.dump() + "\n";
    write_file(file, lines);
}

// Builds `input` with every thread count from 1 to 4, as a full index and with
// --update into a new database (as the nightly rebuild does), and expects each
// database to hold exactly what one thread wrote in the same mode.
void expect_every_thread_count_builds_the_same(const fs::path& dir, const std::string& input) {
    for (const std::string mode : {"full", "update"}) {
        Contents reference;
        for (const std::string threads : {"1", "2", "3", "4"}) {
            const auto db = dir / ("db-" + mode + "-" + threads);
            std::vector<std::string> argv{kIndex, "--quiet", "--threads", threads, "--db", db.string()};
            if (mode == "update") argv.push_back("--update");
            argv.push_back(input);
            const auto r = run(argv);
            const auto what = mode + ", " + threads + " threads";
            ASSERT_EQ(r.exit_code, 0) << what << ": " << r.err;
            auto c = contents_of(db.string());
            if (threads == "1") {
                ASSERT_GT(c.docs, 1000u) << what;
                reference = std::move(c);
                continue;
            }
            ASSERT_EQ(c.docs, reference.docs) << what;
            EXPECT_TRUE(c.terms == reference.terms) << what << ": term or posting counts differ";
            EXPECT_TRUE(c.data == reference.data) << what << ": stored records differ";
            EXPECT_TRUE(c.positions == reference.positions) << what << ": positional data differs";
            EXPECT_TRUE(c.spelling == reference.spelling) << what << ": spelling differs";
            EXPECT_TRUE(leftovers_beside(db).empty()) << what << ": " << leftovers_beside(db).front();
        }
    }
}

TEST(ParallelStress, ThousandsOfTinyFilesBuildTheSameDatabaseWithEveryThreadCount) {
    TempDir dir;
    write_text_files(dir / "tiny", wikinews_sentences(3000));
    expect_every_thread_count_builds_the_same(dir.path(), (dir / "tiny").string());
}

TEST(ParallelStress, ThousandsOfSmallJsonLinesBuildTheSameDatabaseWithEveryThreadCount) {
    TempDir dir;
    write_jsonl(dir / "items.jsonl", wikinews_sentences(3000));  // over 256 KB: streamed in chunks
    expect_every_thread_count_builds_the_same(dir.path(), (dir / "items.jsonl").string());
}

TEST(ParallelStress, TinyFilesBesideWholeArticlesFeedsAndXmlBuildTheSameDatabase) {
    TempDir dir;
    const auto mixed = dir / "mixed";
    fs::create_directories(mixed / "corpus");
    fs::copy(kCorpus, mixed / "corpus", fs::copy_options::recursive);
    const auto briefs = wikinews_sentences(1500);
    write_text_files(mixed / "tiny", {briefs.begin(), briefs.begin() + 1000});
    write_jsonl(mixed / "small.jsonl", {briefs.begin() + 1000, briefs.end()});
    expect_every_thread_count_builds_the_same(dir.path(), mixed.string());
}

}  // namespace
}  // namespace newsdesk::test
