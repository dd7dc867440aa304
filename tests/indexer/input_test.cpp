// load_file / collect_inputs and parse_any on broken and compressed inputs;
// streamed JSON Lines (InputStream, LineChunker, the pipeline's chunks, the
// writer's batches) against whole-file reads.
#include "indexer/input/input.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include <sys/stat.h>

#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "indexer/write/index_writer.h"
#include "indexer/write/pipeline.h"
#include "tests/support/hostile_inputs.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = NEWSDESK_FIXTURES;

// A temporary directory of the test's own, removed afterwards.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("newsdesk-input-test-" + std::to_string(rd()));
        fs::create_directories(m_path);
        m_path = fs::canonical(m_path);  // as collect_inputs names the files in it (TMPDIR may be a symlink)
    }
    ~TempDir() { fs::remove_all(m_path); }
    const fs::path& path() const { return m_path; }
    fs::path write(const std::string& name, const std::string& bytes) const {
        const auto p = m_path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

  private:
    fs::path m_path;
};

std::string gzip(const std::string& data) {
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&zs, data.size()) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ParseError& e) {
        return e.what();
    }
    return "(no ParseError)";
}

TEST(LoadFile, GunzipsTransparently) {
    const auto plain = load_file(kFixtures / "text/latin1-cafe.txt");
    EXPECT_EQ(load_file(kFixtures / "broken/latin1-cafe.txt.gz"), plain);
}

TEST(LoadFile, GzipBombIsStoppedAtTheLimit) {
    TempDir dir;
    // 8 MB of zeros compress to about 8 KB.
    const auto bomb = dir.write("bomb.txt.gz", gzip(std::string(8u << 20, '\0')));
    EXPECT_LT(fs::file_size(bomb), 64u * 1024);
    EXPECT_EQ(error_of([&] { (void)load_file(bomb, 1u << 20); }), "decompressed size exceeds 1 MB");
    EXPECT_EQ(load_file(bomb, 16u << 20).size(), 8u << 20);
}

TEST(LoadFile, UnreadableAndOversizedFilesAreParseErrors) {
    TempDir dir;
    EXPECT_EQ(error_of([&] { (void)load_file(dir.path() / "missing.txt"); }), "cannot open file");
    EXPECT_EQ(error_of([&] { (void)load_file(dir.path()); }), "is a directory");
    const auto big = dir.write("big.txt", std::string(3u << 20, 'a'));
    EXPECT_EQ(error_of([&] { (void)load_file(big, 1u << 20); }), "file size exceeds 1 MB");
    const auto corrupt = dir.write("c.gz", gzip("hello world").substr(0, 12));
    EXPECT_EQ(error_of([&] { (void)load_file(corrupt); }), "corrupt or truncated gzip data");
}

TEST(CollectInputs, WalksDirectoriesSortedAndSkipsHidden) {
    TempDir dir;
    dir.write("b/2.txt", "x");
    dir.write("b/1.txt", "x");
    dir.write("a.txt", "x");
    dir.write(".hidden/3.txt", "x");
    dir.write("b/.secret.txt", "x");
    std::vector<std::string> errors;
    const auto files = collect_inputs(
        {dir.path().string(), (dir.path() / "nope").string(), (dir.path() / "a.txt").string()},
        &errors);
    ASSERT_EQ(files.size(), 3u);  // a.txt given twice is kept once
    EXPECT_EQ(files[0].filename(), "a.txt");
    EXPECT_EQ(files[1], dir.path() / "b" / "1.txt");
    EXPECT_EQ(files[2], dir.path() / "b" / "2.txt");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], (dir.path() / "nope").string() + ": no such file or directory");
}


