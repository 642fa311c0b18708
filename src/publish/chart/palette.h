// Colours of charts and the contrast rules they must meet (publication.md: WCAG 2.1 AA, marks 3:1
// against background and neighbours, text 4.5:1), with the house-style palette.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace jbr::publish {

struct Rgb {
  int r = 0, g = 0, b = 0;  // 0..255
};

// Parses "#rrggbb" (lower or upper case). Anything else (names, "#rgb", rgba) gives nullopt: a
// chart spec names its colours exactly so that the check can measure them.
std::optional<Rgb> ParseHexColor(std::string_view hex);

// WCAG 2.1 relative luminance (0 black .. 1 white): sRGB channels linearised
// (c <= 0.04045 ? c/12.92 : ((c+0.055)/1.055)^2.4), weighted 0.2126 R + 0.7152 G + 0.0722 B.
double RelativeLuminance(Rgb c);

// WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 (same) .. 21 (black/white).
double ContrastRatio(Rgb a, Rgb b);

// The thresholds of WCAG 2.1 AA: 1.4.11 non-text contrast and 1.4.3 text contrast.
inline constexpr double kMinMarkContrast = 3.0;
inline constexpr double kMinTextContrast = 4.5;

inline constexpr std::string_view kBackground = "#ffffff";
inline constexpr std::string_view kTextColor = "#1f1f1f";  // all chart text, 16:1 on white
inline constexpr std::string_view kGridColor = "#d9d9d9";  // gridlines: light, never text
inline constexpr std::string_view kAxisColor = "#595959";  // the 0 baseline, 7:1 on white
inline constexpr std::string_view kNormColor = "#154273";  // norm line (dashed) and its label

// The default series colours, in order. Every one reaches 3:1 on white (orange, the lightest,
// 3.2:1). The first four alternate dark and light so that each neighbour pair reaches 3:1 against
// each other as well (logo blue/orange 3.2, orange/purple 4.3, purple/sky blue 3.1); the house
// palette has no five colours that chain like that, which is why stacked bars separate segments by
// a white gap (chart_spec.h) and grouped bars leave space between bars. Blue against orange is
// also the pair that colour-blind readers tell apart best.
inline constexpr std::array<std::string_view, 5> kSeriesColors = {
    "#154273",  // logo blue
    "#e17000",  // orange
    "#42145f",  // purple
    "#007bc7",  // sky blue
    "#a90061",  // violet
};

}  // namespace jbr::publish
