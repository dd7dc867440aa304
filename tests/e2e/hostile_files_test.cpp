// Hostile files from the open web, end to end: the real newsdesk-index on files
// generated in a temporary folder of each test's own, under a memory limit where
// memory is the question (tests/tools/limited_run.cpp sets RLIMIT_DATA, so an
// allocation past it fails as it would on a machine without the memory, and the
// program must say so rather than be killed). What is checked is what came out:
// exit codes, messages, counts and texts; never how long it took.
#include <gtest/gtest.h>
#include <xapian.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/text.h"
#include "tests/support/e2e_support.h"
#include "tests/support/hostile_inputs.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

const std::string kLimitedRun = NEWSDESK_LIMITED_RUN_BIN;
const std::string kFixtures = NEWSDESK_FIXTURES;
constexpr std::size_t kMB = 1u << 20;

// The command prefix that limits a program's private writable memory to
// `limit` bytes. Under the sanitizers there is none: ASan maps terabytes of
// shadow memory, which RLIMIT_DATA counts; there the tests still check what the
// program says and does, and the normal build checks the memory it takes.
std::vector<std::string> memory_limit(std::size_t limit) {
#ifdef NEWSDESK_SANITIZED
    (void)limit;
    return {};
#else
    return {kLimitedRun, "--data", std::to_string(limit), "--"};
#endif
}

