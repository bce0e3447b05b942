#!/usr/bin/env bash
# ctest package_install: the Debian package that ctest package_build made (cpack -G DEB) installs and runs with
# no source tree and no network.
#  1. its control data: derived library dependencies, Recommends dataset-fashion-mnist; its files: both programs,
#     presets, translations, MNIST (.gz) with its licence note, desktop file, icons, metainfo, man pages;
#  2. the metainfo passes appstreamcli validate; no installed binary holds a path of the source or build tree;
#  3. dpkg -x unpacks it into a throw-away root, then, with the source tree, the build tree and the checkout's data
#     hidden behind empty folders (a private mount namespace), from another folder and a fresh HOME:
#     mlpw train runs the installed baseline preset for one epoch on the installed MNIST, and mlp-workbench starts
#     under Xvfb (in English and with LANG=es_ES.UTF-8) and saves a screenshot;
#  4. the root is removed.
# Usage: test_package.sh <folder holding the .deb> <build dir> <source dir> <data dir>
set -euo pipefail
deb_dir="$(realpath "$1")"
build_dir="$(realpath "$2")"
source_dir="$(realpath "$3")"
data_dir="$(realpath "$4")"
scratch="$(mktemp -d /tmp/mlpw-package-test.XXXXXX)"
xvfb_pid=""
cleanup() {
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() {
  echo "package_install: $*" >&2
  exit 1
}
started=$SECONDS
deb="$(find "$deb_dir" -maxdepth 1 -name 'mlp-workbench_*.deb' | head -n 1)"
[[ -f $deb ]] || fail "no mlp-workbench_*.deb in $deb_dir (ctest package_build makes it)"
echo "package_install: $(basename "$deb") ($(( $(stat -c %s "$deb") / 1024 )) KiB)"

# 1. Control data and contents.
depends="$(dpkg-deb -f "$deb" Depends)"
recommends="$(dpkg-deb -f "$deb" Recommends)"
echo "package_install: Depends: $depends"
for library in libqt6widgets6 libqt6charts6 libdnnl2 libboost-serialization1.74.0 zlib1g libgomp1 libc6; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library (dpkg-shlibdeps should have derived it): $depends"
done
[[ $recommends == *dataset-fashion-mnist* ]] || fail "Recommends lacks dataset-fashion-mnist: $recommends"
dpkg-deb -f "$deb" Description | sed -n '2,$p' | grep -qv '^ [^;]' && fail "the long Description has a malformed line"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$scratch/files"
for file in /usr/bin/mlpw /usr/bin/mlp-workbench /usr/share/mlp-workbench/presets/baseline.json \
    /usr/share/mlp-workbench/translations/mlp-workbench_es.qm \
    /usr/share/mlp-workbench/data/mnist/train-images-idx3-ubyte.gz \
    /usr/share/mlp-workbench/data/mnist/train-labels-idx1-ubyte.gz \
    /usr/share/mlp-workbench/data/mnist/t10k-images-idx3-ubyte.gz \
    /usr/share/mlp-workbench/data/mnist/t10k-labels-idx1-ubyte.gz \
    /usr/share/mlp-workbench/data/mnist/mnist-LICENSE.txt /usr/share/doc/mlp-workbench/copyright \
    /usr/share/applications/mlp-workbench.desktop /usr/share/metainfo/io.github.mlpworkbench.MLPWorkbench.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/mlp-workbench.svg /usr/share/icons/hicolor/48x48/apps/mlp-workbench.png \
    /usr/share/icons/hicolor/256x256/apps/mlp-workbench.png /usr/share/man/man1/mlpw.1.gz \
    /usr/share/man/man1/mlp-workbench.1.gz; do
  grep -qxF "$file" "$scratch/files" || fail "the package has no $file"
done

# 2. Unpack; metainfo, icons, man page, no compiled-in tree paths.
root="$scratch/root"
dpkg -x "$deb" "$root"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.mlpworkbench.MLPWorkbench.metainfo.xml" \
  >"$scratch/appstream.log" 2>&1 || { cat "$scratch/appstream.log" >&2; fail "appstreamcli validate failed"; }
[[ $(file -b --mime-type "$root/usr/share/icons/hicolor/48x48/apps/mlp-workbench.png") == image/png ]] ||
  fail "the 48x48 icon is not a PNG"
zcat "$root/usr/share/man/man1/mlpw.1.gz" | grep -q '^\.SH COMMANDS' || fail "mlpw.1.gz is not the man page"
for binary in "$root/usr/bin/mlpw" "$root/usr/bin/mlp-workbench"; do
  for tree in "$source_dir" "$build_dir" "$data_dir"; do
    ! strings "$binary" | grep -qF "$tree" || fail "$(basename "$binary") holds the path $tree"
  done
done

# 3. Run the installed programs, the trees hidden. A private mount namespace (unshare) puts an empty tmpfs over
# each tree; the network is not needed (nothing is downloaded), the data are the package's.
mkdir -p "$scratch/home" "$scratch/work"
cat >"$scratch/run.sh" <<RUN
set -euo pipefail
for tree in "$source_dir" "$build_dir" "$data_dir"; do
  [[ -d \$tree ]] && mount -t tmpfs -o size=1m,mode=000 none "\$tree"
done
[[ ! -e "$source_dir/CMakeLists.txt" && ! -e "$data_dir/mnist" ]] || { echo "the trees are still visible" >&2; exit 1; }
cd "$scratch/work"
export PATH="$root/usr/bin:/usr/bin:/bin" HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config"
export XDG_DATA_HOME="$scratch/home/.local/share"
export XCURSOR_PATH="$scratch/home/.icons"  # no cursor themes: libXcursor would read the system's icon themes
unset MLPW_DATA_DIR MLPW_PRESETS_DIR
mlpw train --experiment "$root/usr/share/mlp-workbench/presets/baseline.json" --epochs 1 --threads 1 \
  >"$scratch/train.log" 2>&1
DISPLAY="\$1" LANG=C.UTF-8 mlp-workbench --screenshot "$scratch/window.png" --after 1500 >"$scratch/gui.log" 2>&1
DISPLAY="\$1" LANG=es_ES.UTF-8 LANGUAGE= LC_ALL= mlp-workbench --screenshot "$scratch/window_es.png" --after 1500 \
  >"$scratch/gui_es.log" 2>&1
RUN
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [[ -s $scratch/display ]] && break; sleep 0.1; done
[[ -s $scratch/display ]] || { cat "$scratch/xvfb.log" >&2; fail "Xvfb did not start"; }
display=":$(head -n 1 "$scratch/display")"
run_started=$SECONDS
# Root needs no user namespace for it (and may not create one inside a chroot); other users get root in one.
map_root=(--map-root-user)
[[ $(id -u) -eq 0 ]] && map_root=()
unshare --mount "${map_root[@]}" --propagation private bash "$scratch/run.sh" "$display" ||
  { cat "$scratch"/train.log "$scratch"/gui*.log 2>/dev/null >&2; fail "running the installed programs failed"; }
grep -q 'Epoch 1/1' "$scratch/train.log" || { cat "$scratch/train.log" >&2; fail "mlpw train logged no epoch"; }
grep -q 'val_accuracy' "$scratch/train.log" || fail "mlpw train logged no validation accuracy"
echo "package_install: installed mlpw train, 1 epoch: $(grep -m1 'Epoch 1/1' -A1 "$scratch/train.log" | tail -n 1)"
for picture in window window_es; do
  [[ $(file -b --mime-type "$scratch/$picture.png" 2>/dev/null) == image/png ]] ||
    { cat "$scratch/gui.log" "$scratch/gui_es.log" >&2; fail "the installed mlp-workbench saved no $picture.png"; }
done
! grep -q 'no translation' "$scratch/gui_es.log" || { cat "$scratch/gui_es.log" >&2; fail "the Spanish .qm was not found"; }
echo "package_install: programs ran in $(( SECONDS - run_started )) s; whole test $(( SECONDS - started )) s"
