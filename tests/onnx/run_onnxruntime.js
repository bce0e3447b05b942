// The exported model in ONNX Runtime (npm onnxruntime-node, installed by ./workbench setup) on real MNIST test
// images: its probabilities must equal the workbench's own (onnx_reference), max abs difference <= 1e-5.
//   node run_onnxruntime.js MODEL.onnx REFERENCE.f32 T10K_IMAGES (or T10K_IMAGES.gz) COUNT
const fs = require("fs");
const zlib = require("zlib");

const [modelPath, referencePath, imagesPath, countText] = process.argv.slice(2);
let ort;
try {
  ort = require("onnxruntime-node");
} catch (e) {
  console.log("SKIP: onnxruntime-node is not installed (./workbench setup installs it into tests/onnx/runtime)");
  process.exit(77);
}

function readImages(path) {  // IDX: magic 0x00000803, count, rows, cols (big-endian), then ubyte pixels
  let bytes = fs.readFileSync(fs.existsSync(path) ? path : path + ".gz");
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  if (bytes.readUInt32BE(0) !== 0x803) throw new Error(`${path}: not an IDX image file`);
  return {count: bytes.readUInt32BE(4), rows: bytes.readUInt32BE(8), cols: bytes.readUInt32BE(12), pixels: bytes.subarray(16)};
}

async function main() {
  const images = readImages(imagesPath);
  const count = Math.min(Number(countText), images.count);
  const features = images.rows * images.cols;
  const input = new Float32Array(count * features);  // {count, rows, cols} = pixel / 255, as the model expects
  for (let i = 0; i < input.length; ++i) input[i] = images.pixels[i] / 255;
  const reference = new Float32Array(fs.readFileSync(referencePath).buffer.slice(0));
  const session = await ort.InferenceSession.create(modelPath, {intraOpNumThreads: 1});
  const started = Date.now();
  const result = await session.run({image: new ort.Tensor("float32", input, [count, images.rows, images.cols])});
  const probabilities = result.probabilities;
  const classes = probabilities.dims[1];
  if (probabilities.dims[0] !== count || reference.length !== count * classes)
    throw new Error(`shape ${probabilities.dims} against ${reference.length} reference values`);
  let maxDiff = 0, agree = 0;
  for (let r = 0; r < count; ++r) {
    let a = 0, b = 0;
    for (let c = 0; c < classes; ++c) {
      const i = r * classes + c;
      maxDiff = Math.max(maxDiff, Math.abs(probabilities.data[i] - reference[i]));
      if (probabilities.data[i] > probabilities.data[r * classes + a]) a = c;
      if (reference[i] > reference[r * classes + b]) b = c;
    }
    if (a === b) ++agree;
  }
  const version = require("onnxruntime-node/package.json").version;
  console.log(`onnxruntime-node ${version}: ${count} MNIST test images in ${Date.now() - started} ms; ` +
              `max |p_onnxruntime - p_workbench| = ${maxDiff.toExponential(3)}; arg-max agrees on ${agree}/${count}`);
  if (!(maxDiff <= 1e-5)) {
    console.log("FAIL: the difference exceeds 1e-5");
    process.exit(1);
  }
}

main().catch((e) => {
  console.log(`FAIL: ${e.message}`);
  process.exit(1);
});