// newsdesk-index ARGS... with its private writable memory limited to `limit` bytes.
Run index_limited(std::size_t limit, const std::vector<std::string>& args) {
    std::vector<std::string> argv = memory_limit(limit);
    argv.push_back(kIndex);
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

// The --extract output, each line checked to be valid UTF-8 JSON.
std::vector<nlohmann::json> records(const std::string& out) {
    std::vector<nlohmann::json> result;
    for (const auto& line : lines_of(out)) {
        EXPECT_TRUE(is_valid_utf8(line)) << line;
        result.push_back(nlohmann::json::parse(line));
    }
    return result;
}

// A gzip stream of `prefix` then `copies` times `block`, made without compressing
// the whole: after a full flush deflate starts afresh on a byte boundary, so the
// bytes of one compressed block can be repeated (what pigz does in parallel).
std::string gzip_bomb(const std::string& prefix, const std::string& block, std::size_t copies) {
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
    const auto compress = [&](const std::string& data, int flush) {
        std::string out(deflateBound(&zs, data.size()) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        zs.avail_in = static_cast<uInt>(data.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        EXPECT_NE(deflate(&zs, flush), Z_STREAM_ERROR);
        out.resize(out.size() - zs.avail_out);
        return out;
    };
    const auto head = compress(prefix, Z_FULL_FLUSH), body = compress(block, Z_FULL_FLUSH);
    const auto tail = compress("", Z_FINISH);
    deflateEnd(&zs);
    uLong crc = crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(prefix.data()),
                      static_cast<uInt>(prefix.size()));
    const uLong block_crc =
        crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(block.data()),
              static_cast<uInt>(block.size()));
    std::string out("\x1F\x8B\x08\0\0\0\0\0\0\x03", 10);
    out += head;
    for (std::size_t i = 0; i < copies; ++i) {
        out += body;
        crc = crc32_combine(crc, block_crc, static_cast<z_off_t>(block.size()));
    }
    out += tail;
    const auto size = prefix.size() + block.size() * copies;
    for (int i = 0; i < 4; ++i) out += static_cast<char>((crc >> (8 * i)) & 0xFF);
    for (int i = 0; i < 4; ++i) out += static_cast<char>((size >> (8 * i)) & 0xFF);
    return out;
}

TEST(HostileFiles, AMillionItemFeedIsStreamedInBoundedMemory) {
    TempDir dir;
    const auto feed = (dir / "million.rss").string();
    {
        std::ofstream out(feed, std::ios::binary);
        out << "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Million "
               "Wire</title>\n";
        for (int i = 1; i <= 1000000; ++i)
            out << "<item><title>Item " << i << "</title><description>Text " << i
                << ".</description></item>\n";
        out << "</channel></rss>\n";
    }
    const auto size = fs::file_size(feed);
    ASSERT_GT(size, 70 * kMB);
    // 40 MB of memory for a 74 MB feed (read whole, it was refused over 64 MB; under
    // --max-file-size 128 it needed the file and a million articles at once). The
    // 270 MB of JSON go through awk, which keeps the first, middle and last lines.
    const std::string keep =
        "set -o pipefail; \"$@\" | awk 'NR == 1 || NR == 500000 {print} {last = $0} "
        "END {print last; print NR}'";
    std::vector<std::string> argv{"/bin/bash", "-c", keep, "bash"};
    for (auto& a : memory_limit(40 * kMB)) argv.push_back(a);
    argv.insert(argv.end(), {kIndex, "--extract", "--no-entities", "--threads", "2", feed});
    const auto r = run(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "newsdesk-index: 1 files: 1 read (1000000 articles), 0 failed\n");
    const auto out = lines_of(r.out);
    ASSERT_EQ(out.size(), 4u) << r.out.substr(0, 1000);
    EXPECT_EQ(out[3], "1000000");
    for (const auto& [line, n] : {std::pair{out[0], 1}, {out[1], 500000}, {out[2], 1000000}}) {
        const auto j = nlohmann::json::parse(line);
        EXPECT_EQ(j.at("path"), feed + "#" + std::to_string(n));
        EXPECT_EQ(j.at("headline"), "Item " + std::to_string(n));
        EXPECT_EQ(j.at("body"), "Text " + std::to_string(n) + ".");
        EXPECT_EQ(j.at("source"), "Million Wire");
    }
}

TEST(HostileFiles, AGigabyteFileFailsAtOnceWithOneLineNamingIt) {
    TempDir dir;
    const auto big = (dir / "a big file.txt").string();  // sparse: 1 GB that takes no disk
    write_file(big,
               "Harbour quay opens\n\nThe harbour authority said on Monday that the quay "
               "would open in spring.\n");
    fs::resize_file(big, 1024 * kMB);
    const auto small = (dir / "small.txt").string();
    write_file(small, "Market hours change\n\nThe weekend market will stay open until 8 p.m.\n");
    // Under 64 MB of memory a whole read of the file's first 64 MB could not even
    // be attempted: the size is checked before anything is read.
    const auto r =
        index_limited(64 * kMB, {"--extract", "--no-entities", "--threads", "2", big, small});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(lines_of(r.err),
              (std::vector<std::string>{big + ": file size exceeds 64 MB",
                                        "newsdesk-index: 2 files: 1 read (1 articles), 1 failed"}));
    const auto got = records(r.out);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].at("headline"), "Market hours change");
}

TEST(HostileFiles, GzipBombsStopAtTheLimitInBoundedMemory) {
    TempDir dir;
    std::string block;
    while (block.size() < kMB) block += "All work and no play makes Jack a dull boy. ";
    block.resize(kMB);
    // Each decompresses to 1 GB from about 1 MB: plain text, one JSON line that
    // never ends (skipped as a line over the limit, read to its end in pieces: the
    // lines after it would count), and a feed item that never ends.
    const auto text = (dir / "bomb.txt.gz").string();
    const auto line = (dir / "bomb.jsonl.gz").string();
    const auto feed = (dir / "bomb.rss.gz").string();
    write_file(text, gzip_bomb("Bomb\n\n", block, 1024));
    write_file(line, gzip_bomb("{\"title\": \"Bomb\", \"text\": \"", block, 1024));
    write_file(feed,
               gzip_bomb("<rss><channel><item><title>Bomb</title><description>", block, 1024));
    for (const auto& f : {text, line, feed}) ASSERT_LT(fs::file_size(f), 4 * kMB) << f;
    // 128 MB of memory (three threads' stacks take 24 of it) for three gigabytes.
    const auto r = index_limited(128 * kMB, {"--extract", "--no-entities", "--threads", "2",
                                             "--max-file-size", "8", text, line, feed});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(lines_of(r.err),
              (std::vector<std::string>{text + ": decompressed size exceeds 8 MB",
                                        line + "#1: line longer than 8 MB, skipped",
                                        feed + ": item 1 larger than 8 MB",
                                        "newsdesk-index: 3 files: 1 read (0 articles), 2 failed, "
                                        "1 bad items"}));
    EXPECT_EQ(r.out, "");
}

