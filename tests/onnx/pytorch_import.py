#!/usr/bin/python3
"""ONNX import against PyTorch (python3-torch): trains a small MLP on real MNIST for one epoch, exports it with
torch.onnx.export (Sub/Div normalisation, Flatten, Gemm with transB=1, BatchNormalization, Relu, Softmax), and
builds the same network in tf2onnx's form with onnx.helper (Reshape, MatMul + Add, float_data initializers,
LogSoftmax head). `mlpw import` reads both and `mlpw evaluate` must give exactly PyTorch's test accuracy.
One script so that torch is imported once.
usage: pytorch_import.py MLPW DATA_DIR OUT_DIR"""
import gzip
import os
import re
import subprocess
import sys
import time

import numpy as np
import torch
from torch import nn

import onnx
from onnx import TensorProto, helper

mlpw, data_dir, out_dir = sys.argv[1:4]
os.makedirs(out_dir, exist_ok=True)
MEAN, STD = 0.1307, 0.3081  # torchvision's MNIST normalisation, applied inside the model
started = time.monotonic()


def idx(name):
    """The IDX file data_dir/mnist/name (or name.gz) as a numpy array."""
    path = os.path.join(data_dir, "mnist", name)
    opener = gzip.open if not os.path.exists(path) else open
    with opener(path if os.path.exists(path) else path + ".gz", "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(784, 128)
        self.bn1 = nn.BatchNorm1d(128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):  # x {N, 28, 28} = pixel / 255 (ToTensor's convention)
        x = self.flatten((x - MEAN) / STD)
        return torch.softmax(self.fc2(torch.relu(self.bn1(self.fc1(x)))), dim=1)


torch.manual_seed(0)
torch.set_num_threads(1)
train_x = torch.from_numpy(idx("train-images-idx3-ubyte").astype(np.float32)) / 255.0
train_y = torch.from_numpy(idx("train-labels-idx1-ubyte").astype(np.int64))
test_x = torch.from_numpy(idx("t10k-images-idx3-ubyte").astype(np.float32)) / 255.0
test_y = torch.from_numpy(idx("t10k-labels-idx1-ubyte").astype(np.int64))

model = Mlp()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
model.train()
order = torch.randperm(len(train_x))
for start in range(0, len(train_x), 128):  # one epoch, batch 128
    batch = order[start:start + 128]
    optimizer.zero_grad()
    loss = nn.functional.nll_loss(torch.log(model(train_x[batch]) + 1e-12), train_y[batch])
    loss.backward()
    optimizer.step()
model.eval()
with torch.no_grad():
    torch_correct = int((model(test_x).argmax(dim=1) == test_y).sum())
torch_accuracy = torch_correct / len(test_x)
trained = time.monotonic()

torch_path = os.path.join(out_dir, "pytorch.onnx")
torch.onnx.export(model, test_x[:1], torch_path, input_names=["input"], output_names=["probabilities"],
                  dynamic_axes={"input": {0: "N"}, "probabilities": {0: "N"}}, opset_version=13)
torch_ops = [n.op_type for n in onnx.load(torch_path).graph.node]
assert "Gemm" in torch_ops and "Flatten" in torch_ops, torch_ops


def floats(name, array):  # float_data, not raw_data (the other way an initializer holds its values)
    return helper.make_tensor(name, TensorProto.FLOAT, array.shape, array.flatten().tolist())


state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
# tf2onnx's form: Reshape to {-1, 784}, MatMul by W {in, units} (Keras' kernel layout), Add the bias.
nodes = [
    helper.make_node("Sub", ["flatten_input", "mean"], ["centred"], name="sub"),
    helper.make_node("Div", ["centred", "std"], ["scaled"], name="truediv"),
    helper.make_node("Reshape", ["scaled", "shape"], ["flat"], name="flatten/Reshape"),
    helper.make_node("MatMul", ["flat", "dense/kernel"], ["mm1"], name="dense/MatMul"),
    helper.make_node("Add", ["mm1", "dense/bias"], ["d1"], name="dense/BiasAdd"),
    helper.make_node("BatchNormalization", ["d1", "bn/gamma", "bn/beta", "bn/mean", "bn/var"], ["b1"],
                     name="batch_normalization/FusedBatchNormV3", epsilon=1e-5),
    helper.make_node("Relu", ["b1"], ["r1"], name="re_lu/Relu"),
    helper.make_node("MatMul", ["r1", "dense_1/kernel"], ["mm2"], name="dense_1/MatMul"),
    helper.make_node("Add", ["mm2", "dense_1/bias"], ["logits"], name="dense_1/BiasAdd"),
    helper.make_node("LogSoftmax", ["logits"], ["log_probabilities"], name="dense_1/LogSoftmax", axis=-1),
]
initializers = [
    floats("mean", np.array(MEAN, dtype=np.float32)), floats("std", np.array(STD, dtype=np.float32)),
    helper.make_tensor("shape", TensorProto.INT64, [2], [-1, 784]),
    floats("dense/kernel", state["fc1.weight"].T.copy()), floats("dense/bias", state["fc1.bias"]),
    floats("bn/gamma", state["bn1.weight"]), floats("bn/beta", state["bn1.bias"]),
    floats("bn/mean", state["bn1.running_mean"]), floats("bn/var", state["bn1.running_var"]),
    floats("dense_1/kernel", state["fc2.weight"].T.copy()), floats("dense_1/bias", state["fc2.bias"]),
]
graph = helper.make_graph(nodes, "tf2onnx_form", [helper.make_tensor_value_info("flatten_input", TensorProto.FLOAT, ["N", 28, 28])],
                          [helper.make_tensor_value_info("log_probabilities", TensorProto.FLOAT, ["N", 10])], initializers)
tf_model = helper.make_model(graph, producer_name="tf2onnx-form test", opset_imports=[helper.make_opsetid("", 13)])
onnx.checker.check_model(tf_model, full_check=True)
tf_path = os.path.join(out_dir, "tf2onnx_form.onnx")
onnx.save(tf_model, tf_path)
exported = time.monotonic()


def workbench_accuracy(onnx_path):
    """mlpw import, then mlpw evaluate's test accuracy (4 decimals: exact for 10,000 images)."""
    model_path = onnx_path.replace(".onnx", ".mlpw")
    subprocess.run([mlpw, "import", "--onnx", onnx_path, "--out", model_path], check=True, stdout=subprocess.DEVNULL)
    report = subprocess.run([mlpw, "evaluate", "--model", model_path], check=True, capture_output=True, text=True).stdout
    return re.search(r"Test accuracy: ([0-9.]+)", report).group(1)


expected = f"{torch_accuracy:.4f}"
failed = False
for name, path in [("torch.onnx.export", torch_path), ("tf2onnx form", tf_path)]:
    got = workbench_accuracy(path)
    print(f"{name}: PyTorch test accuracy {expected} ({torch_correct}/{len(test_x)}), mlpw evaluate {got}")
    failed |= got != expected
print(f"torch {torch.__version__}: trained 1 epoch in {trained - started:.1f} s (data included), exported in "
      f"{exported - trained:.1f} s, imported and evaluated twice in {time.monotonic() - exported:.1f} s; "
      f"torch.onnx.export nodes: {' '.join(torch_ops)}")
sys.exit(1 if failed else 0)
