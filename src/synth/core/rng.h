// A small, fast, deterministic random generator for the synthetic Rijk (xoshiro256** seeded through
// splitmix64). Written here rather than taken from <random> because the standard distributions are
// not specified bit for bit: std::normal_distribution gives different numbers with libstdc++ and
// libc++, and the generator promises byte-identical files for the same seed everywhere.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>

namespace jbr::synth {

class Rng {
 public:
  // A stream for one purpose: the seed and a tag ("FIN/absence/2020") give independent streams, so
  // that adding a dataset or a ministry never shifts the numbers of another.
  static Rng For(uint64_t seed, std::string_view tag) {
    uint64_t h = 1469598103934665603ULL ^ seed;  // FNV-1a over the tag, started from the seed
    for (char c : tag) {
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return Rng(h);
  }

  explicit Rng(uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9E3779B97F4A7C15ULL;  // splitmix64
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      s = z ^ (z >> 31);
    }
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [lo, hi].
  int64_t Int(int64_t lo, int64_t hi) {
    const auto span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(Next() % span);  // the bias is below 2^-40 for our spans
  }
  bool Chance(double p) { return Uniform() < p; }
  // Standard normal (Box-Muller, one value per call).
  double Normal() {
    const double u1 = 1.0 - Uniform();
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double Normal(double mean, double sd) { return mean + sd * Normal(); }
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  double Exponential(double mean) { return -mean * std::log(1.0 - Uniform()); }
  // Poisson by inversion; fine for the small means used here (below about 30).
  int Poisson(double mean) {
    const double l = std::exp(-mean);
    int k = 0;
    double p = Uniform();
    double cdf = l, term = l;
    while (p > cdf && k < 1000) {
      ++k;
      term *= mean / k;
      cdf += term;
    }
    return k;
  }
  // An index drawn with the given (not necessarily normalised) weights.
  size_t Pick(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace jbr::synth