TEST(CollectInputs, AWalkPassesOverReadmeAndLicenceFilesButNotAFileNamedOnTheCommandLine) {
    TempDir dir;
    dir.write("news/README.md", "# The bundled corpus");
    dir.write("news/LICENSE.CC-BY-4.0.txt", "Attribution 4.0 International");
    dir.write("news/copying", "GPL");
    dir.write("news/readme-kenya-floods.txt", "Floods in Kenya\n\nRain fell.");  // an article, not "readme"
    dir.write("news/licensing-row.txt", "Licensing row\n\nA row over licences.");
    dir.write("solo/README.txt", "An article someone named README");
    std::vector<fs::path> skipped;
    const auto files =
        collect_inputs({(dir.path() / "news").string(), (dir.path() / "solo" / "README.txt").string()}, nullptr,
                       &skipped);
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.filename().string());
    EXPECT_EQ(names, (std::vector<std::string>{"licensing-row.txt", "readme-kenya-floods.txt", "README.txt"}));
    std::vector<std::string> passed;
    for (const auto& f : skipped) passed.push_back(f.filename().string());
    EXPECT_EQ(passed, (std::vector<std::string>{"LICENSE.CC-BY-4.0.txt", "README.md", "copying"}));
}
TEST(CollectInputs, DoesNotFollowASymlinkLoop) {
    TempDir dir;
    dir.write("d/a.txt", "x");
    fs::create_directory_symlink(dir.path() / "d", dir.path() / "d" / "loop");
    const auto files = collect_inputs({dir.path().string()});
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0], dir.path() / "d" / "a.txt");
}

TEST(CollectInputs, EverySpellingOfAFileComesOutAsItsRealPath) {
    TempDir dir;
    dir.write("base/b.txt", "x");
    dir.write("base/sub/a.txt", "x");
    fs::create_directory_symlink(dir.path() / "base", dir.path() / "link");
    fs::create_symlink(dir.path() / "base" / "b.txt", dir.path() / "base" / "sub" / "to-b.txt");
    const auto real = fs::canonical(dir.path()) / "base";
    const std::vector<fs::path> both{real / "b.txt", real / "sub" / "a.txt"};
    const auto d = dir.path().string();
    // The symlinked file inside the walk is b.txt again.
    for (const auto& spelling : {d + "/base", d + "/base//", d + "/./base/", d + "/base/sub/..", d + "/link"})
        EXPECT_EQ(collect_inputs({spelling}), both) << spelling;
    EXPECT_EQ(collect_inputs({d + "/link/b.txt", d + "/base/sub", d + "/base//b.txt"}), both);
}

TEST(ParseAny, BrokenInputsGiveClearReasons) {
    const auto load = [](const char* name) { return load_file(kFixtures / name); };
    EXPECT_EQ(error_of([&] { (void)parse_any(load("broken/empty.txt"), "e"); }), "empty file");
    EXPECT_EQ(error_of([&] { (void)parse_any(load("broken/binary.bin"), "b"); }),
              "binary content, not a text format");
    EXPECT_EQ(error_of([&] {
                  (void)parse_any(
                      "\x01\x02\x03\x04\x05\x06"
                      "abc",
                      "c");
              }),
              "binary content, not a text format");
    EXPECT_EQ(error_of([&] { (void)parse_any(" \xC2\xA0\n\t", "s"); }), "empty file");
    EXPECT_EQ(error_of([&] { (void)parse_any("{\n \"a\": 1\n}", "m.json"); }),
              "unrecognised format (not HTML, text, NewsML/NITF, RSS/Atom or JSON Lines)");
    EXPECT_TRUE(error_of([&] {
                    (void)parse_any(load("broken/truncated.xml"), "t");
                }).starts_with("malformed XML"));
}

TEST(ParseAny, InvalidUtf8BecomesValidText) {
    const auto articles = parse_any(load_file(kFixtures / "broken/invalid-utf8.txt"), "i.txt");
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_EQ(articles[0].headline, "Bad bytes headline");
    EXPECT_TRUE(is_valid_utf8(articles[0].body));
    EXPECT_EQ(articles[0].id, "i.txt");  // no URL: the path
}

