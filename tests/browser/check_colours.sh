#!/usr/bin/env bash
# The house style of a published site: every colour in its stylesheets and in its pages' SVG
# (fill, stroke, color) is one of the government house style's colours that publication.md lists,
# a light tint of one of them used as a background, or a neutral grey (black to white); and the
# stylesheet's typeface is an open one from Debian (the Rijksoverheid typeface's licence does not
# let an open-source product ship it; Open Sans comes from fonts-open-sans, DejaVu Sans with Chromium's fonts).
#
# Usage: check_colours.sh DIR
# Exit status: 0 all in the house style, 1 a colour or typeface outside it (listed), 2 usage.
set -euo pipefail
dir=${1:-}
[ -d "$dir" ] || { echo "usage: check_colours.sh DIR" >&2; exit 2; }

# publication.md: logo blue, dark blue, sky blue, green, dark green, red, violet, purple, brown,
# orange; then the light tints of logo and sky blue used behind panels, bands and empty bar tracks.
house="154273 01689b 007bc7 39870c 275937 d52b1e a90061 42145f 94710a e17000"
tints="e8f1f8 f3f7fb"

colours=$( (cat "$dir"/assets/*.css; find "$dir" -name '*.html' -print0 | xargs -0 cat) |
  grep -oiE '(fill|stroke|color|background|border[a-z-]*|outline)[=:]"? *#[0-9a-f]{3,6}\b' |
  grep -oiE '#[0-9a-f]{3,6}$' | tr 'A-F' 'a-f' | sort -u)
bad=0
for c in $colours; do
  hex=${c#\#}
  [ ${#hex} -eq 3 ] && hex="${hex:0:1}${hex:0:1}${hex:1:1}${hex:1:1}${hex:2:1}${hex:2:1}"
  case " $house $tints " in *" $hex "*) continue ;; esac
  if [ "${hex:0:2}" = "${hex:2:2}" ] && [ "${hex:2:2}" = "${hex:4:2}" ]; then continue; fi  # a grey
  # Near-greys (a channel at most 8 apart, as the chart text #1f1f1f and #1a1a1a are exact greys).
  r=$((16#${hex:0:2})); g=$((16#${hex:2:2})); b=$((16#${hex:4:2}))
  max=$(( r > g ? (r > b ? r : b) : (g > b ? g : b) )); min=$(( r < g ? (r < b ? r : b) : (g < b ? g : b) ))
  if [ $((max - min)) -le 8 ]; then continue; fi
  echo "FAIL colour #$hex is not in the house style: $(grep -rlio "#$hex" "$dir"/assets "$dir"/nl 2>/dev/null | head -3 | tr '\n' ' ')"
  bad=1
done
family=$(grep -ohE 'html *\{[^}]*font-family: *"?[A-Za-z ]+' "$dir"/assets/style.css | sed 's/.*font-family: *"\{0,1\}//' | head -1)
case "$family" in
  "DejaVu Sans"|"Noto Sans"|"Source Sans 3"|"Fira Sans"|"Open Sans") ;;
  *) echo "FAIL the page typeface '$family' is not one of the open ones from Debian"; bad=1 ;;
esac
n=$(wc -w <<<"$colours")
[ $bad -eq 0 ] && echo "ok   $n colours, all in the house style; typeface $family"
exit $bad
