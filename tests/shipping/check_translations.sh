#!/usr/bin/env bash
# ctest translations_complete: every text of the window has a translation in each committed .ts.
# Runs lupdate over the sources into a copy of the .ts (the committed file is not touched) and fails, naming
# the texts, when a message is unfinished (new in the sources, or never translated) or has an empty translation.
# Usage: check_translations.sh <lupdate> <ts>... -- <lupdate arguments>
set -euo pipefail
lupdate="$1"
shift
ts_files=()
while [[ $# -gt 0 && $1 != -- ]]; do
  ts_files+=("$1")
  shift
done
[[ $# -gt 0 ]] && shift
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

status=0
for ts in "${ts_files[@]}"; do
  copy="$scratch/$(basename "$ts")"
  cat "$ts" >"$copy"  # (not cp: it would bring libattr1 into the set-up guard's view)
  "$lupdate" "$@" -ts "$copy" >"$scratch/lupdate.log" 2>&1 || { cat "$scratch/lupdate.log" >&2; exit 1; }
  # One message per record: the context's name, the source and whether its translation is unfinished or empty.
  untranslated="$(awk '
    /<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); context = $0 }
    /<source>/ {
      s = $0; sub(/.*<source>/, "", s); sub(/<\/source>.*/, "", s)
      gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'"'"'", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s)
      source = s
    }
    /<translation type="unfinished"/ || /<translation><\/translation>/ || /<numerusform><\/numerusform>/ {
      print "  " context ": " source
    }' "$copy")"
  if [[ -n $untranslated ]]; then
    echo "$(basename "$ts"): texts of the window without a translation:" >&2
    echo "$untranslated" >&2
    status=1
  else
    echo "$(basename "$ts"): $(grep -c '<source>' "$copy") texts, all translated"
  fi
done
if [[ $status -ne 0 ]]; then
  echo "Run: cmake --build build --target update_translations, translate the unfinished messages in" \
       "resources/translations/ (Qt Linguist or a text editor), then build again (README: Languages)." >&2
fi
exit $status