TEST(ParseAny, StrayNulsAreRemovedButBinaryStaysBinary) {
    // Text, HTML and XML with a few NUL bytes used to be refused as binary.
    std::string text =
        "Harbour quay opens\n\nThe authority said| on Monday that the quay would open.\n";
    std::replace(text.begin(), text.end(), '|', '\0');
    EXPECT_EQ(parse_any(text, "n.txt").at(0).body,
              "The authority said on Monday that the quay would open.");
    std::string xml =
        "<nitf><body><body.content><p>Before| after.</p></body.content></body></nitf>";
    std::replace(xml.begin(), xml.end(), '|', '\0');
    EXPECT_EQ(parse_any(xml, "n.xml").at(0).body, "Before after.");
    // Mostly NULs and control bytes, as binary formats are.
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); i += 3) binary[i] = 'a';
    EXPECT_EQ(error_of([&] { (void)parse_any(binary, "b.bin"); }),
              "binary content, not a text format");
}

TEST(ParseAny, Utf16IsDecodedBeforeTheFormatIsDetected) {
    const std::string feed =
        "<rss><channel><item><title>Caf\xE9</title><description>Text.</description>"
        "</item></channel></rss>";
    for (bool le : {true, false})
        for (bool bom : {true, false}) {
            std::string bytes;
            if (bom) bytes = le ? "\xFF\xFE" : "\xFE\xFF";
            for (unsigned char c : feed) {
                bytes += le ? static_cast<char>(c) : '\0';
                bytes += le ? '\0' : static_cast<char>(c);
            }
            const auto items = parse_any(bytes, "u.xml");
            ASSERT_EQ(items.size(), 1u);
            EXPECT_EQ(items[0].headline, "Caf\xC3\xA9");
            EXPECT_EQ(items[0].path, "u.xml#1");  // read as a feed, not as text
        }
}

TEST(ParseAny, DispatchesAndFillsIdFromUrl) {
    const auto feed = parse_any(load_file(kFixtures / "feed/rss2.xml"), "rss2.xml");
    ASSERT_EQ(feed.size(), 2u);
    EXPECT_EQ(feed[0].id, "https://example.org/news/bridge-reopens");
    std::vector<std::string> errors;
    const auto lines = parse_any(load_file(kFixtures / "jsonl/mixed.jsonl"), "m.jsonl", &errors);
    EXPECT_EQ(lines.size(), 2u);
    EXPECT_EQ(errors.size(), 3u);
    EXPECT_EQ(lines[1].id, "m.jsonl#6");
    const auto text = parse_any(load_file(kFixtures / "broken/latin1-cafe.txt.gz"), "c.txt.gz");
    EXPECT_EQ(text.at(0).headline, "Caf\xC3\xA9 owners in M\xC3\xBCnster welcome new rules");
    const auto xml = parse_any(load_file(kFixtures / "xml/own-nitf-media.xml"), "n.xml");
    EXPECT_EQ(xml.at(0).byline, std::vector<std::string>{"Ana Ribeiro"});
}

// Numbered paragraphs of about 400 bytes, to `bytes` in all.
std::vector<std::string> numbered_paragraphs(std::size_t bytes) {
    std::vector<std::string> out;
    for (std::size_t size = 0; size < bytes; size += out.back().size() + 2)
        out.push_back("Paragraph " + std::to_string(out.size() + 1) + ": " +
                      test::repeat("the harbour authority said ", 14) + "on Monday.");
    return out;
}

std::string joined(const std::vector<std::string>& paragraphs, std::string_view open, std::string_view close) {
    std::string out;
    for (const auto& p : paragraphs) out.append(open).append(p).append(close);
    return out;
}

