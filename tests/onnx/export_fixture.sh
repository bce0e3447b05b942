#!/usr/bin/env bash
# The ctest fixture of the ONNX checks: trains all_operators.json for its one epoch (mlpw train), exports the
# model (mlpw export --format onnx) and writes the workbench's own probabilities of the first COUNT test images.
#   export_fixture.sh MLPW ONNX_REFERENCE EXPERIMENT OUT_DIR COUNT
set -euo pipefail
mlpw="$1" reference="$2" experiment="$3" out="$4" count="$5"
rm -rf "$out"
mkdir -p "$out"
"$mlpw" train --experiment "$experiment" --out "$out/run" >"$out/train.log"
tail -n 2 "$out/train.log"
"$mlpw" export --model "$out/run/model.mlpw" --format onnx --out "$out/model.onnx"
"$reference" "$out/run/model.mlpw" "$count" "$out/reference.f32"
