// limited-run: runs a command the way a full disk, a read-only database or a
// machine short of memory would treat it, for the write-failure and hostile-file
// tests (tests/e2e/write_failure_test.cpp, tests/e2e/hostile_files_test.cpp), without
// root-only mounts.
//
//   limited-run [--fsize BYTES] [--data BYTES] [--no-dac-override] -- COMMAND [ARG...]
//
// --fsize BYTES      RLIMIT_FSIZE for the command and its children, with SIGXFSZ
//                    ignored: a write past BYTES in any file fails with EFBIG, as
//                    one on a full disk fails with ENOSPC.
// --data BYTES       RLIMIT_DATA: the command's private writable memory (heap,
//                    anonymous mappings, thread stacks; not the mapped program and
//                    libraries) is limited to BYTES, so an allocation past it fails
//                    (std::bad_alloc) as it would on a machine without the memory.
//                    What the hostile-file tests bound memory with.
// --no-dac-override  for root: drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
//                    from the capability bounding set before the exec, so file
//                    permission bits apply to the command as they do to any other
//                    user (a read-only directory is read-only, an unreadable one
//                    cannot be listed). Without root the bits apply anyway.
// Exit status: the command's; 126 when a limit cannot be set, 127 when the
// command cannot be run.
#include <linux/capability.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

// Root gets every capability of the bounding set back at exec, and those of the
// inheritable and ambient sets: `cap` leaves all three.
bool drop_capability(int cap) {
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) return false;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (syscall(SYS_capget, &header, data) != 0) return false;
    data[CAP_TO_INDEX(cap)].inheritable &= ~CAP_TO_MASK(cap);
    if (syscall(SYS_capset, &header, data) != 0) return false;
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, cap, 0, 0);  // absent: nothing to lower
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    int i = 1;
    for (; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg == "--fsize" && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long bytes = std::strtoull(argv[++i], &end, 10);
            if (!end || *end) {
                std::fprintf(stderr, "limited-run: --fsize needs a number of bytes\n");
                return 126;
            }
            if (signal(SIGXFSZ, SIG_IGN) == SIG_ERR) {
                std::fprintf(stderr, "limited-run: cannot ignore SIGXFSZ: %s\n",
                             std::strerror(errno));
                return 126;
            }
            const rlimit limit{bytes, bytes};
            if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
                std::fprintf(stderr, "limited-run: cannot set RLIMIT_FSIZE: %s\n",
                             std::strerror(errno));
                return 126;
            }
        } else if (arg == "--data" && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long bytes = std::strtoull(argv[++i], &end, 10);
            const rlimit limit{bytes, bytes};
            if (!end || *end || setrlimit(RLIMIT_DATA, &limit) != 0) {
                std::fprintf(stderr, "limited-run: --data needs a number of bytes: %s\n",
                             std::strerror(errno));
                return 126;
            }
        } else if (arg == "--no-dac-override") {
            if (geteuid() == 0 &&
                !(drop_capability(CAP_DAC_OVERRIDE) && drop_capability(CAP_DAC_READ_SEARCH))) {
                std::fprintf(stderr,
                             "limited-run: cannot drop CAP_DAC_OVERRIDE and "
                             "CAP_DAC_READ_SEARCH: %s\n",
                             std::strerror(errno));
                return 126;
            }
        } else {
            std::fprintf(stderr,
                         "usage: limited-run [--fsize BYTES] [--data BYTES] [--no-dac-override] -- "
                         "COMMAND [ARG...]\n");
            return 126;
        }
    }
    if (i >= argc) {
        std::fprintf(stderr, "limited-run: no command\n");
        return 126;
    }
    execvp(argv[i], argv + i);
    std::fprintf(stderr, "limited-run: %s: %s\n", argv[i], std::strerror(errno));
    return 127;
}
