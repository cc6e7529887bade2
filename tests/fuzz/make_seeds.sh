#!/usr/bin/env bash
# Builds the fuzz targets' seed corpora from the real documents, never copying them into the
# repository: OUT/<target>/ for each target in tests/fuzz (OUT defaults to build-fuzz/seeds).
# Usage: tests/fuzz/make_seeds.sh [OUT]
# Env: UPRX_CORPORA (default ../shared/corpora), UPRX_BIN (a built uprx for the eval seed;
# default the first of build/uprx, build-fuzz/uprx that exists).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build-fuzz/seeds}
corpora=${UPRX_CORPORA:-../shared/corpora}
if [ ! -d "$corpora/wg-reports" ]; then
  echo "make_seeds: no corpus at $corpora (set UPRX_CORPORA)" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "make_seeds: python3 missing" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "make_seeds: pdftotext missing (poppler-utils)" >&2; exit 1; }

targets=(normalizer_fuzz wg_report_fuzz addendum_fuzz document_reader_fuzz state_resolver_fuzz
         eval_json_fuzz review_json_fuzz thematic_list_fuzz docx_numbering_fuzz taxonomy_fuzz
         profile_fuzz overrides_fuzz)
for t in "${targets[@]}"; do rm -rf "${out:?}/$t"; mkdir -p "$out/$t"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The first page (symbol, State, session) and the last "Conclusions and/or recommendations"
# section (the table of contents names it too) of a report's text: the parts the extractors
# read, small enough for -max_len. Pages stay separated by form feeds.
head_and_section() {
  local text=$1
  awk 'BEGIN { RS = "\f" } NR == 1 { printf "%s\f", $0; exit }' "$text"
  local line
  line=$(grep -n -E '^[IVX]+\. *Conclusions' "$text" | tail -n 1 | cut -d: -f1 || true)
  tail -n +"${line:-1}" "$text"
}

# WG reports: one per cycle-1 to cycle-2 layout and year, a few across the alphabet.
wg=(albania2010.pdf angola2014.pdf afghanistan2014.pdf Macedonia2014.pdf)
mapfile -t -O "${#wg[@]}" wg < <(ls "$corpora/wg-reports" | awk 'NR % 40 == 7')
for f in "${wg[@]}"; do
  pdf=$corpora/wg-reports/$f
  [ -f "$pdf" ] || continue
  pdftotext -raw "$pdf" "$tmp/full.txt" 2>/dev/null || continue
  head_and_section "$tmp/full.txt" >"$out/wg_report_fuzz/${f%.pdf}.txt"
  awk 'BEGIN { RS = "\f" } NR <= 3 { printf "%s\f", $0 }' "$tmp/full.txt" \
    >"$out/normalizer_fuzz/${f%.pdf}.txt"
done
# Slovenia's WG reports of cycles 3 and 4 (the newer layout).
for f in c3/g1934994.pdf c4/g2502644.pdf; do
  pdf=$corpora/slovenia/$f
  [ -f "$pdf" ] || continue
  pdftotext -raw "$pdf" "$tmp/full.txt" 2>/dev/null || continue
  head_and_section "$tmp/full.txt" >"$out/wg_report_fuzz/slovenia-$(basename "$f" .pdf).txt"
done

# Addenda of all four cycles (cycle 1 item by item, later ones as lists).
for f in c1/Slovenia_Add.pdf c1/g1012465.pdf c2/g1504261.pdf c3/g2004192.pdf c4/g2505828.pdf; do
  pdf=$corpora/slovenia/$f
  [ -f "$pdf" ] || continue
  pdftotext -raw "$pdf" "$tmp/full.txt" 2>/dev/null || continue
  name=$(basename "$f" .pdf)
  head -c 65536 "$tmp/full.txt" >"$out/addendum_fuzz/$name.txt"
  awk 'BEGIN { RS = "\f" } NR <= 2 { printf "%s\f", $0 }' "$tmp/full.txt" \
    >"$out/normalizer_fuzz/add-$name.txt"
done

# Readers: small PDFs (including the broken one and a truncated one), DOCX files, the head of
# a legacy .doc, and UTF-16 / Latin-1 text.
for f in slovenia/c1/Slovenia.pdf slovenia/c1/g0917825.pdf slovenia/c1/g1014611.pdf \
         slovenia/c1/Slovenia_Add.pdf slovenia/c1/g0917123.pdf \
         slovenia/c4/UPR-wg48-Advance-Questions-Slovenia.docx \
         slovenia/c2/UPR20__Slovenia_ThematicListRecommendations_E.docx \
         matrices/Matrix_recommendations_2018.docx; do
  [ -f "$corpora/$f" ] && cat "$corpora/$f" >"$out/document_reader_fuzz/$(basename "$f")"
