#!/usr/bin/env bash
# Remakes the four fonts the slip is drawn with, from Debian's fonts-noto-core (OFL 1.1, see
# OFL.txt), cut down to the letters the guide's eight languages need: English, Turkish,
# Kurmanji (Latin with ê î û ç ş), Russian and Ukrainian (Cyrillic) from Noto Sans; Arabic,
# Persian and Pashto (ټ ډ ړ ښ ږ ګ ڼ ې ۍ) from Noto Sans Arabic. The features that shaping needs
# are kept (fontTools' default set: joining forms, ligatures, marks, kerning, the Persian
# digit forms of `locl`), so Arabic letters still join and Latin accents still sit right;
# small capitals, old-style figures and other extras go. Hinting is dropped (the renderers
# draw unhinted outlines at print and phone resolutions anyway).
#
# Needs Debian's fonts-noto-core and python3-fonttools (apt-get install fonts-noto-core
# python3-fonttools). Run from anywhere: bash crates/slip/fonts/subset.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
noto=/usr/share/fonts/truetype/noto
# Debian's python3, where python3-fonttools is installed (a pyenv python may lack it).
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" -c 'import fontTools' 2>/dev/null || {
  echo "subset.sh: fontTools is missing: apt-get install python3-fonttools" >&2
  exit 1
}

# Shared by both scripts: space, digits and punctuation; no-break space; bidi marks,
# joiners, dashes, quotes, bullets and ellipsis (General Punctuation).
common="U+0020-007E,U+00A0,U+00AB,U+00BB,U+2000-206F"
# Latin (Basic, Latin-1, Extended-A: Turkish ğ ı İ ş, Kurmanji ê î û ç ş), spacing and
# combining accents, Cyrillic (Russian, Ukrainian і ї є ґ and its apostrophe ʼ), the euro,
# the lira and the numero sign.
latin="$common,U+00A1-00FF,U+0100-017F,U+02B0-02FF,U+0300-036F,U+0400-045F,U+0490-0491,U+20AC,U+20BA,U+2116"
# The Arabic block (Arabic, Persian, Pashto letters, Arabic-Indic and Persian digits, the
# Arabic comma and question mark, the Arabic letter mark). Contextual and ligature forms
# are reached through the font's own GSUB, which fontTools keeps. The ligatures Arabic
# requires (lam-alef, lam-alef maksura as in على, lam-hah-alef maksura) are also
# kept under their presentation-form code points: the renderer uses them so that the PDF's
# text reads those letters in the right order (src/svg.rs).
arabic="$common,U+0600-06FF,U+FC43,U+FC86,U+FD82,U+FEF5-FEFC"

subset() { # <source file> <unicodes> <output name>
  "$python" -m fontTools.subset "$noto/$1" \
    --unicodes="$2" \
    --layout-features+=kern,liga,locl,ccmp,mark,mkmk,calt,rlig \
    --no-hinting \
    --drop-tables+=DSIG \
    --output-file="$here/$3"
  echo "$3: $(stat -c %s "$noto/$1") bytes -> $(stat -c %s "$here/$3") bytes"
}

subset NotoSans-Regular.ttf "$latin" NotoSans-Regular.ttf
subset NotoSans-Bold.ttf "$latin" NotoSans-Bold.ttf
subset NotoSansArabic-Regular.ttf "$arabic" NotoSansArabic-Regular.ttf
subset NotoSansArabic-Bold.ttf "$arabic" NotoSansArabic-Bold.ttf
