#!/usr/bin/env bash
# Set-up guard: every Debian package that owns a file the project really uses must be installed by
# `./workbench setup`, i.e. lie in the closure of packaging/setup-packages.txt over hard dependencies only
# (setup installs with --no-install-recommends, so a recommends does not count). Essential and
# Priority: required packages are on every Debian system and count as present.
#
#   check_setup_closure.sh configured --build-dir B --source-dir S [--packages F] [--without P]...
#       the files CMake resolved while configuring B: the CMake files it loaded (package config files),
#       the absolute paths in CMakeCache.txt, and the include folders and libraries of every compile and link line
#   check_setup_closure.sh runtime --trace-dir T --build-dir B --source-dir S [--packages F] [--without P]...
#       what the test run executed and opened (strace logs written by trace_test.sh into T)
#
# --without P drops P from the list (tests use it to prove the guard fails and names P).
# Prints one line per missing package with the file that needed it; exit 0 when covered, 1 when not, 2 on misuse.
set -uo pipefail

mode="${1:-}"
shift || true
packages_file="" build_dir="" source_dir="" trace_dir=""
without=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --packages) packages_file="$2"; shift 2 ;;
    --build-dir) build_dir="$(realpath -m "$2")"; shift 2 ;;
    --source-dir) source_dir="$(realpath -m "$2")"; shift 2 ;;
    --trace-dir) trace_dir="$2"; shift 2 ;;
    --without) without+=("$2"); shift 2 ;;
    *) echo "check_setup_closure: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ $mode == configured || $mode == runtime ]] || { echo "check_setup_closure: mode must be configured or runtime" >&2; exit 2; }
[[ -n $build_dir && -n $source_dir ]] || { echo "check_setup_closure: --build-dir and --source-dir are required" >&2; exit 2; }
packages_file="${packages_file:-$source_dir/packaging/setup-packages.txt}"
[[ -r $packages_file ]] || { echo "check_setup_closure: cannot read the package list $packages_file" >&2; exit 2; }
command -v dpkg-query >/dev/null && command -v apt-cache >/dev/null ||
  { echo "check_setup_closure: needs dpkg-query and apt-cache (Debian)" >&2; exit 2; }

