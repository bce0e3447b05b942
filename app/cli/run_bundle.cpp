// Run bundles: the files of one training run, each written atomically.
#include "run_bundle.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "mlpw/atomic_file.h"
#include "mlpw/errors.h"

namespace mlpw::cli {
namespace {

namespace fs = std::filesystem;

std::string to_string(StopReason reason) {
    switch (reason) {
        case StopReason::completed: return "completed";
        case StopReason::callback: return "callback";
        case StopReason::user: return "user";
        case StopReason::diverged: return "diverged";
    }
    return "unknown";
}

nlohmann::json number_or_null(double value, bool present) {
    return present && std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
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

void write_file_atomically(const std::string& path, const std::string& text) {
    if (const std::error_code error = mlpw::write_file_atomically(path, {text}))
        throw Error(path + ": cannot write the file (" + error.message() + ")");
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_number(double value) {
    if (!std::isfinite(value)) return std::isnan(value) ? "" : (value > 0 ? "inf" : "-inf");
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

std::string history_csv(const std::vector<EpochMetrics>& history) {
    std::string text = "epoch,accuracy,loss,val_accuracy,val_loss,seconds,val_data_loss\n";
    for (const auto& m : history) {
        text += std::to_string(m.epoch - 1) + "," + csv_number(m.accuracy) + "," + csv_number(m.loss) + "," +
                (m.has_validation ? csv_number(m.val_accuracy) : "") + "," +
                (m.has_validation ? csv_number(m.val_loss) : "") + "," + csv_number(m.seconds) + "," +
                (m.has_validation ? csv_number(m.val_data_loss) : "") + "\n";
    }
    return text;
}

std::string confusion_csv(const ConfusionMatrix& confusion, const std::vector<std::string>& class_names) {
    const auto name = [&](int c) {
        return csv_field(c < static_cast<int>(class_names.size()) ? class_names[c] : std::to_string(c));
    };
    std::string text = "true\\predicted";
    for (int c = 0; c < confusion.classes; ++c) text.append(",").append(name(c));
    text += "\n";
    for (int t = 0; t < confusion.classes; ++t) {
        text += name(t);
        for (int p = 0; p < confusion.classes; ++p) text.append(",").append(std::to_string(confusion.at(t, p)));
        text += "\n";
    }
    return text;
}

nlohmann::ordered_json run_summary(const std::string& name, const TrainingResult& result, const EvaluationResult& test) {
    const EpochMetrics* best = nullptr;
    for (const auto& m : result.history)
        if (m.epoch == result.best_epoch) best = &m;
    const bool validation = best && best->has_validation;
    nlohmann::ordered_json summary = {
        {"name", name},
        {"val_accuracy", number_or_null(validation ? best->val_accuracy : 0.0, validation)},
        {"val_loss", number_or_null(validation ? best->val_loss : 0.0, validation)},
        {"test_accuracy", number_or_null(test.accuracy, test.samples > 0)},
        {"test_loss", number_or_null(test.loss, test.samples > 0)},
        {"best_epoch", result.best_epoch},
        {"epochs_run", result.epochs_run},
        {"stopped_early", result.stopped_early()},
        {"stop_reason", to_string(result.stop_reason)},
        {"message", result.message},
        {"restored_epoch", result.restored_epoch ? nlohmann::json(*result.restored_epoch) : nlohmann::json(nullptr)},
        {"seconds", result.seconds},
    };
    return summary;
}

void write_run_bundle(const std::string& dir, const ModelFile& model, const TrainingResult& result,
                      const EvaluationResult& test) {
    prepare_output_folder(dir);
    const fs::path folder(dir);
    save_experiment(model.experiment, (folder / "experiment.json").string());  // atomic, every option written out
    save_model(model, (folder / "model.mlpw").string());                         // atomic
    write_file_atomically((folder / "history.csv").string(), history_csv(result.history));
    write_file_atomically((folder / "confusion.csv").string(), confusion_csv(test.confusion, model.class_names));
    write_file_atomically((folder / "summary.json").string(),
                          run_summary(model.experiment.name, result, test).dump(2) + "\n");
}

}  // namespace mlpw::cli
