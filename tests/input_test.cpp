// load_file / collect_inputs and parse_any on broken and compressed inputs.
#include "indexer/input.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <functional>
#include <random>

#include "common/error.h"
#include "common/text.h"
#include "indexer/parsers.h"

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

TEST(CollectInputs, DoesNotFollowASymlinkLoop) {
    TempDir dir;
    dir.write("d/a.txt", "x");
    fs::create_directory_symlink(dir.path() / "d", dir.path() / "d" / "loop");
    const auto files = collect_inputs({dir.path().string()});
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0], dir.path() / "d" / "a.txt");
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

}  // namespace
}  // namespace newsdesk
