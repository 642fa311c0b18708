// Work shared out over a few threads: the engine's groups of indicators, disclosure control's
// components. One place, so that both take the same number of threads the same way.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace jbr {

// The threads to use: the machine's cores, at most four (the work is a few dozen jobs of very
// different sizes; more threads only wait on the largest).
inline unsigned WorkerThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : std::clamp(cores, 1u, 4u);
}

// Calls f(0) .. f(n - 1), each once, indices taken in order by up to WorkerThreads() threads, the
// calling one among them. `helper_done` runs on each other thread when there is no index left (to
// free what the thread kept, such as GLPK's environment). An exception of f is rethrown here.
template <typename F, typename Done>
void ForEachOnThreads(size_t n, F f, Done helper_done) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) f(i);
  };
  std::vector<std::future<void>> helpers;
  for (size_t t = 1; t < std::min<size_t>(n, WorkerThreads()); ++t) {
    helpers.push_back(std::async(std::launch::async, [&] {
      work();
      helper_done();
    }));
  }
  work();
  for (auto& h : helpers) h.get();
}

template <typename F>
void ForEachOnThreads(size_t n, F f) {
  ForEachOnThreads(n, f, [] {});
}

}  // namespace jbr