TEST(ParseAny, AFieldOverAMegabyteIsCutAtAParagraphBreakAndTheArticleSaysSo) {
    const auto paragraphs = numbered_paragraphs(3 * kMaxFieldBytes);
    const std::string body = joined(paragraphs, "", "\n\n");
    const auto expect_cut = [&](const Article& a, const std::string& what) {
        EXPECT_TRUE(a.truncated) << what;
        EXPECT_LE(a.body.size(), kMaxFieldBytes) << what;
        EXPECT_GT(a.body.size(), kMaxFieldBytes - 500) << what;  // the last whole paragraph that fits
        EXPECT_TRUE(body.starts_with(a.body + "\n\n")) << what;
    };
    expect_cut(parse_any("Harbour report\n\n" + body, "long.txt").at(0), "text");
    const auto line = nlohmann::json{{"url", "https://example.org/long"}, {"title", "Harbour report"},
                                     {"text", body}};
    expect_cut(parse_any(line.dump() + "\n", "long.jsonl").at(0), "JSON Lines");
    expect_cut(parse_any("<html><head><title>Harbour report</title></head><body><article>" +
                             joined(paragraphs, "<p>", "</p>\n") + "</article></body></html>",
                         "long.html")
                   .at(0),
               "HTML");
    // Not only the body: a title of 3 MB would cost as much.
    const std::string title(3 * kMaxFieldBytes, 'x');
    const auto titled = parse_any(
        nlohmann::json{{"title", title}, {"text", "The quay opens in spring."}}.dump() + "\n", "t.jsonl");
    EXPECT_TRUE(titled.at(0).truncated);
    EXPECT_EQ(titled.at(0).headline, title.substr(0, kMaxFieldBytes));
    EXPECT_EQ(titled.at(0).body, "The quay opens in spring.");
    // An article within the limit is whole, and says nothing.
    const auto half = numbered_paragraphs(kMaxFieldBytes / 2);
    const auto whole = parse_any("Harbour report\n\n" + joined(half, "", "\n\n"), "t.txt");
    EXPECT_FALSE(whole.at(0).truncated);
    EXPECT_EQ(whole.at(0).body + "\n\n", joined(half, "", "\n\n"));
}

// --- Streaming -------------------------------------------------------------

// Everything the pipeline hands on for `files`, with the given chunk size.
struct Delivered {
    std::vector<FileResult> results;
    std::vector<Article> articles() const {
        std::vector<Article> out;
        for (const auto& r : results) out.insert(out.end(), r.articles.begin(), r.articles.end());
        return out;
    }
    std::vector<std::string> errors() const {
        std::vector<std::string> out;
        for (const auto& r : results) out.insert(out.end(), r.errors.begin(), r.errors.end());
        return out;
    }
};

Delivered run(const std::vector<fs::path>& files, std::size_t chunk_bytes, std::size_t chunk_lines,
              unsigned threads) {
    PipelineOptions options;
    options.threads = threads;
    options.extract_entities = false;
    options.build_documents = false;
    options.chunk_bytes = chunk_bytes;
    options.chunk_lines = chunk_lines;
    Delivered out;
    run_pipeline(files, options, [&](FileResult&& r) { out.results.push_back(std::move(r)); });
    return out;
}

TEST(Pipeline, ErrorsNameOddFilesOnOneLine) {
    TempDir dir;
    const auto broken = dir.write("bad\nname \xE9.xml", "<nitf><body>");
    const auto lines = dir.write("odd\tlines.jsonl", "{\"text\": \"Fine.\"}\n{broken\n");
    const auto got = run({broken, lines}, 1u << 20, 1000, 1);
    const auto prefix = dir.path().string() + "/";
    EXPECT_EQ(
        got.errors(),
        (std::vector<std::string>{
            prefix +
                "bad\\nname \\xE9.xml: malformed XML: Premature end of data in tag body line 1",
            prefix + "odd\\tlines.jsonl#2: malformed JSON ([json.exception.parse_error.101] parse "
                     "error at line 1, column 2: syntax error while parsing object key - invalid "
                     "literal; last read: '{b'; expected string literal)"}));
    // The article itself keeps its real path.
    ASSERT_EQ(got.articles().size(), 1u);
    EXPECT_EQ(got.articles()[0].path, lines.string() + "#1");
    std::vector<std::string> errors;
    (void)collect_inputs({prefix + "gone\nfile"}, &errors);
    EXPECT_EQ(errors, std::vector<std::string>{prefix + "gone\\nfile: no such file or directory"});
}

