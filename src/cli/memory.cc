// jbr's malloc is jemalloc (linked in src/cli/CMakeLists.txt), with transparent huge pages for the
// commands that compute: docs/ARCHITECTURE.md, "Memory".
//
// A compute touches some 150 MB of fresh memory (decoded columns, the themes' per-person arrays):
// in 4 KiB pages that is 36,000 page faults, a quarter of its CPU time on these machines; in 2 MiB
// pages about 4,500. jemalloc's option "thp:always" asks the kernel for 2 MiB pages for every
// extent (MADV_HUGEPAGE, which the kernel honours in its default "madvise" mode). glibc's malloc
// can be told so only by an environment variable read before the program runs
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), so jbr brings the allocator that takes it from the
// program. The sanitizer builds link no jemalloc, and nothing here is compiled there.
#include <cstring>

#ifdef JBR_JEMALLOC
extern "C" {
// jemalloc reads its options from this variable when it starts, at the first malloc.
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's interface
const char* malloc_conf = "thp:always,metadata_thp:auto";
}

namespace {

// The commands that stream a file through a few buffers keep ordinary pages: their peak memory is
// measured against the file's size (bench/README.md), and whole 2 MiB pages for buffers of a few
// hundred KiB would add some 10 MB to it, for no gain in speed (a load of a million rows: 1.00 of
// the time). Their own large table (the unique keys, validate/key_set.cc) asks for huge pages
// itself.
bool Streams(const char* command) {
  return std::strcmp(command, "validate") == 0 || std::strcmp(command, "load") == 0 ||
         std::strcmp(command, "import") == 0;
}

// Runs before anything else of the process (the dynamic loader calls an executable's
// .preinit_array before any library's initialiser, so before the first malloc), and chooses
// jemalloc's options by the command: the first argument that is not an option or the value of
// a global option (-w, --workspace, --store).
void ChooseMallocConf(int argc, char** argv, char** /*envp*/) {
  for (int i = 1; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strcmp(arg, "-w") == 0 || std::strcmp(arg, "--workspace") == 0 ||
        std::strcmp(arg, "--store") == 0) {
      ++i;
      continue;
    }
    if (arg[0] == '-') continue;
    if (Streams(arg)) malloc_conf = "";
    return;
  }
}

}  // namespace

// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the loader's interface
__attribute__((section(".preinit_array"),
               used)) void (*const jbr_choose_malloc_conf)(int, char**, char**) = ChooseMallocConf;
#endif
