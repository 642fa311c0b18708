#include "audit/publication.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <functional>
#include <system_error>

#include <fmt/format.h>

#include "ingest/csv_reader.h"

namespace jbr::audit {
namespace fs = std::filesystem;

std::string CellKey::ToString() const {
  auto star = [](const std::string& s) { return s.empty() ? std::string("*") : s; };
  return fmt::format("{}/{}/{}/{}/{}", indicator, ministry, star(unit_type), period,
                     star(category));
}

namespace {

// One CSV file of the open data, its columns looked up by header name.
class OpenDataFile {
 public:
  OpenDataFile(std::string path, std::string name)
      : path_(std::move(path)), name_(std::move(name)) {}

  // Opens the file and checks that every required column is there.
  Status Open(const std::vector<std::string>& required) {
    CsvOptions options;
    options.delimiter = ',';
    options.encoding = Encoding::kUtf8;
    JBR_ASSIGN_OR_RETURN(source_, OpenCsv(path_, name_, options, &sink_));
    const auto& h = source_->header().cells;
    for (size_t i = 0; i < h.size(); ++i) columns_.emplace(h[i], i);
    for (const std::string& c : required) {
      if (!columns_.count(c)) {
        return InvalidInput(
            fmt::format("{}: no column '{}' (the header is the open data's, as jbr "
                        "publish writes it)",
                        name_, c));
      }
    }
    return Status::Ok();
  }

  // Calls `fn` for every non-blank row; stops at the first error, or at a reader finding.
  Status ForEach(const std::function<Status()>& fn) {
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool more, source_->Next(&row_));
      if (sink_.errors() > 0) {
        const Finding& f = sink_.findings().front();
        return InvalidInput(fmt::format("{}:{}: {}", name_, f.row, f.message));
      }
      if (!more) return Status::Ok();
      if (row_.IsBlank()) continue;
      JBR_RETURN_IF_ERROR(fn());
    }
  }

  const std::string& Text(const std::string& column) const {
    static const std::string kEmpty;
    auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row_.cells.size()) return kEmpty;
    return row_.cells[it->second];
  }

  Status Error(const std::string& column, const std::string& what) const {
    return InvalidInput(
        fmt::format("{}:{}:{}: {} ('{}')", name_, row_.row_number, column, what, Text(column)));
  }

  // An optional number: empty -> nullopt; anything but a finite decimal is an error.
  Status Number(const std::string& column, std::optional<double>* out) const {
    const std::string& t = Text(column);
    out->reset();
    if (t.empty()) return Status::Ok();
    double v = 0;
    const char* end = t.data() + t.size();
    auto [p, ec] = std::from_chars(t.data(), end, v);
    if (ec != std::errc() || p != end || !std::isfinite(v)) {
      return Error(column, "not a number");
    }
    *out = v;
    return Status::Ok();
  }

  Status Status_(const std::string& column, CellStatus* out) const {
    const std::string& t = Text(column);
    if (t == "published") {
      *out = CellStatus::kPublished;
    } else if (t == "suppressed") {
      *out = CellStatus::kSuppressed;
    } else if (t == "missing") {
      *out = CellStatus::kMissing;
    } else {
      return Error(column, "status is not published, suppressed or missing");
    }
    return Status::Ok();
  }

  Status Key(CellKey* key) const {
    key->indicator = Text("indicator");
    key->ministry = Text("ministry");
    key->unit_type = Text("unit_type");
    key->period = Text("period");
    key->category = Text("category");
    if (key->indicator.empty()) return Error("indicator", "empty indicator");
    if (key->ministry.empty()) return Error("ministry", "empty ministry");
    const std::string& p = key->period;
    const bool year = p.size() >= 4 && std::all_of(p.begin(), p.begin() + 4, ::isdigit);
    const bool ok = year && (p.size() == 4 || (p.size() == 7 && p[4] == '-' && p[5] == 'Q' &&
                                               p[6] >= '1' && p[6] <= '4'));
    if (!ok) return Error("period", "period is not YEAR or YEAR-Qn");
    return Status::Ok();
  }

  int64_t line() const { return row_.row_number; }

 private:
  std::string path_, name_;
  CollectingSink sink_{16};
  std::unique_ptr<RowSource> source_;
  std::map<std::string, size_t> columns_;
  RawRow row_;
};

const std::vector<std::string> kKeyColumns = {"indicator", "ministry", "unit_type", "period",
                                              "category"};