# --- the setup list and its closure over hard dependencies ------------------------------------------------
list=()
while read -r package; do
  skip=0
  for dropped in "${without[@]}"; do [[ $package == "$dropped" ]] && skip=1; done
  [[ $skip -eq 1 ]] || list+=("$package")
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' -e 's/[[:space:]]//g' "$packages_file")
[[ ${#list[@]} -gt 0 ]] || { echo "check_setup_closure: $packages_file lists no package" >&2; exit 2; }

# apt-cache prints each package of the closure unindented (virtual ones as <name>); the :amd64 suffix goes.
closure="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
             --no-enhances "${list[@]}" 2>/dev/null | grep -v '^ ' | sed -e 's/:.*//' -e 's/[<>]//g' | sort -u)"
[[ -n $closure ]] || { echo "check_setup_closure: apt-cache depends gave nothing (run apt-get update)" >&2; exit 2; }
declare -A in_closure=()
while read -r package; do in_closure[$package]=1; done <<<"$closure"

# --- the files to account for: "path<TAB>kind" lines --------------------------------------------------------
outside_trees() {  # keeps absolute paths that exist and are outside the source and build trees
  local path
  while read -r path; do
    [[ $path == /* && -e $path ]] || continue
    case "$path" in
      "$source_dir"/* | "$source_dir" | "$build_dir"/* | "$build_dir" | /tmp/* | /proc/* | /sys/* | /dev/*) continue ;;
    esac
    printf '%s\n' "$path"
  done
}

configured_files() {
  local cache="$build_dir/CMakeCache.txt"
  [[ -f $cache ]] || { echo "check_setup_closure: $cache is missing (configure first)" >&2; exit 2; }
  {
    # Absolute paths in the cache (FILEPATH, PATH and STRING entries; lists split at ';').
    grep -E '^[A-Za-z0-9_.+-]+:(FILEPATH|PATH|STRING)=/' "$cache" | sed 's/^[^=]*=//' | tr ';' '\n'
    # *_DIR entries name the folder of a package config file: account for the config files in it.
    grep -E '^[A-Za-z0-9_]+_DIR:PATH=/' "$cache" | sed 's/^[^=]*=//' |
      while read -r dir; do ls "$dir"/*[Cc]onfig.cmake 2>/dev/null; done
    if [[ -f $build_dir/build.ninja ]]; then
      # The CMake files loaded while configuring are build.ninja's own inputs (its re-run rule).
      sed -n '/^build build.ninja/,/^$/p' "$build_dir/build.ninja" | tr ' ' '\n' | grep '^/'
      grep -hE '^ *(LINK_LIBRARIES|INCLUDES|LINK_PATH) = ' "$build_dir/build.ninja" $(find "$build_dir" -name '*.ninja' 2>/dev/null) |
        sed 's/^[^=]*= //' | tr ' ' '\n' | sed -E 's/^-(I|isystem|L)//' | grep '^/'
    else
      # Makefiles: the loaded CMake files are listed in CMakeFiles/Makefile.cmake, the lines in flags.make / link.txt.
      sed -n '/CMAKE_MAKEFILE_DEPENDS/,/)/p' "$build_dir/CMakeFiles/Makefile.cmake" | tr -d '"' | grep '^ */' | tr -d ' '
      find "$build_dir" \( -name flags.make -o -name link.txt \) -exec cat {} + | tr ' ' '\n' |
        sed -E 's/^-(I|isystem|L)//' | grep '^/'
    fi
  } | outside_trees | sort -u | sed 's/$/\tresolved by CMake/'
}

# Some files are opened only because they exist: fontconfig reads every installed font, glibc reads
# locale.alias when a locales package put it there. For fonts, one font from the closure is what a fresh
# machine needs (the rest were just found): keep the first font the closure covers, or all if none is.
# Locale data is not needed at all (the programs run in the C locale if there is none).
opportunistic_filter() {
  local lines font
  lines="$(grep -vE '^/usr/(share|lib)/locale/')"
  font="$(grep -E '^/usr/share/fonts/' <<<"$lines" | while IFS=$'\t' read -r path why; do
            owner="$(dpkg -S "$path" 2>/dev/null | sed 's/: .*//')"
            [[ -n $owner && -n ${in_closure[$owner]:-} ]] && { printf '%s\t%s\n' "$path" "$why"; break; }
          done)"
  if [[ -n $font ]]; then
    grep -vE '^/usr/share/fonts/' <<<"$lines"
    echo "$font"
  else
    echo "$lines"
  fi
}

runtime_files() {
  [[ -d $trace_dir ]] && compgen -G "$trace_dir/*.trace" >/dev/null ||
    { echo "check_setup_closure: no traces in $trace_dir (run the suites first, with strace installed)" >&2; exit 2; }
  local trace test_name
  for trace in "$trace_dir"/*.trace; do
    test_name="$(basename "$trace" .trace)"
    # Programs started (any path) and files opened below the system folders, as strace logged them.
    sed -nE "s/^[0-9]+ +execve\(\"([^\"]+)\".*/\1\texecuted by $test_name/p" "$trace"
    sed -nE "s@^[0-9]+ +openat\([^\"]*\"((/usr|/lib|/lib64|/bin|/sbin|/opt)/[^\"]+)\".*@\1\topened by $test_name@p" "$trace"
  done | awk -F'\t' '!seen[$1]++' | opportunistic_filter | while IFS=$'\t' read -r path why; do
    [[ -n $(outside_trees <<<"$path") ]] && printf '%s\t%s\n' "$path" "$why"
  done
}

if [[ $mode == configured ]]; then files="$(configured_files)"; else files="$(runtime_files)"; fi
[[ -n $files ]] || { echo "check_setup_closure: found no file to check" >&2; exit 2; }

# --- owners: one dpkg -S for all paths, then again for those dpkg knows under another name -----------------
# (merged /usr: dpkg may record /lib/x/libc.so.6 for /usr/lib/x/libc.so.6; links: the file they point to)
declare -A owners_of=()
lookup_owners() {  # reads "name<TAB>spelling" lines; fills owners_of[name] for the spellings dpkg knows
  local -A name_of=()
  local name spelling line owners path
  while IFS=$'\t' read -r name spelling; do
    [[ -z ${owners_of[$name]+x} ]] && name_of[$spelling]="$name"
  done
  [[ ${#name_of[@]} -gt 0 ]] || return 0
  while read -r line; do
    [[ $line == diversion* ]] && continue
    owners="${line%%: /*}" path="/${line#*: /}"
    name="${name_of[$path]:-}"
    [[ -n $name ]] || continue
    owners_of[$name]="$(tr ',' '\n' <<<"$owners" | sed -e 's/^ *//' -e 's/:.*//' | sort -u | tr '\n' ' ')"
  done < <(dpkg -S "${!name_of[@]}" 2>/dev/null)
}
paths="$(cut -f1 <<<"$files")"
lookup_owners < <(paste <(echo "$paths") <(echo "$paths"))
other_spellings() {  # "path<TAB>spelling" for the paths without an owner yet
  local path real
  while read -r path; do
    [[ -n ${owners_of[$path]+x} ]] && continue
    case "$1" in
      merged-usr) [[ $path == /usr/* ]] && printf '%s\t%s\n' "$path" "${path#/usr}" || printf '%s\t%s\n' "$path" "/usr$path" ;;
      link-target)
        real="$(realpath "$path")"
        printf '%s\t%s\n' "$path" "$real"
        [[ $real == /usr/* ]] && printf '%s\t%s\n' "$path" "${real#/usr}" ;;
    esac
  done <<<"$paths"
}
lookup_owners < <(other_spellings merged-usr)
lookup_owners < <(other_spellings link-target)

declare -A always_present=() first_file=() file_count=()
checked=0 unowned_programs=0
while IFS=$'\t' read -r path why; do
  checked=$((checked + 1))
  owners="${owners_of[$path]:-}"
  if [[ -z $owners ]]; then
    # Generated caches and local files below /usr have no owner; a program from no package is a real gap.
    if [[ $why == executed* ]]; then
      echo "not from any Debian package: $path ($why): a fresh machine does not have it"
      unowned_programs=$((unowned_programs + 1))
    fi
    continue
  fi
  covered=0
  for owner in $owners; do
    [[ -n ${in_closure[$owner]:-} ]] && { covered=1; break; }
    if [[ -z ${always_present[$owner]+x} ]]; then
      case "$(dpkg-query -W -f='${Essential} ${Priority}' "$owner" 2>/dev/null)" in
        yes* | *required) always_present[$owner]=1 ;;
        *) always_present[$owner]=0 ;;
      esac
    fi
    [[ ${always_present[$owner]} -eq 1 ]] && { covered=1; break; }
  done
  if [[ $covered -eq 0 ]]; then
    package="${owners%% *}"
    [[ -n ${first_file[$package]+x} ]] || first_file[$package]="$path ($why)"
    file_count[$package]=$(( ${file_count[$package]:-0} + 1 ))
  fi
done <<<"$files"

for package in $(printf '%s\n' "${!first_file[@]}" | sort); do
  more=$(( file_count[$package] - 1 ))
  echo "not brought in by setup: $package, needed by ${first_file[$package]}$( ((more > 0)) && echo " and $more more file(s)");" \
       "add it to $(basename "$packages_file")"
done
if [[ ${#first_file[@]} -eq 0 && $unowned_programs -eq 0 ]]; then
  echo "setup closure ($mode): the ${#list[@]} listed packages cover all $checked files"
  exit 0
fi
echo "FAIL: ${#first_file[@]} package(s) missing from the setup list, $unowned_programs program(s) from no package"
exit 1