// What the manifest records is computed by the workers, and is what
// manifest_item and hash_file give on the consumer's side: a file read whole
// carries its hash, a streamed one (hashed by the recorder at its end) none.
TEST(Pipeline, WorkersComputeTheManifestItemsAndTheHashOfAFileReadWhole) {
    TempDir dir;
    const auto text = dir.write("harbour.txt", "Harbour reopens\n\nThe quay opens in spring, the mayor said.");
    const auto lines = dir.write("two.jsonl", "{\"url\": \"https://example.org/a\", \"title\": \"Pier\", \"text\": \"Pier mended.\"}\n"
                                              "{\"url\": \"https://example.org/b\", \"title\": \"Dock\", \"text\": \"Dock painted.\"}\n");
    PipelineOptions options;
    options.threads = 2;
    options.chunk_bytes = 64;  // two.jsonl is streamed a line at a time
    options.chunk_lines = 1;
    options.manifest_items = options.file_hashes = true;
    std::vector<FileResult> results;
    run_pipeline({text, lines}, options, [&](FileResult&& r) { results.push_back(std::move(r)); });
    ASSERT_EQ(results.size(), 3u);
    for (const auto& r : results) {
        ASSERT_FALSE(r.failed) << r.path;
        ASSERT_EQ(r.manifest_items.size(), r.articles.size()) << r.path;
        for (std::size_t i = 0; i < r.articles.size(); ++i)
            EXPECT_EQ(r.manifest_items[i], manifest_item(r.articles[i])) << r.path;
    }
    EXPECT_EQ(results[0].file_hash, hash_file(text));
    EXPECT_FALSE(results[1].file_hash.has_value());
    EXPECT_FALSE(results[2].file_hash.has_value());
    // A named pipe is read once: no hash (no manifest entry either), so the
    // worker does not open it again and wait for a writer that never comes.
    const auto pipe = dir.path() / "wire.txt";
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    std::thread writer([&] { std::ofstream(pipe) << "Wire item\n\nThe ferry sails at noon."; });
    std::vector<FileResult> piped;
    run_pipeline({pipe}, options, [&](FileResult&& r) { piped.push_back(std::move(r)); });
    writer.join();
    ASSERT_EQ(piped.size(), 1u);
    EXPECT_EQ(piped[0].articles.size(), 1u);
    EXPECT_FALSE(piped[0].file_hash.has_value());
    // Without the options, neither.
    options.manifest_items = options.file_hashes = false;
    const auto plain = process_file(text, options);
    EXPECT_TRUE(plain.manifest_items.empty());
    EXPECT_FALSE(plain.file_hash.has_value());
}

TEST(InputStream, ReadsPlainAndConcatenatedGzipInPieces) {
    TempDir dir;
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "line " + std::to_string(i) + "\n";
    const auto plain = dir.write("a.txt", text);
    const auto gz = dir.write("a.txt.gz", gzip(text.substr(0, 1000)) + gzip(text.substr(1000)));
    for (const auto& path : {plain, gz}) {
        InputStream in(path);
        std::string out;
        std::size_t reads = 0;
        while (in.read(out, 4096)) ++reads;
        EXPECT_EQ(out, text) << path;
        EXPECT_GT(reads, 10u) << path;
        EXPECT_EQ(in.gzipped(), path == gz);
        EXPECT_FALSE(in.read(out, 4096));  // stays at the end
    }
}

TEST(LineChunker, WholeLinesNumberedAsInTheFile) {
    // Blank lines, a line longer than a chunk, and no final newline.
    const std::string text = "a\n\nbb\n" + std::string(300, 'x') + "\nc\n\n\nddd\neee";
    TempDir dir;
    const auto path = dir.write("t.txt", text);
    auto stream = std::make_unique<InputStream>(path);
    std::string head;
    ASSERT_TRUE(stream->read(head, 5));
    LineChunker chunker(std::move(stream), head, 16, 3, 1u << 20);
    std::string joined;
    std::vector<std::size_t> firsts;
    while (auto chunk = chunker.next()) {
        joined += chunk->bytes;
        firsts.push_back(chunk->first_line);
        EXPECT_TRUE(chunk->bytes.ends_with('\n') || joined == text) << chunk->bytes;
    }
    EXPECT_EQ(joined, text);
    // "a\n\nbb\n" (3 lines), the long line 4, "c\n\n\n" lines 5-7, "ddd\neee" lines 8-9.
    EXPECT_EQ(firsts, (std::vector<std::size_t>{1, 4, 5, 8}));
}

