#include "publish/core/figures.h"
#include "publish/core/messages.h"

#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "indicators/engine.h"

namespace jbr::publish {

FigureIndex::FigureIndex(const Publication& pub) : pub_(&pub) {
  for (const auto& d : pub.definitions) defs_.emplace(d.id, &d);
  std::map<std::string, bool> ministries;
  for (const auto& v : pub.values) {
    cells_.emplace(Key{v.indicator, v.ministry, v.period, v.unit_type, v.category}, &v);
    by_indicator_[v.indicator].push_back(&v);
    if (v.ministry != kRijk) ministries[v.ministry] = true;
  }
  for (const auto& [code, unused] : ministries) ministries_.push_back(code);
  for (const auto& year : pub.series) {
    for (const auto& v : year.values)
      cells_.emplace(Key{v.indicator, v.ministry, v.period, v.unit_type, v.category}, &v);
    series_years_.push_back(year.year);
  }
  series_years_.push_back(pub.run.year);
}

const IndicatorDef* FigureIndex::Definition(std::string_view id) const {
  auto it = defs_.find(id);
  return it == defs_.end() ? nullptr : it->second;
}

const PublishedValue* FigureIndex::Find(std::string_view indicator, std::string_view ministry,
                                        std::string_view period, std::string_view unit_type,
                                        std::string_view category) const {
  auto it = cells_.find(Key{std::string(indicator), std::string(ministry), std::string(period),
                            std::string(unit_type), std::string(category)});
  return it == cells_.end() ? nullptr : it->second;
}

const std::vector<const PublishedValue*>& FigureIndex::Of(std::string_view indicator) const {
  static const std::vector<const PublishedValue*> kNone;
  auto it = by_indicator_.find(indicator);
  return it == by_indicator_.end() ? kNone : it->second;
}

namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsYear(const std::string& w) {
  return w.size() == 4 &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const char* const kFields[] = {"value",     "previous", "change",    "change_signed",
                               "direction", "norm",     "numerator", "denominator"};

bool IsField(const std::string& w) {
  return std::find(std::begin(kFields), std::end(kFields), w) != std::end(kFields);
}

Status ApplyKey(const std::string& word, FigureRef* ref) {
  const size_t eq = word.find('=');
  const std::string key = word.substr(0, eq), value = word.substr(eq + 1);
  if (key == "period")
    ref->period = value;
  else if (key == "unit_type")
    ref->unit_type = value;
  else if (key == "category")
    ref->category = value;
  else if (key == "plural") {
    const size_t bar = value.find('|');
    if (bar == std::string::npos || bar == 0 || bar + 1 == value.size() ||
        value.find('|', bar + 1) != std::string::npos) {
      return UsageError(fmt::format(
          "plural={}: give the singular and the plural, as plural=project|projecten", value));
    }
    ref->singular = value.substr(0, bar);
    ref->plural = value.substr(bar + 1);
  } else
    return UsageError(fmt::format("unknown key '{}' (period, unit_type, category or plural)", key));
  return Status::Ok();
}

Status ApplyWord(const std::string& w, const FigureIndex& index, FigureRef* ref) {
  if (w.find('=') != std::string::npos) return ApplyKey(w, ref);
  if (IsYear(w)) {
    ref->year = std::stoi(w);
    const auto& years = index.SeriesYears();
    if (ref->year != index.year() - 1 &&
        std::find(years.begin(), years.end(), ref->year) == years.end()) {
      return UsageError(
          fmt::format("year {} is not in this report: use one of {}", w, fmt::join(years, ", ")));
    }
    return Status::Ok();
  }
  if (IsField(w)) {
    ref->field = w;
    return Status::Ok();
  }
  if (w == kRijk || std::binary_search(index.Ministries().begin(), index.Ministries().end(), w)) {
    ref->ministry = w;
    return Status::Ok();
  }
  return UsageError(fmt::format("'{}' is no ministry of this run, year or field ({})", w,
                                fmt::join(std::begin(kFields), std::end(kFields), ", ")));
}

}  // namespace

Result<FigureRef> ParseFigureRef(std::string_view words, const FigureIndex& index) {
  const std::vector<std::string> w = Words(words);
  if (w.empty()) return UsageError("empty placeholder");
  FigureRef ref;
  ref.indicator = w[0];
  if (index.Definition(ref.indicator) == nullptr) {
    return UsageError(fmt::format("unknown indicator '{}'", ref.indicator));
  }
  ref.year = index.year();
  for (size_t i = 1; i < w.size(); ++i) JBR_RETURN_IF_ERROR(ApplyWord(w[i], index, &ref));
  if (ref.year == index.year() - 1) {
    if (ref.field != "value")
      return UsageError("a field of last year's figure: use the report year");
    ref.field = "previous";
    ref.year = index.year();
  } else if (ref.year < index.year() - 1) {
    if (ref.field != "value") return UsageError("an earlier year's figure: only its value");
    if (!ref.period.empty()) return UsageError("an earlier year's figure: only the whole year");
    ref.period = std::to_string(ref.year);
  }
  if (ref.period.empty()) ref.period = std::to_string(index.year());
  return ref;
}

std::string DirectionWord(double change, Lang lang) {
  if (change > 0) return Tr(Msg::kRisen, lang);
  if (change < 0) return Tr(Msg::kFallen, lang);
  return Tr(Msg::kUnchanged, lang);
}

std::string ChangeText(double change, std::string_view unit, Lang lang, bool with_sign) {
  const double shown = with_sign ? change : std::fabs(change);
  if (unit == "%") {
    const std::string n = with_sign ? FormatSigned(shown, 1, lang) : FormatDecimal(shown, 1, lang);
    return n + (Tr(Msg::kPercentagePoints, lang));
  }
  const std::string n = FormatFigure(shown, unit, lang);
  return with_sign ? WithSign(n, shown) : n;
}

const std::string& CountWord(std::string_view shown, const std::string& singular,
                             const std::string& plural) {
  return shown == "1" ? singular : plural;
}

namespace {

Result<std::string> FigureOf(const FigureRef& ref, const FigureIndex& index, Lang lang);

}  // namespace

Result<std::string> FigureText(const FigureRef& ref, const FigureIndex& index, Lang lang) {
  JBR_ASSIGN_OR_RETURN(std::string text, FigureOf(ref, index, lang));
  if (ref.plural.empty()) return text;
  if (ref.field == "direction")
    return UsageError(fmt::format("{}: a direction has no plural", ref.indicator));
  return CountWord(text, ref.singular, ref.plural);
}

namespace {

Result<std::string> FigureOf(const FigureRef& ref, const FigureIndex& index, Lang lang) {
  const IndicatorDef* def = index.Definition(ref.indicator);
  if (def == nullptr) return UsageError(fmt::format("unknown indicator '{}'", ref.indicator));
  if (ref.field == "norm") {
    if (!def->norm) return UsageError(fmt::format("{} has no norm or target", ref.indicator));
    return FormatFigure(def->norm->value, def->unit, lang);
  }
  const PublishedValue* v =
      index.Find(ref.indicator, ref.ministry, ref.period, ref.unit_type, ref.category);
  const std::string where = fmt::format("{} {} {}{}{}", ref.indicator, ref.ministry, ref.period,
                                        ref.unit_type.empty() ? "" : " " + ref.unit_type,
                                        ref.category.empty() ? "" : " " + ref.category);
  if (v == nullptr) return UsageError(fmt::format("no figure {} in this run", where));
  if (v->status == "suppressed") {
    return UsageError(
        fmt::format("{} is suppressed (it could single out a person): a sentence "
                    "must not use it",
                    where));
  }
  if (!v->value) return UsageError(fmt::format("{} is missing (not delivered)", where));
  auto need = [&](const std::optional<double>& x, const char* what) -> Result<double> {
    if (!x) return UsageError(fmt::format("{} has no {}", where, what));
    return *x;
  };
  if (ref.field == "value") return FormatFigure(*v->value, v->unit, lang);
  if (ref.field == "previous") {
    JBR_ASSIGN_OR_RETURN(double p, need(v->previous, "value for last year"));
    return FormatFigure(p, v->unit, lang);
  }
  if (ref.field == "numerator" || ref.field == "denominator") {
    JBR_ASSIGN_OR_RETURN(double x, need(ref.field == "numerator" ? v->numerator : v->denominator,
                                        ref.field.c_str()));
    return FormatDecimal(x, 0, lang);
  }
  JBR_ASSIGN_OR_RETURN(double c, need(v->change, "change against last year"));
  if (ref.field == "direction") return DirectionWord(c, lang);
  return ChangeText(c, v->unit, lang, ref.field == "change_signed");
}

}  // namespace

std::string CellKey(const PublishedValue& v) {
  return fmt::format("{}|{}|{}|{}|{}", v.indicator, v.ministry, v.period, v.unit_type, v.category);
}

std::vector<const PublishedValue*> RijkCategories(const IndicatorDef& def, const FigureIndex& ix) {
  const std::string year = std::to_string(ix.year());
  std::vector<const PublishedValue*> out;
  for (const auto* v : ix.Of(def.id)) {
    if (v->ministry == kRijk && v->period == year && v->unit_type.empty() && !v->category.empty())
      out.push_back(v);
  }
  return out;
}

std::string NormText(const IndicatorDef& def, Lang lang) {
  if (!def.norm) return "";
  const bool max = def.norm->kind == Norm::Kind::kMaximum;
  const std::string v = FormatFigure(def.norm->value, def.unit, lang);
  return fmt::format(fmt::runtime(Tr(max ? Msg::kNormAtMost : Msg::kNormAtLeast, lang)), v);
}

}  // namespace jbr::publish
