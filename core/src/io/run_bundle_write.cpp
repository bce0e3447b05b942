// Writing a run bundle (see run_bundle.h): each file atomically.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "io/kernel_file.h"
#include "io/run_bundle_detail.h"
#include "mlpw/errors.h"
#include "mlpw/io/atomic_file.h"
#include "mlpw/io/csv.h"
#include "mlpw/io/run_bundle.h"

namespace mlpw {
namespace {

namespace fs = std::filesystem;

nlohmann::json number_or_null(double value, bool present) {
    return present && std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

std::string class_name(const std::vector<std::string>& class_names, int c) {
    return csv_field(c < static_cast<int>(class_names.size()) ? class_names[c] : std::to_string(c));
}

void append_mistakes(std::string& text, const char* set, const std::string& epoch,
                     const std::vector<Misclassified>& mistakes) {
    for (const Misclassified& m : mistakes)
        text += std::string(set) + "," + epoch + "," + std::to_string(m.index) + "," + std::to_string(m.label) + "," +
            std::to_string(m.predicted) + "," + csv_float(m.confidence) + "\n";
}

std::string misclassified_csv(const RunRecord& record) {
    std::string text = "set,epoch,index,label,predicted,confidence\n";
    for (size_t e = 0; e < record.validation.size(); ++e)
        append_mistakes(text, detail::kValidationSet, std::to_string(e), record.validation[e].misclassified);
    append_mistakes(text, detail::kTestSet, "", record.test.misclassified);
    return text;
}

std::string batches_csv(const std::vector<BatchPoint>& points) {
    std::string text = "progress,loss,accuracy\n";
    for (const BatchPoint& p : points)
        text += csv_number(p.progress) + "," + csv_number(p.loss) + "," + csv_number(p.accuracy) + "\n";
    return text;
}

std::string sample_panel_csv(const SamplePanel& panel) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text = "index,label,pixels\n";
    const size_t features = static_cast<size_t>(panel.rows) * panel.cols;
    for (int i = 0; i < panel.size(); ++i) {
        text += std::to_string(panel.indices[i]) + "," + std::to_string(panel.labels[i]) + ",";
        for (size_t p = 0; p < features; ++p) text.append({kHex[panel.image(i)[p] >> 4], kHex[panel.image(i)[p] & 15]});
        text += "\n";
    }
    return text;
}

// epoch,index,<class names...>: per epoch (0-based) one row of probabilities per panel image.
std::string panel_predictions_csv(const RunRecord& record) {
    const auto& names = record.data.class_names;
    std::string text = "epoch,index";
    for (int c = 0; c < static_cast<int>(names.size()); ++c) text.append(",").append(class_name(names, c));
    text += "\n";
    const size_t k = names.size();
    for (size_t e = 0; e < record.validation.size(); ++e) {
        const std::vector<float>& p = record.validation[e].panel_probabilities;
        for (size_t i = 0; i < p.size() / std::max<size_t>(k, 1); ++i) {
            text += std::to_string(e) + "," + std::to_string(record.sample_panel.indices[i]);
            for (size_t c = 0; c < k; ++c) text.append(",").append(csv_float(p[i * k + c]));
            text += "\n";
        }
    }
    return text;
}

nlohmann::ordered_json run_json(const RunRecord& record) {
    return {{"format", detail::kBundleFormat},
            {"data", record.data.name},
            {"train_samples", record.data.train_samples},
            {"validation_samples", record.data.validation_samples},
            {"threads", record.threads},
            {"test_data_loss", number_or_null(record.test.data_loss, record.test.samples > 0)}};
}

}  // namespace

void prepare_output_folder(const std::string& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw Error(dir + ": exists and is not a folder; --out needs a folder for the run's files");
    fs::create_directories(dir, ec);
    if (ec) throw Error(dir + ": cannot create the output folder (" + ec.message() + ")");
    if (::access(dir.c_str(), W_OK) != 0)
        throw Error(dir + ": cannot write into the output folder (" + std::strerror(errno) + ")");
}

void write_text_file(const std::string& path, const std::string& text) {
    if (const std::error_code error = write_file_atomically(path, {text}))
        throw Error(path + ": cannot write the file (" + error.message() + ")");
}

std::string history_csv(const std::vector<EpochMetrics>& history) {
    std::string text = "epoch,accuracy,loss,val_accuracy,val_loss,seconds,val_data_loss,lr\n";
    for (const auto& m : history) {
        text += std::to_string(m.epoch - 1) + "," + csv_number(m.accuracy) + "," + csv_number(m.loss) + "," +
            (m.has_validation ? csv_number(m.val_accuracy) : "") + "," +
            (m.has_validation ? csv_number(m.val_loss) : "") + "," + csv_number(m.seconds) + "," +
            (m.has_validation ? csv_number(m.val_data_loss) : "") + "," + (m.has_lr() ? csv_number(m.lr) : "") + "\n";
    }
    return text;
}

std::string confusions_csv(const RunRecord& record) {
    const auto& names = record.data.class_names;
    std::string text = "epoch,true\\predicted";
    for (int c = 0; c < static_cast<int>(names.size()); ++c) text.append(",").append(class_name(names, c));
    text += "\n";
    for (size_t e = 0; e < record.validation.size(); ++e) {
        const ConfusionMatrix& cm = record.validation[e].confusion;
        for (int t = 0; t < cm.classes; ++t) {
            text += std::to_string(e) + "," + class_name(names, t);
            for (int p = 0; p < cm.classes; ++p) text.append(",").append(std::to_string(cm.at(t, p)));
            text += "\n";
        }
    }
    return text;
}

std::string confusion_csv(const ConfusionMatrix& confusion, const std::vector<std::string>& class_names) {
    std::string text = "true\\predicted";
    for (int c = 0; c < confusion.classes; ++c) text.append(",").append(class_name(class_names, c));
    text += "\n";
    for (int t = 0; t < confusion.classes; ++t) {
        text += class_name(class_names, t);
        for (int p = 0; p < confusion.classes; ++p) text.append(",").append(std::to_string(confusion.at(t, p)));
        text += "\n";
    }
    return text;
}

nlohmann::ordered_json run_summary(const RunRecord& record) {
    const EpochMetrics* kept = record.kept();  // the final weights' epoch, as the test values
    const bool validation = kept && kept->has_validation;
    const EvaluationResult& test = record.test;
    nlohmann::ordered_json summary = {
        {"name", record.experiment.name},
        {"val_accuracy", number_or_null(validation ? kept->val_accuracy : 0.0, validation)},
        {"val_loss", number_or_null(validation ? kept->val_loss : 0.0, validation)},
        {"test_accuracy", number_or_null(test.accuracy, test.samples > 0)},
        {"test_loss", number_or_null(test.loss, test.samples > 0)},
        {"best_epoch", record.best_epoch},
        {"epochs_run", record.epochs_run()},
        {"stopped_early", record.stopped_early()},
        {"stop_reason", stop_reason_name(record.stop_reason)},
        {"message", record.message},
        {"restored_epoch", record.restored_epoch ? nlohmann::json(*record.restored_epoch) : nlohmann::json(nullptr)},
        {"seconds", record.seconds},
    };
    return summary;
}

void write_run_bundle(const std::string& dir, const RunRecord& record) {
    prepare_output_folder(dir);
    const fs::path folder(dir);
    const auto path = [&](const char* name) { return (folder / name).string(); };
    save_experiment(record.experiment, path("experiment.json"));                  // atomic, every option written out
    save_model(model_file_of(record, record.final_weights), path("model.mlpw"));  // atomic
    write_text_file(path("history.csv"), history_csv(record.history));
    write_text_file(path("confusion.csv"), confusion_csv(record.test.confusion, record.data.class_names));
    write_text_file(path("summary.json"), run_summary(record).dump(2) + "\n");
    if (record.best_epoch > 0) save_model(model_file_of(record, record.best_weights), path("best_model.mlpw"));
    write_text_file(path("run.json"), run_json(record).dump(2) + "\n");
    write_text_file(path("confusions.csv"), confusions_csv(record));
    write_text_file(path("misclassified.csv"), misclassified_csv(record));
    write_text_file(path("batches.csv"), batches_csv(record.batches));
    if (record.sample_panel.size() > 0) {
        write_text_file(path("sample_panel.csv"), sample_panel_csv(record.sample_panel));
        write_text_file(path("panel_predictions.csv"), panel_predictions_csv(record));
    }
    if (!record.first_layer.empty() && !record.first_layer.front().empty())
        write_text_file(path("first_layer.bin"), detail::encode_kernels(record.first_layer));
}

}  // namespace mlpw