TEST(LineChunker, OverlongLineIsSkippedAndTheRestRead) {
    // It used to end the file ("line 2 longer than 1 MB"): the lines after it were lost.
    TempDir dir;
    for (const auto* tail : {"\n{}\n", ""}) {  // the long line last, without its newline
        const auto path = dir.write("t.jsonl", "{}\n" + std::string(5000, 'y') + tail);
        LineChunker chunker(std::make_unique<InputStream>(path), "", 100, 10, 1000);
        EXPECT_EQ(chunker.next()->bytes, "{}\n");
        const auto skipped = chunker.next();
        ASSERT_TRUE(skipped);
        EXPECT_EQ(skipped->bytes, "");
        EXPECT_EQ(skipped->first_line, 2u);
        EXPECT_EQ(skipped->skipped, "line longer than 1 MB, skipped");
        if (*tail) {
            const auto after = chunker.next();
            ASSERT_TRUE(after);
            EXPECT_EQ(after->bytes, "{}\n");
            EXPECT_EQ(after->first_line, 3u);
        }
        EXPECT_FALSE(chunker.next());
    }
}

TEST(Streaming, ChunksGiveTheSameArticlesAsTheWholeFile) {
    TempDir dir;
    for (const char* name : {"jsonl/wikinews.jsonl", "jsonl/mixed.jsonl"}) {
        const auto bytes = load_file(kFixtures / name);
        const auto plain = dir.write(fs::path(name).filename().string(), bytes);
        const auto gz = dir.write(fs::path(name).filename().string() + ".gz", gzip(bytes));
        for (const auto& path : {plain, gz}) {
            std::vector<std::string> whole_errors;
            const auto whole = parse_any(bytes, path.string(), &whole_errors);
            // Chunks of one line and of a few, one thread and three.
            for (const auto& [chunk_bytes, threads] :
                 std::vector<std::pair<std::size_t, unsigned>>{{64, 1}, {64, 3}, {700, 3}}) {
                const auto got = run({path}, chunk_bytes, 1000, threads);
                if (chunk_bytes < bytes.size()) {
                    EXPECT_GT(got.results.size(), 1u) << path << ": not streamed";
                }
                EXPECT_EQ(got.articles(), whole) << path << " chunk " << chunk_bytes;
                EXPECT_EQ(got.errors(), whole_errors) << path;
                for (std::size_t i = 0; i < got.results.size(); ++i) {
                    EXPECT_EQ(got.results[i].more, i + 1 < got.results.size());
                    EXPECT_FALSE(got.results[i].failed);
                }
            }
        }
    }
}

TEST(Streaming, SmallFilesAndOtherFormatsAreReadWhole) {
    TempDir dir;
    const auto feed = dir.write("feed.xml", load_file(kFixtures / "feed/rss2.xml"));
    const auto lines = dir.write("m.jsonl", load_file(kFixtures / "jsonl/mixed.jsonl"));
    const auto empty = dir.write("e.jsonl.gz", gzip(std::string(1000, '\n')));
    // Large chunks: each file is one result.
    const auto got = run({feed, lines, empty}, 1u << 20, 1000, 2);
    ASSERT_EQ(got.results.size(), 3u);
    EXPECT_EQ(got.results[0].articles.size(), 2u);
    EXPECT_EQ(got.results[1].articles.size(), 2u);
    EXPECT_TRUE(got.results[2].failed);
    EXPECT_EQ(got.results[2].errors, std::vector<std::string>{empty.string() + ": empty file"});
    // A small feed is read whole even with tiny chunks: the 64-byte probe does not
    // reach its root element (larger feeds are streamed, see below).
    const auto feed_small_chunks = run({feed}, 64, 1000, 2);
    ASSERT_EQ(feed_small_chunks.results.size(), 1u);
    EXPECT_EQ(feed_small_chunks.results[0].articles.size(), 2u);
}