done
[ -f "$corpora/slovenia/c1/g1014611.pdf" ] &&
  head -c 12000 "$corpora/slovenia/c1/g1014611.pdf" >"$out/document_reader_fuzz/truncated.pdf"
[ -f "$corpora/matrices/EgyptMatriceRecommendations.doc" ] &&
  head -c 4096 "$corpora/matrices/EgyptMatriceRecommendations.doc" >"$out/document_reader_fuzz/head.doc"
first=$(ls "$out/normalizer_fuzz" | head -n 1)
if [ -n "$first" ]; then
  head -c 4000 "$out/normalizer_fuzz/$first" >"$out/document_reader_fuzz/report.txt"
  { printf '\xff\xfe'; head -c 2000 "$out/normalizer_fuzz/$first" | iconv -f UTF-8 -t UTF-16LE -c; } \
    >"$out/document_reader_fuzz/report-utf16.txt"
  head -c 2000 "$out/normalizer_fuzz/$first" | iconv -f UTF-8 -t LATIN1 -c \
    >"$out/document_reader_fuzz/report-latin1.txt"
  { printf '<html><body><p>'; head -c 2000 "$out/normalizer_fuzz/$first"; printf '</p></body></html>'; } \
    >"$out/document_reader_fuzz/report.html"
fi

# State names: each canonical name and variant of states.tsv, one per file.
awk -F'\t' '!/^#/ && NF >= 3 {
  print $1; n = split($4, v, "|"); for (i = 1; i <= n; i++) if (v[i] != "") print v[i]
}' extractors/data/states.tsv | awk -v dir="$out/state_resolver_fuzz" '
  { f = sprintf("%s/%04d", dir, NR); printf "%s", $0 > f; close(f) }'

# The JSON input of eval: what `uprx extract` writes for a small WG report and an addendum.
bin=${UPRX_BIN:-}
for b in build/uprx build-fuzz/uprx; do [ -z "$bin" ] && [ -x "$b" ] && bin=$b; done
if [ -n "$bin" ]; then
  for f in wg-reports/albania2010.pdf slovenia/c1/Slovenia_Add.pdf; do
    [ -f "$corpora/$f" ] || continue
    if ASAN_OPTIONS=detect_leaks=0 "$bin" extract "$corpora/$f" -o "$tmp/out.json" >/dev/null 2>&1
    then
      cp "$tmp/out.json" "$out/eval_json_fuzz/$(basename "$f" .pdf).json"
      # The reader of compare/classify: a real output and small edge cases of the same shape.
      head -c 131072 "$tmp/out.json" >"$out/review_json_fuzz/$(basename "$f" .pdf)-head.json"
      cp "$tmp/out.json" "$out/review_json_fuzz/$(basename "$f" .pdf).json"
    fi
  done
else
  echo "make_seeds: no uprx binary; eval_json_fuzz starts without a seed (set UPRX_BIN)" >&2
fi
printf '{"schema":"uprx/1","generator":{"taxonomies":{"uhri":"v1"}},"reviews":[{"cycle":2,"recommendations":[{"id":"X-c2-1.1","text":"Ratify OP-CAT","labels":{"themes":[{"taxonomy":"uhri","id":"A1","name":"n","score":0.5,"method":"rules","evidence":["ratify"]}],"issues":null,"action":{"category":5,"name":"a","score":1,"method":"rules","evidence":[]},"sdgs":[{"goal":16,"name":"g","score":0.7,"method":"rules","evidence":[]}],"groups":null,"ministries":[{"id":"MOJ","name":"m","role":"lead","score":0.8,"method":"rules","evidence":["x"]}]},"source":{"span":[1,2]}}]}],"errors":[]}' \
  >"$out/review_json_fuzz/labelled.json"
printf '{"schema":"uprx/1","reviews":[{"cycle":1e300,"year":-1}]}' >"$out/review_json_fuzz/bad-number.json"
printf '{"schema":"uprx/1","reviews":[]}' >"$out/review_json_fuzz/empty.json"

# One part of a DOCX package on stdout (nothing when it has no such part).
docx_part() {
  python3 -c 'import sys, zipfile
try:
    sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))
except (KeyError, zipfile.BadZipFile):
    pass' "$1" "$2"
}