std::vector<std::string> With(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Status ReadIndicators(const std::string& path, PublishedRelease* rel) {
  OpenDataFile f(path, "indicators.csv");
  JBR_RETURN_IF_ERROR(f.Open(With(kKeyColumns, {"value", "numerator", "denominator", "status"})));
  return f.ForEach([&]() -> Status {
    IndicatorRow r;
    r.line = f.line();
    JBR_RETURN_IF_ERROR(f.Key(&r.key));
    JBR_RETURN_IF_ERROR(f.Status_("status", &r.status));
    JBR_RETURN_IF_ERROR(f.Number("value", &r.value));
    JBR_RETURN_IF_ERROR(f.Number("numerator", &r.numerator));
    JBR_RETURN_IF_ERROR(f.Number("denominator", &r.denominator));
    JBR_RETURN_IF_ERROR(f.Number("previous", &r.previous));
    if (r.status == CellStatus::kPublished && (!r.numerator || !r.denominator)) {
      return f.Error("numerator", "a published row without its numerator and denominator");
    }
    if (r.status != CellStatus::kPublished) {
      // The open data never carries a hidden cell's numbers; if one did, the audit would treat it
      // as published, which is what an intruder would do.
      if (r.numerator && r.denominator) r.status = CellStatus::kPublished;
    }
    rel->year = std::max(rel->year, std::stoi(r.key.period.substr(0, 4)));
    rel->indicators.push_back(std::move(r));
    return Status::Ok();
  });
}

Status ReadSeries(const std::string& path, PublishedRelease* rel) {
  OpenDataFile f(path, "series.csv");
  JBR_RETURN_IF_ERROR(f.Open(With(kKeyColumns, {"status", "value"})));
  return f.ForEach([&]() -> Status {
    SeriesRow r;
    JBR_RETURN_IF_ERROR(f.Key(&r.key));
    JBR_RETURN_IF_ERROR(f.Status_("status", &r.status));
    JBR_RETURN_IF_ERROR(f.Number("value", &r.value));
    if (r.value) r.status = CellStatus::kPublished;
    rel->series.push_back(std::move(r));
    return Status::Ok();
  });
}

Status ReadRestatements(const std::string& path, PublishedRelease* rel) {
  OpenDataFile f(path, "restatements.csv");
  JBR_RETURN_IF_ERROR(f.Open(kKeyColumns));
  return f.ForEach([&]() -> Status {
    RestatementRow r;
    JBR_RETURN_IF_ERROR(f.Key(&r.key));
    r.first_release = f.Text("first_release");
    rel->restatements.push_back(std::move(r));
    return Status::Ok();
  });
}

Status ReadDefinitions(const std::string& path, PublishedRelease* rel) {
  OpenDataFile f(path, "definitions.csv");
  JBR_RETURN_IF_ERROR(f.Open({"id", "disclosure"}));
  return f.ForEach([&]() -> Status {
    DefinitionRow d{f.Text("id"), f.Text("unit"), f.Text("disclosure")};
    if (d.id.empty()) return f.Error("id", "empty id");
    static const std::vector<std::string> kKinds = {"none", "person-count", "person-statistic",
                                                    "integrity-count"};
    if (std::find(kKinds.begin(), kKinds.end(), d.disclosure) == kKinds.end()) {
      return f.Error("disclosure",
                     "disclosure is not none, person-count, person-statistic or integrity-count");
    }
    rel->definitions[d.id] = std::move(d);
    return Status::Ok();
  });
}

bool IsFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

}  // namespace

std::optional<std::pair<int, int>> ParseReleaseName(const std::string& name) {
  const size_t dash = name.find('-');
  if (dash != 4 || name.size() < 6 || name.size() > 10) return std::nullopt;
  int year = 0, number = 0;
  auto [p1, e1] = std::from_chars(name.data(), name.data() + 4, year);
  auto [p2, e2] = std::from_chars(name.data() + 5, name.data() + name.size(), number);
  if (e1 != std::errc() || p1 != name.data() + 4 || e2 != std::errc() ||
      p2 != name.data() + name.size() || number < 1 || name[5] == '+') {
    return std::nullopt;
  }
  return std::make_pair(year, number);
}

Result<PublishedRelease> ReadPublication(const std::string& dir) {
  const fs::path root(dir);
  const fs::path od = root / "opendata";
  for (const char* required : {"indicators.csv", "definitions.csv"}) {
    if (!IsFile(od / required)) {
      return NotFound(
          fmt::format("{}: no opendata/{} (is it a publication directory?)", dir, required));
    }
  }
  PublishedRelease rel;
  rel.dir = dir;
  rel.name = fs::absolute(root).lexically_normal().filename().string();
  if (rel.name.empty()) rel.name = fs::absolute(root).lexically_normal().parent_path().filename();
  if (auto n = ParseReleaseName(rel.name)) rel.number = n->second;
  auto prefix = [&](Status s) {
    return s.ok() ? s : Status(s.code(), fmt::format("{}: {}", dir, s.message()));
  };
  JBR_RETURN_IF_ERROR(prefix(ReadIndicators((od / "indicators.csv").string(), &rel)));
  JBR_RETURN_IF_ERROR(prefix(ReadDefinitions((od / "definitions.csv").string(), &rel)));
  if (IsFile(od / "series.csv")) {
    JBR_RETURN_IF_ERROR(prefix(ReadSeries((od / "series.csv").string(), &rel)));
  }
  if (IsFile(od / "restatements.csv")) {
    JBR_RETURN_IF_ERROR(prefix(ReadRestatements((od / "restatements.csv").string(), &rel)));
  }
  return rel;
}

std::vector<std::string> DiscoverEarlierReleases(const std::string& dir) {
  const fs::path self = fs::absolute(fs::path(dir)).lexically_normal();
  fs::path name = self.filename();
  fs::path parent = self.parent_path();
  if (name.empty()) {  // "releases/2021-1/"
    name = parent.filename();
    parent = parent.parent_path();
  }
  auto me = ParseReleaseName(name.string());
  if (!me) return {};
  std::vector<std::pair<std::pair<int, int>, std::string>> found;
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    auto other = ParseReleaseName(it->path().filename().string());
    if (!other || *other >= *me) continue;
    if (!IsFile(it->path() / "opendata" / "indicators.csv")) continue;
    found.emplace_back(*other, it->path().string());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace jbr::audit