// 3,000 items, plain and with markup, captions, authors and dates.
std::string large_feed(int items) {
    std::string feed =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        "xmlns:media=\"http://search.yahoo.com/mrss/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>Harbour Wire</title><language>en-gb</language>\n";
    for (int i = 1; i <= items; ++i) {
        const auto n = std::to_string(i);
        feed += "<item><title>Crates counted on pier " + n + "</title>";
        if (i % 2) feed += "<link>https://example.org/pier/" + n + "</link>";
        feed +=
            "<pubDate>Fri, 21 Jun 2024 09:30:00 GMT</pubDate><dc:creator>Maria "
            "L\xC3\xB3pez</dc:creator>";
        feed += i % 3 ? "<description>Harbour crews counted " + n + " crates.</description>"
                      : "<description><![CDATA[<p>Harbour crews counted <b>" + n +
                            "</b> crates.</p><p>Second paragraph &amp; more.</p>]]></description>";
        if (i % 5 == 0)
            feed +=
                "<media:content url=\"x.jpg\"><media:description>Crates on pier " + n +
                "</media:description><media:credit>Example Photo</media:credit></media:content>";
        feed += "</item>\n";
    }
    return feed + "</channel></rss>\n";
}

TEST(Streaming, FeedsAreStreamedWithTheArticlesOfTheWholeFile) {
    TempDir dir;
    const auto bytes = large_feed(3000);
    const auto plain = dir.write("wire.xml", bytes);
    const auto gz = dir.write("wire.rss.gz", gzip(bytes));
    for (const auto& path : {plain, gz}) {
        const auto whole = parse_any(bytes, path.string());
        ASSERT_EQ(whole.size(), 3000u);
        for (unsigned threads : {1u, 3u}) {
            const auto got = run({path}, 4096, 100, threads);
            EXPECT_GT(got.results.size(), 30u) << path << ": not streamed";
            EXPECT_EQ(got.articles(), whole) << path;
            EXPECT_TRUE(got.errors().empty()) << got.errors().at(0);
            for (std::size_t i = 0; i < got.results.size(); ++i)
                ASSERT_EQ(got.results[i].more, i + 1 < got.results.size());
        }
    }
}

TEST(Streaming, AFeedThatBreaksOffKeepsTheItemsBeforeAndReportsTheBreak) {
    TempDir dir;
    const auto bytes = large_feed(3000);
    const auto half = bytes.substr(0, bytes.size() / 2);
    const auto cut = dir.write("cut.xml", half);
    const auto packed = gzip(bytes);
    const auto cut_gz = dir.write("cut.xml.gz", packed.substr(0, packed.size() / 2));
    for (const auto& path : {cut, cut_gz}) {
        const auto got = run({path}, 4096, 100, 2);
        const auto articles = got.articles();
        EXPECT_GT(articles.size(), 1000u) << path;
        EXPECT_LT(articles.size(), 3000u) << path;
        for (std::size_t i = 0; i < articles.size(); ++i)
            ASSERT_EQ(articles[i].path, path.string() + "#" + std::to_string(i + 1));
        ASSERT_EQ(got.results.back().errors.size(), 1u);
        const auto& error = got.results.back().errors[0];
        if (path == cut_gz) {
            // The gzip stream breaks off: the file fails after the items before.
            EXPECT_TRUE(got.results.back().failed);
            EXPECT_EQ(error, path.string() + ": corrupt or truncated gzip data");
            continue;
        }
        // The feed ends inside an item: every item before it is read, and the cut
        // one is reported by number and line (item N is on line N + 2), as a bad
        // item is.
        std::size_t whole_items = 0;
        for (auto at = half.find("</item>"); at != std::string::npos;
             at = half.find("</item>", at + 1))
            ++whole_items;
        EXPECT_EQ(articles.size(), whole_items);
        EXPECT_FALSE(got.results.back().failed);
        EXPECT_EQ(error, path.string() + "#" + std::to_string(whole_items + 1) +
                             ": malformed feed XML: the feed ends inside <item>, cut short (line " +
                             std::to_string(whole_items + 3) + ")");
    }
}

