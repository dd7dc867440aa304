// Reading test fixtures (tests/fixtures/, passed to every test binary as
// NEWSDESK_FIXTURES).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace newsdesk::test {

// The bytes of tests/fixtures/NAME; a missing fixture fails the calling test.
inline std::string fixture(const std::string& name) {
    std::ifstream in(std::string(NEWSDESK_FIXTURES) + "/" + name, std::ios::binary);
    EXPECT_TRUE(in) << "missing fixture " << name;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace newsdesk::test
