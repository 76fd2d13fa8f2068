// A deterministic synthetic CEPII BACI year for the trade benchmarks
// (baci_load_bench, trade_bench): real BACI flow rows are not in the shared
// data, only its code files.
#ifndef BILAT_BENCH_BACI_SYNTH_H_
#define BILAT_BENCH_BACI_SYNTH_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace bilat::bench {

// splitmix64: fast, deterministic, good enough for synthetic data.
struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }
  double Normal() {  // Box-Muller
    double u = std::max(Uniform(), 1e-300), v = Uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
  }
};

// Writes a BACI-like year: 200 countries with log-normal economic sizes,
// 5,000 HS6 products with Zipf-like popularity, the number of products per
// exporter->importer pair proportional to the product of the two sizes (a
// gravity shape), values log-normal (heavy tail: a few flows of billions,
// most of a few thousand dollars), 3 decimals as BACI prints them, 5% of
// quantities "NA" padded with blanks as BACI does. Sorted by i, j, k.
inline uint64_t GenerateBaciYear(const std::string& path, const std::vector<int>& codes, uint64_t target_rows) {
  Rng rng{20260101};
  const int kCountries = 200, kProducts = 5000;
  std::vector<double> size(kCountries);
  for (auto& s : size) s = std::exp(1.6 * rng.Normal());
  std::vector<int> product_code(kProducts);
  std::vector<double> popularity(kProducts);
  for (int p = 0; p < kProducts; ++p) {
    // HS6-looking codes: chapter 01-97, heading, subheading; distinct.
    int chapter = 1 + p % 97, rest = p / 97;
    product_code[p] = chapter * 10000 + (1 + rest / 10) * 100 + rest % 10 * 10;
    popularity[p] = 1.0 / std::pow(1.0 + (rng.Next() % kProducts), 0.35);
  }
  std::sort(product_code.begin(), product_code.end());
  double mean_pop = 0;
  for (double p : popularity) mean_pop += p / kProducts;
  // Scale so the expected count over all pairs is the target.
  double mass = 0;
  for (int i = 0; i < kCountries; ++i)
    for (int j = 0; j < kCountries; ++j)
      if (i != j) mass += std::min(1.0, size[i] * size[j]);
  double scale = target_rows / (mass * kProducts * mean_pop);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::vector<char> out(1 << 22);
  setvbuf(f, out.data(), _IOFBF, out.size());
  std::fputs("t,i,j,k,v,q\n", f);
  uint64_t rows = 0;
  char line[96];
  for (int i = 0; i < kCountries; ++i) {
    for (int j = 0; j < kCountries; ++j) {
      if (i == j) continue;
      double pair = std::min(1.0, size[i] * size[j]) * scale;
      for (int p = 0; p < kProducts; ++p) {
        if (rng.Uniform() >= pair * popularity[p]) continue;
        double v = std::exp(2.0 + 2.6 * rng.Normal() + 0.5 * std::log(size[i] * size[j]));
        if (v < 0.001) v = 0.001;
        int n;
        if (rng.Next() % 20 == 0) {
          n = std::snprintf(line, sizeof line, "2021,%d,%d,%06d,%.3f,           NA\n", codes[i],
                            codes[j], product_code[p], v);
        } else {
          double q = v * std::exp(1.5 * rng.Normal() - 1.0);
          n = std::snprintf(line, sizeof line, "2021,%d,%d,%06d,%.3f,%.3f\n", codes[i], codes[j],
                            product_code[p], v, q);
        }
        std::fwrite(line, 1, static_cast<size_t>(n), f);
        ++rows;
      }
    }
  }
  std::fclose(f);
  return rows;
}

}  // namespace bilat::bench

#endif  // BILAT_BENCH_BACI_SYNTH_H_
