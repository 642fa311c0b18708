// Figures by reference: how narrative placeholders, chapter blocks and key-figure tiles name a
// published figure (indicator, ministry, period, unit type, category) and get its text. One lookup
// for every page, so that a page can never show a figure the open data does not.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/result.h"
#include "publish/core/html.h"
#include "publish/core/publication.h"

namespace jbr::publish {

class FigureIndex {
 public:
  explicit FigureIndex(const Publication& pub);

  const IndicatorDef* Definition(std::string_view id) const;
  // The value of one cell, or nullptr when the run has none. Earlier years' year-level cells
  // (Publication::series) are found with their year as the period.
  const PublishedValue* Find(std::string_view indicator, std::string_view ministry,
                             std::string_view period, std::string_view unit_type = "",
                             std::string_view category = "") const;
  // The years of the time series, oldest first, the report year last.
  const std::vector<int>& SeriesYears() const { return series_years_; }
  // The values of one indicator, in publication order.
  const std::vector<const PublishedValue*>& Of(std::string_view indicator) const;
  // The ministries with values in the run (codes, sorted; the Rijk not included).
  const std::vector<std::string>& Ministries() const { return ministries_; }
  const Publication& pub() const { return *pub_; }
  int year() const { return pub_->run.year; }

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  const Publication* pub_;
  std::map<std::string, const IndicatorDef*, std::less<>> defs_;
  std::map<Key, const PublishedValue*> cells_;
  std::map<std::string, std::vector<const PublishedValue*>, std::less<>> by_indicator_;
  std::vector<std::string> ministries_;
  std::vector<int> series_years_;
};

// A placeholder's words: INDICATOR [MINISTRY] [YEAR] [FIELD] [key=value ...]
//   MINISTRY: a ministry code of the run or "Rijk" (default)
//   YEAR: the report year (default), the year before it, or an earlier year of the time series
//         (its value only)
//   FIELD: value (default), previous, change (size of the change, no sign), change_signed,
//          direction (risen / fallen / unchanged, in words), norm, numerator, denominator
//   keys: period=2021-Q2, unit_type=core, category=flights;
//         plural=SINGULAR|PLURAL: instead of the figure, the word that goes with it: SINGULAR when
//         the figure as written is 1, else PLURAL ("{{ict.reassessments}}
//         {{ict.reassessments plural=project|projects}}": "1 project", "0 projects", "3 projects").
//         Either may be a verb ("{{personnel.headcount plural=werkte|werkten}}").
struct FigureRef {
  std::string indicator, ministry = "Rijk", field = "value";
  std::string period, unit_type, category;
  std::string singular, plural;  // the plural key's words; empty: the figure itself
  int year = 0;
};

// Parses the words of a placeholder. Errors (usage): an unknown indicator, ministry, field or key,
// a year other than the report year or the one before.
Result<FigureRef> ParseFigureRef(std::string_view words, const FigureIndex& index);

// The text of the figure for a sentence. Errors (usage): no such cell, the cell is missing, the
// cell is suppressed (a sentence must not show or hint at it), the field does not exist for it
// (no previous value, no norm).
Result<std::string> FigureText(const FigureRef& ref, const FigureIndex& index, Lang lang);

// `singular` when a figure written as `shown` is one ("1"), else `plural`: 0, 2, 1,5 and 0.9 take
// the plural in Dutch and English alike.
const std::string& CountWord(std::string_view shown, const std::string& singular,
                             const std::string& plural);

// Words for a change: "gestegen" / "risen" and so on.
std::string DirectionWord(double change, Lang lang);
// The size of a change with its unit: "0,2 procentpunt", "1.234 t".
std::string ChangeText(double change, std::string_view unit, Lang lang, bool with_sign);

// The key of a published cell in every output: "indicator|ministry|period|unit type|category"
// (unescaped; HtmlEscape it in an attribute).
std::string CellKey(const PublishedValue& v);

// The Rijk's figures of the report year by category (all unit types together), in category order:
// what an indicator without a total shows.
std::vector<const PublishedValue*> RijkCategories(const IndicatorDef& def, const FigureIndex& ix);

// The norm as text ("maximaal 10,0%"), "" when the indicator has none.
std::string NormText(const IndicatorDef& def, Lang lang);

}  // namespace jbr::publish
