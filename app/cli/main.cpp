// mlpw: the headless front end. Parses the sub-command and reports errors on stderr: exit status 1 for a
// failed command, 2 for a wrong command line.
#include <cstdio>
#include <functional>
#include <map>
#include <new>

#include "commands.h"
#include "mlpw/errors.h"
#include "mlpw/training/openmp_runtime.h"

namespace {

const char* kUsage =
    "usage: mlpw <command> [options]     (mlpw <command> --help for its options)\n"
    "  train     --experiment FILE [--epochs N] [--set key.path=value ...] [--out DIR] [--threads T]\n"
    "            trains one experiment, logging each epoch as Keras' fit does; --out writes the run\n"
    "  evaluate  --model FILE [--data mnist|fashion_mnist|DIR]\n"
    "            test loss and accuracy, per-class precision and recall, confusion matrix of a saved model\n"
    "  summary   --experiment FILE   the model's layers and parameter counts (Keras' model.summary())\n"
    "  sweep     --experiment FILE [--out DIR] [--sort COLUMN] [--epochs N] [--set ...]\n"
    "            trains every point of the experiment's sweep grid and compares them in a table\n"
    "            (--seeds N repeats each point; --plan DIR writes the grid as jobs for GNU parallel or Slurm)\n"
    "  report    --runs DIR... --out FILE.html|FILE.pdf   one report of the run bundles under the folders\n"
    "  study     [--seeds N] [--only Q,...] [--set ...] --out DIR   runs the whole study and writes its report\n"
    "  export    --model FILE --format onnx --out FILE.onnx   a saved model as an ONNX model\n"
    "  import    --onnx FILE.onnx --out FILE.mlpw   an ONNX MLP (PyTorch, tf2onnx) as a model file\n"
    "  bench     [--network q4|final | --experiment FILE] [--epochs N] [--threads T] [--json]   times training\n"
    "            (--optimizer NAME: the optimiser pass alone; --augmentation FILE: the augmented batch assembly)\n"
    "  predict   --model FILE --image F [--image G ...] [--json] [--save-input F.png]\n"
    "            reads digits in pictures of any size as MNIST's preprocessing would show them to the model\n"
    "  plot      --run DIR [--out DIR] [--format png|svg]   the pictures of a run folder (curves, confusion matrix,\n"
    "            sample digits, first-layer weights)\n";

}  // namespace

int main(int argc, char** argv) {
    mlpw::limit_openmp_spinning(argv);
    using namespace mlpw::cli;
    const std::map<std::string, std::function<int(const Args&)>> commands = {
        {"train", train_command},   {"evaluate", evaluate_command}, {"summary", summary_command},
        {"sweep", sweep_command},   {"bench", bench_command},       {"export", export_command},
        {"import", import_command}, {"predict", predict_command},   {"plot", plot_command},
        {"report", report_command}, {"study", study_command},
    };
    Args args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    const auto command = commands.find(args[0]);
    if (command == commands.end()) {
        std::fprintf(stderr, "mlpw: unknown command '%s'\n%s", args[0].c_str(), kUsage);
        return 2;
    }
    try {
        return command->second(Args(args.begin() + 1, args.end()));
    } catch (const UsageError& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "mlpw %s: %s\n", args[0].c_str(), e.what());
        return 2;
    } catch (const std::bad_alloc&) {  // the allocations that can be large name themselves (OutOfMemoryError)
        std::fflush(stdout);
        std::fprintf(stderr,
                     "mlpw %s: out of memory while allocating a buffer (mlpw summary estimates what a run needs)\n",
                     args[0].c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "mlpw %s: %s\n", args[0].c_str(), e.what());
        return 1;
    }
}
