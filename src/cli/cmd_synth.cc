// jbr synth: writes the synthetic Rijk's deliveries (src/synth) and a manifest.
//   jbr synth --years 2018-2021 --out DIR [--scale 1.0] [--seed N] [--defects SPEC.json]
//   [--defect-rate R]
//             [--base-year]
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "common/parse.h"
#include "common/text.h"
#include "synth/synth.h"

namespace jbr::cli {
namespace {

struct SynthArgs {
  std::string years = "2018-2021";
  std::string out;
  double scale = 1.0;
  uint64_t seed = 1;
  std::string style;
  std::string defects;
  double defect_rate = 0;
  bool base_year = false;
};

}  // namespace

// "2018-2021" or "2020".
Result<std::pair<int, int>> ParseYears(const std::string& text) {
  const auto dash = text.find('-');
  auto first = ParseInt(text.substr(0, dash));
  auto last = dash == std::string::npos ? first : ParseInt(text.substr(dash + 1));
  if (!first || !last || *first < 1900 || *last > 2100 || *first > *last) {
    return UsageError(
        fmt::format("--years: expected a year or a range like 2018-2021, not '{}'", text));
  }
  return std::make_pair(static_cast<int>(*first), static_cast<int>(*last));
}

void RegisterSynth(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<SynthArgs>();
  CLI::App* cmd =
      app.add_subcommand("synth", "Write the synthetic Rijk's deliveries and their manifest");
  cmd->add_option("--years", a->years, "Years, e.g. 2018-2021")->capture_default_str();
  cmd->add_option("--out", a->out, "Directory to write to")->required();
  cmd->add_option("--scale", a->scale,
                  "Size relative to the real Rijk (10 gives about 1.3 million persons)")
      ->capture_default_str();
  cmd->add_option("--seed", a->seed, "Random seed: the same seed gives the same bytes")
      ->capture_default_str();
  cmd->add_option(
      "--style", a->style,
      "Write every file one way (utf8-comma, utf8bom-semicolon, cp1252-semicolon, xlsx) instead of "
      "each ministry's own mix");
  cmd->add_option(
      "--defects", a->defects,
      "JSON spec of defective deliveries to write as well, into OUT/defects/ with answer-key.json "
      "(see docs/synth-defects.md)");
  cmd->add_option(
      "--defect-rate", a->defect_rate,
      "Share of deliveries (0-1) that also get a spoilt copy of a kind drawn from the seed");
  cmd->add_flag("--base-year", a->base_year,
                "Also the mobility deliveries of the CO2 goal's base year (norms.csv "
                "co2.mobility.base_year) when "
                "it is before the first year, so that mobility CO2 against it can be computed");
  cmd->callback([&run, &g, a] {
    run = [&g, a]() -> Status {
      JBR_ASSIGN_OR_RETURN(auto years, ParseYears(a->years));
      synth::SynthOptions o;
      o.first_year = years.first;
      o.last_year = years.second;
      o.out_dir = a->out;
      o.data_dir = g.data_dir;
      o.scale = a->scale;
      o.seed = a->seed;
      o.style = a->style;
      o.defects_file = a->defects;
      o.defect_rate = a->defect_rate;
      o.base_year = a->base_year;
      if (IsTerminal(2)) o.progress = [](const std::string& line) { std::cerr << line << "\n"; };
      const auto t0 = std::chrono::steady_clock::now();
      JBR_ASSIGN_OR_RETURN(auto files, synth::Synthesise(o));
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      size_t rows = 0;
      for (const auto& f : files) rows += f.rows;
      std::cout << fmt::format("wrote {} files ({} rows) and manifest.csv to {} in {:.1f} s\n",
                               files.size(), rows, a->out, s);
      if (!a->defects.empty() || a->defect_rate > 0)
        std::cout << fmt::format("defective deliveries and answer-key.json in {}/defects\n",
                                 a->out);
      return Status::Ok();
    };
  });
}

}  // namespace jbr::cli
