// mlpw evaluate: a saved model on a data set's test images: loss, accuracy, per-class precision and recall,
// and the confusion matrix.
#include <cstdio>

#include "commands.h"
#include "keras_log.h"
#include "mlpw/data/dataset.h"
#include "mlpw/io/model_io.h"
#include "mlpw/report/classification_report.h"
#include "mlpw/report/summary.h"
#include "mlpw/training/prediction.h"

namespace mlpw::cli {

int evaluate_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw evaluate --model FILE [--data mnist|fashion_mnist|DIR]\n"
            "Evaluates a saved model (.mlpw, e.g. the model.mlpw of mlpw train --out) on a data set's test\n"
            "images with the model's own normalisation: test loss (with the regularisation penalty, as\n"
            "Keras' model.evaluate) and accuracy, precision, recall and f1-score per class, and the\n"
            "confusion matrix.\n"
            "  --model FILE   the model file\n"
            "  --data SOURCE  mnist, fashion_mnist or a folder of IDX files (default: the data set the\n"
            "                 model was trained on)");
        return 0;
    }
    const std::string path = take_option(args, "--model", "");
    if (path.empty()) throw UsageError("missing --model FILE (see mlpw evaluate --help)");
    const std::string data_option = take_option(args, "--data", "");
    expect_no_more(args, "evaluate");

    const ModelFile model = load_model(path);
    const std::string source = data_option.empty() ? model.experiment.data.source : data_option;
    const Dataset data = load_dataset(source);
    const ImageSet& test = data.test;
    check_model_fits(model, data, path);
    if (test.count == 0) throw Error(data.name + ": the test set is empty");

    std::printf("Model: %s (experiment \"%s\", %zu epoch%s, %s)\n", path.c_str(), model.experiment.name.c_str(),
                model.history.size(), model.history.size() == 1 ? "" : "s", model.written_by.c_str());
    std::printf("Data: %s, %s test images of %dx%d\n", data.name.c_str(), with_thousands(test.count).c_str(), test.rows,
                test.cols);
    // A data set of fewer classes (labels a subset of the model's): the model's names label its 10x10 matrix.
    const bool subset = data.num_classes() < static_cast<int>(model.class_names.size());
    const std::vector<std::string>& names = subset ? model.class_names : data.class_names;
    if (subset)
        std::printf("Note: the data set has %d of the model's %zu classes; the others are never the true class\n",
                    data.num_classes(), model.class_names.size());
    else if (model.class_names != data.class_names)
        std::printf("Note: the model's class names differ from the data set's; showing the data set's\n");
    const EvaluationResult result = InferenceModel(model).evaluate(test);
    std::printf("Test accuracy: %s - test loss: %s\n\n", metric_value(result.accuracy).c_str(),
                metric_value(result.loss).c_str());
    std::fputs(classification_report_text(classification_report(result.confusion), names).c_str(), stdout);
    std::printf("\n");
    std::fputs(confusion_matrix_text(result.confusion, names).c_str(), stdout);
    return 0;
}

}  // namespace mlpw::cli
