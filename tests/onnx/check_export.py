#!/usr/bin/python3
"""The exported model against ONNX's own tools (python3-onnx 1.12): the full checker, strict shape inference
giving probabilities {N, 10} with the batch dimension left dynamic, the operators and the metadata.
usage: check_export.py MODEL.onnx"""
import sys

import onnx
from onnx import shape_inference

path = sys.argv[1]
model = onnx.load(path)
onnx.checker.check_model(model, full_check=True)
inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True)


def dims(value):
    return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]


graph = inferred.graph
assert [i.name for i in graph.input] == ["image"], graph.input
assert dims(graph.input[0]) == ["N", 28, 28], dims(graph.input[0])
assert [o.name for o in graph.output] == ["probabilities"], graph.output
assert dims(graph.output[0]) == ["N", 10], dims(graph.output[0])
# Every intermediate tensor got a shape from inference, batch first: {N, features}.
for value in graph.value_info:
    assert dims(value)[0] == "N" and len(dims(value)) == 2, (value.name, dims(value))
assert model.opset_import[0].version >= 13

ops = [n.op_type for n in model.graph.node]
# all_operators.json: standardize (Sub, Div), every activation, BatchNormalization; Dropout left out.
for op in ["Flatten", "Sub", "Div", "Gemm", "Relu", "BatchNormalization", "Tanh", "Elu", "LeakyRelu", "Sigmoid", "Softmax"]:
    assert op in ops, f"{op} missing from {ops}"
assert "Dropout" not in ops, ops
meta = {p.key: p.value for p in model.metadata_props}
for key in ["mlpw.input", "mlpw.input_range", "mlpw.normalization", "mlpw.normalization_mean",
            "mlpw.normalization_stddev", "mlpw.class_names", "mlpw.experiment"]:
    assert key in meta, f"metadata {key} missing"
assert meta["mlpw.normalization"].startswith("standardize"), meta["mlpw.normalization"]
print(f"{path}: onnx {onnx.__version__} checker (full_check) passed; shape inference: probabilities "
      f"{dims(graph.output[0])}; {len(ops)} nodes: {' '.join(ops)}")