TEST(HostileFiles, JsonLinesLargerThanTheLimitAreStreamedAndAnOversizedLineCostsOnlyItself) {
    TempDir dir;
    const auto path = (dir / "archive.jsonl").string();
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 1; i <= 20000; ++i) {
            if (i == 10000) {
                out << "{\"title\": \"Huge\", \"text\": \"" << std::string(3 * kMB, 'x') << "\"}\n";
                continue;
            }
            out << "{\"title\": \"Report " << i << "\", \"text\": \"Harbour crews counted " << i
                << " crates on pier " << (i % 97) << ".\"}\n";
        }
    }
    ASSERT_GT(fs::file_size(path), 4 * kMB);
    const auto db = (dir / "db").string();
    const auto r = run({kIndex, "--db", db, "--no-entities", "--max-file-size", "1", path});
    EXPECT_EQ(r.exit_code, 1) << r.err;  // a bad item, reported
    EXPECT_EQ(lines_of(r.err).at(0), path + "#10000: line longer than 1 MB, skipped");
    EXPECT_NE(r.err.find("1 files: 1 read (19999 articles indexed), 0 failed, 1 bad items"),
              std::string::npos)
        << r.err;
    Xapian::Database database(db);
    EXPECT_EQ(database.get_doccount(), 19999u);
    // The lines on both sides of it are there.
    for (int i : {1, 9999, 10001, 20000})
        EXPECT_EQ(search_json(db, {"--limit", "5", "headline:\"report " + std::to_string(i) + "\""})
                      .at("hits")
                      .size(),
                  1u)
            << i;
}

// An RSS feed of `n` items titled "NAME report I", one to a line: item I is on
// line I + 2. Item `bad` (if any) has `defect` in its title.
std::string rss_lines(const std::string& name, int n, int bad = 0, const std::string& defect = "") {
    std::string out =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>" + name + " Wire</title>\n";
    for (int i = 1; i <= n; ++i)
        out += "<item><title>" + name + " report " + std::to_string(i) + (i == bad ? defect : "") +
               "</title><description>Harbour crews counted " + std::to_string(i) +
               " crates on pier " + std::to_string(i % 97) + ".</description></item>\n";
    return out + "</channel></rss>\n";
}