TEST(Streaming, TruncatedGzipEndsTheFileWithAFailure) {
    TempDir dir;
    std::string text;
    for (int i = 1; i <= 3000; ++i)
        text += "{\"title\": \"T" + std::to_string(i) + "\", \"text\": \"Body number " +
                std::to_string(i * 7919 % 10007) + " of the set.\"}\n";
    const auto packed = gzip(text);
    const auto path = dir.write("cut.jsonl.gz", packed.substr(0, packed.size() * 2 / 3));
    const auto got = run({path}, 4096, 1000, 2);
    ASSERT_GT(got.results.size(), 2u);
    const auto& last = got.results.back();
    EXPECT_TRUE(last.failed);
    EXPECT_FALSE(last.more);
    EXPECT_EQ(last.errors, std::vector<std::string>{path.string() + ": corrupt or truncated gzip data"});
    const auto articles = got.articles();
    ASSERT_GT(articles.size(), 1000u);
    EXPECT_LT(articles.size(), 3000u);
    for (std::size_t i = 0; i < articles.size(); ++i)
        ASSERT_EQ(articles[i].path, path.string() + "#" + std::to_string(i + 1));
}

// 50,000 short articles in one file: every line is in the database once, with
// its path#N and id, after many chunks and several commits.
TEST(Streaming, LargeJsonlIsIndexedWithoutLossOrDuplicates) {
    TempDir dir;
    constexpr int kLines = 50000;
    std::string text;
    for (int i = 1; i <= kLines; ++i) {
        if (i % 1000 == 0) {
            text += "{\"title\": \"broken\n";  // a malformed line every 1000
            continue;
        }
        text += "{";
        if (i % 3 == 0) text += "\"url\": \"https://example.org/n/" + std::to_string(i) + "\", ";
        text += "\"title\": \"Report " + std::to_string(i) + "\", \"text\": \"Harbour crews counted " +
                std::to_string(i) + " crates on pier " + std::to_string(i % 97) + ".\"}\n";
    }
    const auto path = dir.write("big.jsonl", text);
    const auto db_path = (dir.path() / "db").string();
    PipelineOptions options;
    options.threads = 2;
    options.extract_entities = false;
    std::size_t failed = 0, errors = 0, results = 0;
    std::size_t commits = 0;
    {
        IndexWriter writer(db_path, BatchLimits{20000, 2u << 20});
        run_pipeline({path}, options, [&](FileResult&& r) {
            ++results;
            failed += r.failed;
            errors += r.errors.size();
            writer.add(r.articles, std::move(r.documents));
        });
        writer.commit();
        commits = writer.commits();
    }
    EXPECT_GT(results, 10u);  // streamed in chunks
    EXPECT_GT(commits, 2u);   // the byte budget cut batches before 20000 documents
    EXPECT_EQ(failed, 0u);
    EXPECT_EQ(errors, static_cast<std::size_t>(kLines / 1000));
    Xapian::Database db(db_path);
    ASSERT_EQ(db.get_doccount(), static_cast<Xapian::doccount>(kLines - kLines / 1000));
    std::size_t checked = 0;
    for (int i = 1; i <= kLines; ++i) {
        if (i % 1000 == 0) continue;
        const auto item = path.string() + "#" + std::to_string(i);
        const auto id = i % 3 == 0 ? "https://example.org/n/" + std::to_string(i) : item;
        const auto term = id_term(id);
        ASSERT_EQ(db.get_termfreq(term), 1u) << id;
        const auto record = nlohmann::json::parse(db.get_document(*db.postlist_begin(term)).get_data());
        ASSERT_EQ(record.at("path"), item);
        ASSERT_EQ(record.at("id"), id);
        ASSERT_EQ(record.at("headline"), "Report " + std::to_string(i));
        ++checked;
    }
    EXPECT_EQ(checked, db.get_doccount());
}

}  // namespace
}  // namespace newsdesk
