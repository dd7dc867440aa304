// fuzz-replay: a libFuzzer target's own LLVMFuzzerTestOneInput (fuzz/*.cpp),
// linked without libFuzzer, run once on every file given or found under the
// folders given, as libFuzzer does when handed files. The test suite replays
// each target's seeds and its kept findings (tests/fixtures/fuzz/TARGET) this
// way, so a fixed crash, hang or sanitizer report stays fixed in every build,
// and under scripts/test-sanitize with the sanitizers watching.
//
//   fuzz-replay PATH...     exit 0 when every input ran, 1 when none was found
//                           or a path cannot be read; a crash ends the process
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (fs::is_directory(argv[i], ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
                if (entry.is_regular_file()) inputs.push_back(entry.path());
        } else if (fs::is_regular_file(argv[i], ec)) {
            inputs.emplace_back(argv[i]);
        } else {
            std::cerr << "fuzz-replay: " << argv[i] << ": no such file or folder\n";
            return 1;
        }
    }
    if (inputs.empty()) {
        std::cerr << "fuzz-replay: no inputs (usage: fuzz-replay PATH...)\n";
        return 1;
    }
    std::sort(inputs.begin(), inputs.end());
    for (const auto& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "fuzz-replay: " << path.string() << ": cannot read\n";
            return 1;
        }
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::cout << "fuzz-replay: " << inputs.size() << " inputs\n";
    return 0;
}
