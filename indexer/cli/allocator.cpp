// jemalloc's settings for newsdesk-index (linked in where CMakeLists.txt finds
// it): one arena, and unused address space handed back rather than retained,
// so a limit on the indexer's memory (ulimit -d or -v, a container's, the
// bounded-memory tests' RLIMIT_DATA) holds what it uses, as under glibc's
// malloc. Its defaults (an arena per core times four, address space kept for
// reuse) failed the million-item feed under 40 MB that glibc passed; these
// settings cost nothing measurable on two cores.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "narenas:1,retain:false";
}