TEST(HostileFiles, AMalformedFeedItemCostsOnlyItselfStreamedOrReadWhole) {
    TempDir dir;
    // Issue 22: item 5,000 of 10,000 with a bare '&' said "malformed feed XML:
    // xmlParseEntityRef: no name", naming no item or line, and items 5,001 to
    // 10,000 were dropped without a word. The feed is over 256 KB, so it is
    // streamed; the small one has the same defect and is read whole; the Atom feed
    // has an unclosed tag, and the last feed is cut short inside its last item.
    const auto big = (dir / "big.rss").string(), small = (dir / "small.rss").string(),
               atom = (dir / "unclosed.atom").string(), cut = (dir / "cut.rss").string();
    write_file(big, rss_lines("Big", 10000, 5000, " & more"));
    write_file(small, rss_lines("Small", 10, 5, " & more"));
    write_file(
        atom,
        "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom "
        "Wire</title>\n<entry><title>Atom report 1</title><summary>Pier 1.</summary></entry>\n"
        "<entry><title>Atom report <b>2</title><summary>Pier 2.</summary></entry>\n"
        "<entry><title>Atom report 3</title><summary>Pier 3.</summary></entry>\n</feed>\n");
    const auto whole = rss_lines("Cut", 3);
    write_file(cut, whole.substr(0, whole.find("report 3") + 8));
    ASSERT_GT(fs::file_size(big), 256u << 10);
    ASSERT_LT(fs::file_size(small), 256u << 10);

    const std::vector<std::string> errors = {
        big + "#5000: malformed feed XML: xmlParseEntityRef: no name (line 5002)",
        small + "#5: malformed feed XML: xmlParseEntityRef: no name (line 7)",
        atom +
            "#2: malformed feed XML: Opening and ending tag mismatch: b line 4 and title (line 4)",
        cut + "#3: malformed feed XML: the feed ends inside <item>, cut short (line 5)"};
    const auto extract =
        run({kIndex, "--extract", "--no-entities", "--threads", "2", big, small, atom, cut});
    EXPECT_EQ(extract.exit_code, 1) << extract.err;  // bad items, reported
    auto expected = errors;
    expected.push_back("newsdesk-index: 4 files: 4 read (10012 articles), 0 failed, 4 bad items");
    EXPECT_EQ(lines_of(extract.err), expected);
    std::set<std::string> paths;
    for (const auto& j : records(extract.out)) paths.insert(j.at("path").get<std::string>());
    EXPECT_EQ(paths.size(), 10012u);
    for (const auto& [path, read] : {std::pair{big + "#4999", true},
                                     {big + "#5000", false},
                                     {big + "#5001", true},
                                     {big + "#10000", true},
                                     {small + "#5", false},
                                     {small + "#6", true},
                                     {atom + "#2", false},
                                     {atom + "#3", true},
                                     {cut + "#2", true},
                                     {cut + "#3", false}})
        EXPECT_EQ(paths.count(path), read ? 1u : 0u) << path;

    const auto db = (dir / "db").string();
    const auto index = run({kIndex, "--db", db, "--no-entities", big, small, atom, cut});
    EXPECT_EQ(index.exit_code, 1) << index.err;
    expected = errors;
    expected.push_back(
        "newsdesk-index: 4 files: 4 read (10012 articles indexed), 0 failed, 4 bad "
        "items, database " +
        db + " holds 10012 articles");
    EXPECT_EQ(lines_of(index.err), expected);
    for (const auto& [headline, hits] : {std::pair{"big report 4999", 1u},
                                         {"big report 5000", 0u},
                                         {"big report 5001", 1u},
                                         {"big report 10000", 1u},
                                         {"small report 6", 1u},
                                         {"atom report 3", 1u},
                                         {"cut report 2", 1u},
                                         {"cut report 3", 0u}})
        EXPECT_EQ(search_json(db, {"--limit", "5", "headline:\"" + std::string(headline) + "\""})
                      .at("hits")
                      .size(),
                  hits)
            << headline;
}

// The seed article's paragraphs over and over, to `bytes`: a real article's
// text (names, quotes, countries for the extractors) at a size no article has.
std::string endless_article(std::size_t bytes) {
    const auto seed = read_file(kSeed);
    std::vector<std::string> paragraphs;
    for (std::size_t pos = 0; pos < seed.size();) {
        const auto end = std::min(seed.find("\n\n", pos), seed.size());
        const auto p = seed.substr(pos, end - pos);
        if (p.size() > 200 && p.find('\n') == std::string::npos) paragraphs.push_back(p);
        pos = end + 2;
    }
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i) text += paragraphs[i % paragraphs.size()] + "\n\n";
    return text;
}

const std::string kCutNote = ": over 1 MB of text in a field (the body, the headline ...), cut there";

