// The configuration file every program shares (common/config.h): its format,
// its one-line errors, and the order in which a database is chosen.
#include "common/config.h"

#include <stdlib.h>

#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/temp_dir.h"

namespace newsdesk {
namespace {

// Sets (or unsets, with nullopt) an environment variable for one test.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name) {
        if (const char* old = getenv(name)) m_old = old;
        if (value) setenv(name, value->c_str(), 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old) setenv(m_name, m_old->c_str(), 1);
        else unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

std::string error_of(const std::string& text) {
    try {
        (void)parse_config(text, "/etc/newsdesk/newsdesk.conf");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(Config, KeyValueLinesWithCommentsAndBlankLines) {
    const auto config = parse_config("# the live index\n\ndatabase = /srv/news.db  # stub\n"
                                     "source=/srv/a\n  source =  /srv/b c  \n",
                                     "f.conf");
    ASSERT_EQ(config.entries.size(), 3u);
    EXPECT_EQ(config.entries[0].key, "database");
    EXPECT_EQ(config.entries[0].value, "/srv/news.db");
    EXPECT_EQ(config.entries[0].line, 3);
    EXPECT_EQ(config.entries[2].value, "/srv/b c");  // inner spaces kept, ends trimmed
    EXPECT_EQ(config.get("source"), "/srv/b c");     // the last line of a key wins
    EXPECT_EQ(config.get("log"), std::nullopt);
}

TEST(Config, AMalformedLineIsOneLineNamingFileAndLine) {
    struct Row {
        const char* text;
        const char* error;  // after "/etc/newsdesk/newsdesk.conf:"
    };
    for (const Row& row : {
             Row{"database = /a\n\nthis is not a setting\n", "3: expected 'key = value'"},
             Row{"database =\n", "1: expected 'key = value'"},
             Row{"= /a\n", "1: expected 'key = value'"},
             Row{"Database = /a\n", "1: expected 'key = value'"},
             Row{"# ok\ndatabse = /a\n", "2: unknown key 'databse'"},  // a typo is not ignored
         })
        EXPECT_EQ(error_of(row.text), std::string("/etc/newsdesk/newsdesk.conf:") + row.error) << row.text;
}

TEST(Config, TheShippedConfigurationsParse) {
    for (const char* name : {"newsdesk.conf", "nightly.conf.example"}) {
        const auto config = read_config(std::string(NEWSDESK_SOURCE_DIR) + "/config/" + name);
        EXPECT_TRUE(config.get("database").has_value()) << name;
        EXPECT_TRUE(config.get("source").has_value()) << name;
    }
}

TEST(Config, AMissingFileIsOneLineNamingIt) {
    try {
        (void)read_config("/nonexistent/newsdesk.conf");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "/nonexistent/newsdesk.conf: cannot read configuration file");
    }
}

// The environment of a user with their own configuration file.
struct UserSetup {
    test::TempDir home;
    ScopedEnv no_db{"NEWSDESK_DB", std::nullopt};
    ScopedEnv no_config{"NEWSDESK_CONFIG", std::nullopt};
    ScopedEnv no_xdg{"XDG_CONFIG_HOME", std::nullopt};
    ScopedEnv home_env{"HOME", home.path().string()};
    std::filesystem::path user_config() const { return home.path() / ".config/newsdesk/newsdesk.conf"; }
};

TEST(Config, FlagBeatsEnvironmentBeatsUserConfig) {
    UserSetup user;
    write(user.user_config(), "database = /srv/user.db\n");
    {
        ScopedEnv db("NEWSDESK_DB", "/srv/env.db");
        EXPECT_EQ(choose_database("/srv/flag.db").path, "/srv/flag.db");
        EXPECT_EQ(choose_database("/srv/flag.db").origin, DbOrigin::flag);
        EXPECT_EQ(choose_database("").path, "/srv/env.db");
        EXPECT_EQ(choose_database("").origin, DbOrigin::environment);
    }
    const auto choice = choose_database("");
    EXPECT_EQ(choice.path, "/srv/user.db");
    EXPECT_EQ(choice.origin, DbOrigin::config);
    EXPECT_EQ(choice.config_path, user.user_config().string());
    EXPECT_NE(describe_configuration().find("read " + user.user_config().string()), std::string::npos);
}

TEST(Config, XdgConfigHomeReplacesDotConfig) {
    UserSetup user;
    write(user.user_config(), "database = /srv/dot-config.db\n");
    write(user.home.path() / "xdg/newsdesk/newsdesk.conf", "database = /srv/xdg.db\n");
    ScopedEnv xdg("XDG_CONFIG_HOME", (user.home.path() / "xdg").string());
    EXPECT_EQ(choose_database("").path, "/srv/xdg.db");
}

TEST(Config, ARelativeDatabaseIsTakenFromTheFilesDirectory) {
    UserSetup user;
    write(user.user_config(), "database = news.db\n");
    EXPECT_EQ(choose_database("").path, (user.user_config().parent_path() / "news.db").string());
}

TEST(Config, NewsdeskConfigNamesTheOnlyFileAndMustExist) {
    UserSetup user;
    write(user.user_config(), "database = /srv/user.db\n");
    write(user.home.path() / "other.conf", "database = /srv/other.db\n");
    {
        ScopedEnv chosen("NEWSDESK_CONFIG", (user.home.path() / "other.conf").string());
        EXPECT_EQ(choose_database("").path, "/srv/other.db");
    }
    ScopedEnv missing("NEWSDESK_CONFIG", (user.home.path() / "missing.conf").string());
    EXPECT_THROW((void)choose_database(""), Error);
    EXPECT_EQ(choose_database("/srv/flag.db").path, "/srv/flag.db");  // a flag needs no file
}

TEST(Config, WithoutAnyFileTheBuiltInDefault) {
    UserSetup user;
    ScopedEnv chosen("NEWSDESK_CONFIG", (user.home.path() / "empty.conf").string());
    write(user.home.path() / "empty.conf", "# nothing set\n");
    const auto choice = choose_database("");
    EXPECT_EQ(choice.path, NEWSDESK_DEFAULT_DB);
    EXPECT_EQ(choice.origin, DbOrigin::builtin);
}

}  // namespace
}  // namespace newsdesk
