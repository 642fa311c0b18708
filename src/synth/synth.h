// jbr synth: a synthetic central government. One delivery file per ministry, dataset and year,
// written as ministries really send them, calibrated so that jbr's own indicators give back the
// published figures of domain.md section 8 (data/synth/targets.csv says which figures are published
// and which are chosen), plus a manifest with each file's SHA-256. The same options give the same
// bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr::synth {

struct SynthOptions {
  int first_year = 2018, last_year = 2021;
  std::string out_dir;
  double scale = 1.0;
  uint64_t seed = 1;
  std::string data_dir;  // empty: DefaultDataDir()
  // Empty: each ministry's own habits (a mix of styles). A style name (utf8-comma,
  // utf8bom-semicolon, cp1252-semicolon, xlsx) writes every file that way, e.g. for tools that
  // read one kind of CSV only.
  std::string style;
  // A defect spec (JSON, synth/defects.h): spoilt copies of the deliveries it names go to
  // out_dir/defects/ with answer-key.json; the clean files and the manifest are unchanged.
  std::string defects_file;
  // 0 to 1: the share of deliveries that also get a spoilt copy, of a kind drawn from the seed
  // among those the dataset can have (a table with no suitable row is passed over).
  double defect_rate = 0;
  // Also the mobility deliveries of the CO2 goal's base year (norms.csv co2.mobility.base_year)
  // when it lies before first_year, so that mobility CO2 against the base year can be computed;
  // a ministry that did not exist then delivers under its predecessor's code
  // (data/synth/ministries.csv). Those files are in the manifest like the others.
  bool base_year = false;
  // Called with a short line per step (a year done, files written); may be empty.
  std::function<void(const std::string&)> progress;
};

struct SynthFile {
  std::string file;  // relative to out_dir
  std::string dataset, ministry;
  int year = 0;
  std::string sha256;
  size_t rows = 0;
};

// Writes the files and manifest.csv into out_dir (created when missing), and the defective
// deliveries of options.defects_file and options.defect_rate. A spec that does not parse, or names
// a row a table does not have, gives InvalidInput.
Result<std::vector<SynthFile>> Synthesise(const SynthOptions& options);

// Reads a manifest (file,dataset,ministry,year[,sha256,rows]).
Result<std::vector<SynthFile>> ReadManifest(const std::string& dir);

}  // namespace jbr::synth