TEST(HostileFiles, AnArticleOf55MegabytesIsCutToItsFirstMegabyteInBoundedMemory) {
    TempDir dir;
    const std::string body = endless_article(55 * kMB);
    const auto text = (dir / "endless.txt").string();
    write_file(text, "Pact could dent China's influence\n\n" + body);
    const auto line = (dir / "endless.jsonl").string();
    write_file(line, nlohmann::json{{"url", "https://example.org/endless"},
                                    {"title", "Pact could dent China's influence"},
                                    {"text", body}}
                             .dump() +
                         "\n");
    const auto db = (dir / "db").string();
    // With the extractors, as a nightly run has them: each took 1 GB, now both
    // fit in 450 MB together.
    const auto r = index_limited(450 * kMB, {"--db", db, "--threads", "2", text, line});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto err = lines_of(r.err);
    ASSERT_EQ(err.size(), 3u) << r.err;
    EXPECT_EQ(err[0], text + kCutNote);
    EXPECT_EQ(err[1], line + "#1" + kCutNote);
    EXPECT_EQ(err[2].rfind("newsdesk-index: 2 files: 2 read (2 articles indexed), 0 failed, 2 articles "
                           "cut to 1 MB a field, database ",
                           0),
              0u)
        << err[2];
    Xapian::Database database(db);
    ASSERT_EQ(database.get_doccount(), 2u);
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const auto record = nlohmann::json::parse(database.get_document(*it).get_data());
        EXPECT_EQ(record.value("truncated", false), true);
        const std::string kept = record.at("body");
        // The whole paragraphs within the first megabyte, extracted and searchable.
        EXPECT_LE(kept.size(), kMB);
        EXPECT_GT(kept.size(), kMB - 4096);
        EXPECT_TRUE(body.starts_with(kept + "\n\n"));
        EXPECT_FALSE(record.at("people").empty());
        EXPECT_FALSE(record.at("quotes").empty());
    }
    EXPECT_EQ(search_json(db, {"--limit", "5", "--no-collapse", "pyongyang"}).at("hits").size(), 2u);

    // --extract says so in the record.
    const auto extract = index_limited(450 * kMB, {"--extract", "--threads", "2", text});
    EXPECT_EQ(extract.exit_code, 0) << extract.err;
    const auto got = records(extract.out);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].value("truncated", false), true);
    EXPECT_EQ(got[0].at("headline"), "Pact could dent China's influence");
}

// Huge files cost memory one at a time, however many there are and however
// many workers: a file (line, item) over 8 MB is parsed while no other is, and
// the workers go on with the small ones. Checked on the peak resident memory:
// RLIMIT_DATA also counts what each thread's malloc arena keeps after freeing,
// so it cannot tell one at a time from all together.
TEST(HostileFiles, HugeFilesAreParsedOneAtATime) {
    TempDir dir;
    const std::string body = endless_article(55 * kMB);
    std::vector<std::string> args{"--db", (dir / "db").string(), "--no-entities", "--threads", "2"};
    for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
        write_file(dir / name, std::string("Pact could dent China's influence\n\n") + body);
        args.push_back((dir / name).string());
    }
    for (int i = 0; i < 20; ++i) {
        const auto small = dir / ("small" + std::to_string(i) + ".txt");
        write_file(small, "Market hours change " + std::to_string(i) +
                              "\n\nThe weekend market will stay open until 8 p.m., officials said.\n");
        args.push_back(small.string());
    }
    std::vector<std::string> argv{kIndex};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("23 files: 23 read (23 articles indexed), 0 failed, 3 articles cut to 1 MB a field"),
              std::string::npos)
        << r.err;
#ifndef NEWSDESK_SANITIZED
    // One at a time 210 MB; two at once, 365 MB.
    EXPECT_LT(r.peak_rss_kb, 300 * 1024);
#endif
}