# Thematic lists: the DOCX files themselves, and their text as the DOCX reader gives it (a table
# row per line, cells separated by tabs, other paragraphs one per line), cut to -max_len.
docx_text() {
  docx_part "$1" word/document.xml | awk 'BEGIN { RS = "<"; ORS = "" }
    {
      tag = $0; sub(/>.*/, "", tag); text = substr($0, length(tag) + 2)
      match(tag, /^\/?[A-Za-z0-9:]+/); name = substr(tag, RSTART, RLENGTH)
      if (name == "w:tbl") tables++
      else if (name == "/w:tbl") tables--
      else if (name == "/w:tc") print "\t"
      else if (name == "/w:tr") print "\n"
      else if (name == "/w:p") print(tables > 0 ? " " : "\n")
      else if (name == "w:tab") print " "
      else if (name == "w:t" && tag !~ /\/$/) {
        gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&quot;/, "\"", text)
        gsub(/&apos;/, "'\''", text); gsub(/&amp;/, "\\&", text); print text
      }
    }' | sed 's/ *\t *$//'
}
for f in slovenia/c2/UPR20__Slovenia_ThematicListRecommendations_E.docx \
         slovenia/c3/UPR34_Slovenia_Thematic_list_of_Recommendations.docx \
         slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx \
         matrices/Matrix_recommendations_2013.docx matrices/Matrix_recommendations_2018.docx \
         matrices/EgyptMatriceRecommendations.docx; do
  [ -f "$corpora/$f" ] || continue
  name=$(basename "$f" .docx)
  cat "$corpora/$f" >"$out/thematic_list_fuzz/$name.docx"
  # head closes the pipe early: the writer's SIGPIPE is expected.
  { docx_text "$corpora/$f" || true; } | head -c 65536 >"$out/thematic_list_fuzz/$name.txt" || true
done

# Word numbering: numbering.xml, styles.xml and a document part separated by NUL bytes. The
# document part is made here: a paragraph for each numId the numbering defines at levels 0-2,
# then one for each paragraph style, so that every definition is used.
find "$corpora" -name '*.docx' | sort | while read -r f; do
  numbering=$({ docx_part "$f" word/numbering.xml || true; } | head -c 131072) || true
  [ -n "$numbering" ] || continue
  {
    printf '%s\0' "$numbering"
    { docx_part "$f" word/styles.xml || true; } | head -c 131072 || true
    printf '\0<w:document xmlns:w="urn:w"><w:body>'
    for id in $(printf '%s' "$numbering" | grep -o '<w:num w:numId="[0-9]*"' | grep -o '[0-9]*' |
                head -n 40); do
      for level in 0 1 2 0 0; do
        printf '<w:p><w:pPr><w:numPr><w:ilvl w:val="%s"/><w:numId w:val="%s"/></w:numPr></w:pPr>' \
          "$level" "$id"
        printf '<w:r><w:t>text</w:t></w:r></w:p>'
      done
    done
    for style in $(docx_part "$f" word/styles.xml |
                   grep -o 'w:styleId="[^"]*"' | cut -d'"' -f2 | head -n 60); do
      printf '<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>' "$style"
    done
    printf '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/>'
    printf '</w:numPr></w:pPr></w:p></w:tc></w:tr></w:tbl></w:body></w:document>'
  } >"$out/docx_numbering_fuzz/$(basename "$f" .docx | tr -c 'A-Za-z0-9_\n-' '_').bin"
done

# The user files: the taxonomies and profiles compiled in, and overrides files written here.
for f in classifiers/taxonomies/*.tsv; do cp "$f" "$out/taxonomy_fuzz/"; done
for f in classifiers/profiles/*.json; do cp "$f" "$out/profile_fuzz/"; done
printf '# decisions of the workshop\nid,lead,supporting,note\nKHM-c2-118.1,MOJ,MOI; CHRC,agreed\nKHM-c2-118.2,MoEYS,-,\nKHM-c2-999.9,NONE,,\n' \
  >"$out/overrides_fuzz/workshop.csv"
printf 'Note,Supporting,ID,Lead\r\n"two\r\nlines",,KHM-c2-118.2,XYZ\r\n,MOI,KHM-c2-118.1,\r\nKHM-c2-118.1,MOJ,,\r\n' \
  >"$out/overrides_fuzz/reordered-crlf.csv"
printf 'id,lead,supporting\n"KHM-c2-118.1",",MOJ,""quoted""",MOI;;MOH\n' >"$out/overrides_fuzz/quoted.csv"

for t in "${targets[@]}"; do
  printf 'make_seeds: %-22s %4d files %8d bytes\n' "$t" "$(ls "$out/$t" | wc -l)" \
    "$(cat "$out/$t"/* 2>/dev/null | wc -c)"
done