TEST(HostileFiles, ExternalEntitiesAreNeverReadAndBombsAreRefused) {
    TempDir root;
    fs::create_directories(root / "in");
    fs::create_directories(root / "private");
    const fs::path dir = root / "in";
    const auto secret = (root / "private" / "secret.txt").string();
    write_file(secret, "LEAKED");
    const auto dtd = (root / "private" / "evil.dtd").string();
    write_file(dtd, "<!ENTITY leak \"LEAKED\">");
    // External general and parameter entities pointing at local files, in each
    // reader; had either been read, "LEAKED" would be in the text. The XML readers
    // refuse these documents: with the parameter entity unread, &leak; is undeclared.
    const std::string subset = "<!ENTITY file SYSTEM \"file://" + secret +
                               "\"><!ENTITY % ext SYSTEM \"file://" + dtd + "\"> %ext;";
    const std::string prose =
        " The harbour authority said on Monday that the new quay would open in spring, "
        "after two years of work and a long argument about its cost.";
    write_file(
        dir / "xxe.nitf.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [" + subset +
            "]>\n<nitf><body><body.head><hedline><hl1>NITF &file;</hl1></hedline></body.head>"
            "<body.content><p>Before &file; &leak; after.</p></body.content></body></nitf>");
    write_file(dir / "xxe.rss",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [" + subset +
                   "]>\n<rss><channel><title>Wire &file;</title><item><title>RSS &leak;</title>"
                   "<description>Before &file; &leak; after.</description></item></channel></rss>");
    write_file(dir / "xxe.atom",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [" + subset +
                   "]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Atom</title>"
                   "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Before "
                   "&file; &leak; after.</p></div></content></entry></feed>");
    write_file(
        dir / "xxe.xhtml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [" + subset +
            "]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>XHTML</title></head>"
            "<body><article><p>Before &file; &leak; after." +
            prose + "</p></article></body></html>");
    for (const char* name : {"xxe.xml", "xxe-feed.xml", "xxe.xhtml", "billion-laughs.xml"})
        fs::copy_file(kFixtures + "/broken/" + name, dir / ("fixture-" + std::string(name)));
    write_file(dir / "quadratic.rss", "<?xml version=\"1.0\"?>\n" + quadratic_dtd("rss") +
                                          "<rss><channel><item><title>Q</title>"
                                          "<description>" +
                                          repeat("&big;", 50000) +
                                          "</description></item></channel></rss>");
    write_file(dir / "quadratic.xml", "<?xml version=\"1.0\"?>\n" + quadratic_dtd("nitf") +
                                          "<nitf><body><body.content><p>" + repeat("&big;", 50000) +
                                          "</p></body.content></body></nitf>");
    write_file(dir / "deep.xml", "<nitf><body><body.content>" + repeat("<div>", 100000) +
                                     "<p>Deep.</p></body.content></body></nitf>");
    // 5 GB of expansion (and, once, 4 GB of memory) if anything expanded them.
    const auto r = index_limited(256 * kMB, {"--extract", "--no-entities", dir.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out.find("LEAKED"), std::string::npos) << r.out;
    std::set<std::string> errors;
    for (const auto& line : lines_of(r.err)) errors.insert(line);
    const auto d = dir.string() + "/";
    EXPECT_EQ(
        errors,
        (std::set<std::string>{
            d + "deep.xml: malformed XML: elements nested deeper than 256 levels",
            d + "fixture-billion-laughs.xml: malformed XML: entities that refer to themselves "
                "or expand exponentially (an entity expansion bomb)",
            d + "quadratic.rss: XML entities expand to more than 2 MB (an entity expansion bomb)",
            d + "quadratic.xml: XML entities expand to more than 2 MB (an entity expansion bomb)",
            d + "xxe.atom#1: malformed feed XML: Entity 'leak' not defined (line 3)",
            d + "xxe.nitf.xml: malformed XML: Entity 'leak' not defined",
            d + "xxe.rss#1: malformed feed XML: Entity 'leak' not defined (line 3)",
            "newsdesk-index: 11 files: 6 read (4 articles), 5 failed, 2 bad items"}))
        << r.err;
    std::map<std::string, nlohmann::json> by_file;
    for (auto& j : records(r.out))
        by_file[fs::path(j.at("path").get<std::string>()).filename()] = j;
    EXPECT_EQ(by_file.at("xxe.xhtml").at("body"), "Before &file; &leak; after." + prose);
    EXPECT_EQ(by_file.at("fixture-xxe.xml").at("body"), "Before after end.");
    EXPECT_EQ(by_file.at("fixture-xxe-feed.xml#1").at("body"), "Before after end.");
    EXPECT_EQ(by_file.at("fixture-xxe-feed.xml#1").at("source"), "Entity wire");
    EXPECT_TRUE(by_file.at("fixture-xxe.xhtml")
                    .at("body")
                    .get<std::string>()
                    .starts_with("Before &xxe; after &remote; end."));
}

TEST(HostileFiles, FileNamesWithSpacesNewlinesAndBytesThatAreNotUtf8) {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    const std::vector<std::string> names = {"a b.txt", "new\nline.txt", "caf\xE9.txt",
                                            "tab\tname.txt", "back\\slash.txt"};
    for (std::size_t i = 0; i < names.size(); ++i)
        write_file(src / names[i], "Quay story " + std::to_string(i) +
                                       "\n\nThe harbour authority said on Monday that quay " +
                                       std::to_string(i) + " would open in spring.\n");
    const auto broken = src / "bad\nname.xml";
    write_file(broken, "<nitf><body>");
    const auto s = src.string() + "/";
    const std::string broken_line =
        s + "bad\\nname.xml: malformed XML: Premature end of data in tag body line 1";

    const auto extract = run({kIndex, "--extract", "--no-entities", src.string()});
    EXPECT_EQ(extract.exit_code, 1);
    EXPECT_EQ(lines_of(extract.err),
              (std::vector<std::string>{broken_line,
                                        "newsdesk-index: 6 files: 5 read (5 articles), 1 failed"}));
    std::set<std::string> paths;
    for (const auto& j : records(extract.out)) paths.insert(j.at("path").get<std::string>());
    // JSON is UTF-8: the Latin-1 byte of "café" shows as U+FFFD; the others as they are.
    EXPECT_EQ(paths,
              (std::set<std::string>{s + "a b.txt", s + "new\nline.txt", s + "caf\xEF\xBF\xBD.txt",
                                     s + "tab\tname.txt", s + "back\\slash.txt"}));

    const auto db = (dir / "db").string();
    const auto update = [&] {
        return run({kIndex, "--update", "--no-entities", "--db", db, src.string()});
    };
    auto r = update();
    EXPECT_EQ(r.exit_code, 1);  // the broken file
    EXPECT_EQ(lines_of(r.err).at(0), broken_line);
    EXPECT_NE(r.err.find("5 added"), std::string::npos) << r.err;
    {
        Xapian::Database database(db);
        EXPECT_EQ(database.get_doccount(), 5u);
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
            EXPECT_TRUE(is_valid_utf8(database.get_document(*it).get_data()));
    }
    // Unchanged: nothing to do. Then two of them go and one changes.
    r = update();
    EXPECT_NE(r.err.find("0 added, 0 updated, 0 deleted, 5 unchanged, 1 failed"), std::string::npos)
        << r.err;
    fs::remove(src / "caf\xE9.txt");
    fs::remove(src / "new\nline.txt");
    write_file(src / "tab\tname.txt", "Lighthouse story\n\nThe lighthouse keeper retired.\n");
    r = update();
    EXPECT_NE(r.err.find("0 added, 1 updated, 2 deleted, 2 unchanged, 1 failed"), std::string::npos)
        << r.err;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 3u);
    EXPECT_EQ(search_json(db, {"lighthouse"}).at("hits").size(), 1u);
    EXPECT_EQ(search_json(db, {"--limit", "10", "quay"}).at("hits").size(), 2u);
}

TEST(HostileFiles, Utf16NulsWrongDeclarationsAndInvalidUtf8ComeOutAsValidText) {
    TempDir dir;
    const std::string prose =
        "The harbour authority said on Monday that the new quay would open in spring, after two "
        "years of work and a long argument about its cost, officials said.";
    const std::string html =
        "<html><head><title>Caf\xE9 quay opens</title></head><body><article><p>" + prose +
        "</p></article></body></html>";
    const std::string nitf =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><nitf><body><body.head>"
        "<hedline><hl1>Caf\xE9 quay opens</hl1></hedline></body.head><body.content><p>" +
        prose + "</p></body.content></body></nitf>";
    const std::string text = "Caf\xE9 quay opens\n\n" + prose + "\n";
    std::map<std::string, std::string> files = {
        {"u16le.html", utf16(html, true, false)},
        {"u16be-bom.html", utf16(html, false, true)},
        {"u16le-bom.xml", utf16(nitf, true, true)},
        {"u16be.xml", utf16(nitf, false, false)},
        {"u16le-bom.txt", utf16(text, true, true)},
        {"u16be.txt", utf16(text, false, false)},
        {"nul.txt", "Caf\xC3\xA9 quay opens\n\nThe harbour|" + prose.substr(11) + "\n"},
        {"nul.jsonl", "{\"title\": \"Caf\xC3\xA9 quay opens\", \"text\": \"The harbour|" +
                          prose.substr(11) + "\"}\n"},
        {"meta-latin1-over-utf8.html",
         "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xC3\xA9 quay opens</title></head>"
         "<body><article><p>" +
             prose + "</p></article></body></html>"},
        {"meta-utf8-over-latin1.html",
         "<html><head><meta charset=\"utf-8\"><title>Caf\xE9 quay "
         "opens</title></head><body><article><p>" +
             prose + "</p></article></body></html>"},
        {"decl-utf8-over-latin1.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><body><body.head><hedline><hl1>Caf\xE9 "
         "quay "
         "opens</hl1></hedline></body.head><body.content><p>" +
             prose + "</p></body.content></body></nitf>"},
        {"decl-latin1-over-utf8.rss",
         "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xC3\xA9 "
         "quay "
         "opens</title><description>" +
             prose + "</description></item></channel></rss>"},
    };
    std::replace(files["nul.txt"].begin(), files["nul.txt"].end(), '|', '\0');
    std::replace(files["nul.jsonl"].begin(), files["nul.jsonl"].end(), '|', '\0');
    // Overlong '/' (C0 AF, E0 80 AF), a surrogate (ED A0 80), 5- and 6-byte forms, F5..FF.
    const std::string bad =
        "Bad \xC0\xAF \xE0\x80\xAF \xED\xA0\x80 \xF8\x88\x80\x80\x80 "
        "\xFC\x84\x80\x80\x80\x80 \xF5\xFE\xFF end";
    files["bad.txt"] = bad + "\n\n" + prose + "\n";
    files["bad.html"] = "<html><head><title>" + bad + "</title></head><body><article><p>" + prose +
                        "</p></article></body></html>";
    files["bad.xml"] = "<nitf><body><body.head><hedline><hl1>" + bad +
                       "</hl1></hedline></body.head><body.content><p>" + prose +
                       "</p></body.content></body></nitf>";
    files["bad.rss"] = "<rss><channel><item><title>" + bad + "</title><description>" + prose +
                       "</description></item></channel></rss>";
    files["bad.jsonl"] = "{\"title\": \"" + bad + "\", \"text\": \"" + prose + "\"}\n";
    for (const auto& [name, bytes] : files) write_file(dir / name, bytes);

    const auto r = run({kIndex, "--extract", "--no-entities", dir.path().string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto got = records(r.out);  // each line valid UTF-8 JSON
    ASSERT_EQ(got.size(), files.size()) << r.err;
    const std::string bad_text =
        "Bad \xC3\x80\xC2\xAF \xC3\xA0\xE2\x82\xAC\xC2\xAF \xC3\xAD \xE2\x82\xAC "
        "\xC3\xB8\xCB\x86\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC "
        "\xC3\xBC\xE2\x80\x9E\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC "
        "\xC3\xB5\xC3\xBE\xC3\xBF end";
    for (const auto& j : got) {
        const auto name = fs::path(j.at("path").get<std::string>()).filename().string();
        const auto file = name.substr(0, name.find('#'));
        const auto headline = j.at("headline").get<std::string>();
        EXPECT_EQ(headline, file.starts_with("bad") ? bad_text : "Caf\xC3\xA9 quay opens") << file;
        EXPECT_EQ(headline.find('/'), std::string::npos) << file;  // C0 AF is not a slash
        EXPECT_EQ(j.at("body"), prose) << file;
    }
}

}  // namespace
}  // namespace newsdesk::test
