// Reading a run bundle (see run_bundle.h) back into the RunRecord that wrote it. Every error names the file and,
// where there is one, the line or field and what was expected.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "io/kernel_file.h"
#include "io/run_bundle_detail.h"
#include "mlpw/errors.h"
#include "mlpw/io/csv.h"
#include "mlpw/io/run_bundle.h"

namespace mlpw {
namespace {

namespace fs = std::filesystem;
using Row = std::vector<std::string>;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read the file (" + (fs::exists(path) ? "not readable" : "missing") + ")");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json read_json(const std::string& path) {
    try {
        return nlohmann::json::parse(read_text(path));
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(path + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
    }
}

// A field of a JSON object, checked for presence and kind.
class JsonFields {
public:
    JsonFields(const nlohmann::json& json, std::string path) : m_json(json), m_path(std::move(path)) {
        if (!m_json.is_object()) throw Error(m_path + ": expected a JSON object");
    }
    const nlohmann::json& at(const char* key, bool (nlohmann::json::*is)() const noexcept, const char* expected,
                             bool nullable = false) const {
        if (!m_json.contains(key)) throw Error(m_path + ": field '" + key + "' is missing");
        const nlohmann::json& value = m_json[key];
        if (!(value.*is)() && !(nullable && value.is_null()))
            throw Error(m_path + ": field '" + key + "': expected " + expected + ", got " + value.dump());
        return value;
    }
    int integer(const char* key) const { return at(key, &nlohmann::json::is_number_integer, "an integer").get<int>(); }
    std::string text(const char* key) const {
        return at(key, &nlohmann::json::is_string, "a string").get<std::string>();
    }
    double number_or_nan(const char* key) const {
        const auto& v = at(key, &nlohmann::json::is_number, "a number or null", true);
        return v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
    }
    std::string error(const char* key, const std::string& what) const {
        return m_path + ": field '" + key + "': " + what;
    }

private:
    const nlohmann::json& m_json;
    std::string m_path;
};

// The rows of a CSV file after its header, which must be `header`.
class CsvFile {
public:
    CsvFile(std::string path, const std::string& header) : m_path(std::move(path)) {
        const std::string text = read_text(m_path);
        if (!text.empty() && text.back() != '\n') throw Error(m_path + ": the last line is cut short (no line end)");
        std::istringstream in(text);
        std::string line;
        if (!std::getline(in, line) || line != header)
            throw Error(m_path + ": line 1: expected the header '" + header + "'");
        for (int number = 2; std::getline(in, line); ++number) {
            auto fields = csv_fields(line);
            if (!fields) throw Error(where(number) + ": a quote is not closed");
            m_rows.push_back(std::move(*fields));
        }
    }
    const std::vector<Row>& rows() const { return m_rows; }
    // "DIR/batches.csv: line 7" for row i (0-based, after the header).
    std::string where(size_t line) const { return m_path + ": line " + std::to_string(line); }
    std::string row(size_t i) const { return where(i + 2); }
    void expect_columns(size_t i, size_t columns) const {
        if (m_rows[i].size() != columns)
            throw Error(row(i) + ": expected " + std::to_string(columns) + " fields, got " +
                        std::to_string(m_rows[i].size()));
    }
    double number(size_t i, size_t column, const char* name) const {
        if (auto v = csv_parse_number(m_rows[i][column])) return *v;
        throw Error(row(i) + ": " + name + ": expected a number, got '" + m_rows[i][column] + "'");
    }
    long long count(size_t i, size_t column, const char* name, long long limit) const {
        const auto v = csv_parse_count(m_rows[i][column]);
        if (!v || *v >= limit)
            throw Error(row(i) + ": " + name + ": expected a whole number below " + std::to_string(limit) + ", got '" +
                        m_rows[i][column] + "'");
        return *v;
    }

private:
    std::string m_path;
    std::vector<Row> m_rows;
};

std::string names_header(const char* first, const std::vector<std::string>& class_names) {
    std::string header = first;
    for (const auto& name : class_names) header.append(",").append(csv_field(name));
    return header;
}

// Rows of `classes` counts each, the true class named in column `label_column`.
ConfusionMatrix confusion_rows(const CsvFile& csv, size_t first, const std::vector<std::string>& class_names,
                               size_t label_column) {
    const int k = static_cast<int>(class_names.size());
    ConfusionMatrix cm(k);
    for (int t = 0; t < k; ++t) {
        const size_t i = first + static_cast<size_t>(t);
        if (i >= csv.rows().size()) throw Error(csv.row(i) + ": missing the row of true class " + class_names[t]);
        csv.expect_columns(i, label_column + 1 + static_cast<size_t>(k));
        if (csv.rows()[i][label_column] != class_names[t])
            throw Error(csv.row(i) + ": expected the row of true class '" + class_names[t] + "', got '" +
                        csv.rows()[i][label_column] + "'");
        for (int p = 0; p < k; ++p)
            cm.counts[static_cast<size_t>(t) * k + p] =
                csv.count(i, label_column + 1 + p, "count", std::numeric_limits<long long>::max());
    }
    return cm;
}

void read_confusions(const std::string& path, RunRecord& record) {
    const auto& names = record.data.class_names;
    const CsvFile csv(path, names_header("epoch,true\\predicted", names));
    const size_t k = names.size();
    record.validation.clear();
    record.validation.resize(record.history.size());
    if (k == 0 ? !csv.rows().empty() : csv.rows().size() % k != 0)
        throw Error(path + ": expected " + std::to_string(k) + " rows per epoch, got " +
                    std::to_string(csv.rows().size()) + " rows");
    for (size_t first = 0; first < csv.rows().size(); first += k) {
        const auto epoch =
            static_cast<size_t>(csv.count(first, 0, "epoch", static_cast<long long>(record.history.size())));
        for (size_t t = 0; t < k; ++t)
            if (csv.rows()[first + t][0] != csv.rows()[first][0])
                throw Error(csv.row(first + t) + ": epoch: expected " + csv.rows()[first][0] +
                            " in every row of a matrix");
        if (record.validation[epoch].confusion.classes != 0)
            throw Error(csv.row(first) + ": epoch " + std::to_string(epoch) + " has a matrix already");
        record.validation[epoch].confusion = confusion_rows(csv, first, names, 1);
    }
    for (size_t e = 0; e < record.history.size(); ++e)
        if (record.history[e].has_validation != (record.validation[e].confusion.classes != 0))
            throw Error(path + ": epoch " + std::to_string(e) +
                        (record.history[e].has_validation
                             ? ": the matrix is missing (model.mlpw's history has validation)"
                             : ": has a matrix but model.mlpw's history has no validation"));
}

void read_misclassified(const std::string& path, RunRecord& record) {
    const CsvFile csv(path, "set,epoch,index,label,predicted,confidence");
    const long long classes = static_cast<long long>(record.data.class_names.size());
    for (size_t i = 0; i < csv.rows().size(); ++i) {
        csv.expect_columns(i, 6);
        const Row& r = csv.rows()[i];
        Misclassified m;
        m.index = static_cast<uint32_t>(csv.count(i, 2, "index", 1LL << 32));
        m.label = static_cast<uint8_t>(csv.count(i, 3, "label", classes));
        m.predicted = static_cast<uint8_t>(csv.count(i, 4, "predicted", classes));
        const auto confidence = csv_parse_float(r[5]);
        if (!confidence) throw Error(csv.row(i) + ": confidence: expected a number, got '" + r[5] + "'");
        m.confidence = *confidence;
        if (r[0] == detail::kTestSet && r[1].empty()) {
            record.test.misclassified.push_back(m);
        } else if (r[0] == detail::kValidationSet) {
            const auto epoch = csv.count(i, 1, "epoch", static_cast<long long>(record.history.size()));
            record.validation[static_cast<size_t>(epoch)].misclassified.push_back(m);
        } else {
            throw Error(csv.row(i) + ": set: expected 'validation' with an epoch or 'test' without one, got '" + r[0] +
                        "'");
        }
    }
}

void read_batches(const std::string& path, RunRecord& record) {
    const CsvFile csv(path, "progress,loss,accuracy");
    for (size_t i = 0; i < csv.rows().size(); ++i) {
        csv.expect_columns(i, 3);
        record.batches.push_back(
            {csv.number(i, 0, "progress"), csv.number(i, 1, "loss"), csv.number(i, 2, "accuracy")});
    }
}

// Optional (see run_bundle.h): an absent file leaves the panel empty.
void read_sample_panel(const std::string& path, RunRecord& record) {
    if (!fs::exists(path)) return;
    const CsvFile csv(path, "index,label,pixels");
    SamplePanel& panel = record.sample_panel;
    panel.rows = record.data.image_rows;
    panel.cols = record.data.image_cols;
    const size_t features = static_cast<size_t>(panel.rows) * panel.cols;
    const long long classes = static_cast<long long>(record.data.class_names.size());
    for (size_t i = 0; i < csv.rows().size(); ++i) {
        csv.expect_columns(i, 3);
        panel.indices.push_back(static_cast<uint32_t>(csv.count(i, 0, "index", 1LL << 32)));
        panel.labels.push_back(static_cast<uint8_t>(csv.count(i, 1, "label", classes)));
        const std::string& hex = csv.rows()[i][2];
        if (hex.size() != 2 * features || hex.find_first_not_of("0123456789abcdef") != std::string::npos)
            throw Error(csv.row(i) + ": pixels: expected " + std::to_string(2 * features) + " lower-case hex digits (" +
                        std::to_string(panel.rows) + "x" + std::to_string(panel.cols) + " bytes), got " +
                        std::to_string(hex.size()) + " characters");
        for (size_t p = 0; p < features; ++p)
            panel.pixels.push_back(static_cast<uint8_t>(std::stoi(hex.substr(2 * p, 2), nullptr, 16)));
    }
}

void read_panel_predictions(const std::string& path, RunRecord& record) {
    const SamplePanel& panel = record.sample_panel;
    if (panel.size() == 0) return;
    const auto& names = record.data.class_names;
    const CsvFile csv(path, names_header("epoch,index", names));
    const size_t k = names.size();
    const size_t n = static_cast<size_t>(panel.size());
    if (csv.rows().size() != n * record.history.size())
        throw Error(path + ": expected " + std::to_string(n) + " rows per epoch for " +
                    std::to_string(record.history.size()) + " epochs, got " + std::to_string(csv.rows().size()));
    for (size_t i = 0; i < csv.rows().size(); ++i) {
        csv.expect_columns(i, 2 + k);
        const size_t epoch = i / n, sample = i % n;
        if (csv.count(i, 0, "epoch", std::numeric_limits<long long>::max()) != static_cast<long long>(epoch) ||
            csv.count(i, 1, "index", 1LL << 32) != panel.indices[sample])
            throw Error(csv.row(i) + ": expected epoch " + std::to_string(epoch) + ", index " +
                        std::to_string(panel.indices[sample]) + " (the panel's images in sample_panel.csv's order)");
        std::vector<float>& p = record.validation[epoch].panel_probabilities;
        for (size_t c = 0; c < k; ++c) {
            const auto value = csv_parse_float(csv.rows()[i][2 + c]);
            if (!value) throw Error(csv.row(i) + ": " + names[c] + ": expected a probability");
            p.push_back(*value);
        }
    }
}

void read_first_layer(const std::string& path, RunRecord& record) {
    if (!fs::exists(path)) {
        record.first_layer.assign(record.history.size(), KernelSnapshot{});
        return;
    }
    record.first_layer = detail::decode_kernels(read_text(path), path, record.history.size());
}

void read_summary(const std::string& path, RunRecord& record) {
    const nlohmann::json json = read_json(path);
    const JsonFields summary(json, path);
    record.best_epoch = summary.integer("best_epoch");
    if (record.best_epoch < 0 || record.best_epoch > record.epochs_run())
        throw Error(summary.error(
            "best_epoch",
            "expected 0 to " + std::to_string(record.epochs_run()) + ", got " + std::to_string(record.best_epoch)));
    if (summary.integer("epochs_run") != record.epochs_run())
        throw Error(summary.error(
            "epochs_run", "expected " + std::to_string(record.epochs_run()) + " (the epochs in model.mlpw's history)"));
    const std::string reason = summary.text("stop_reason");
    const auto stop = stop_reason_named(reason);
    if (!stop)
        throw Error(
            summary.error("stop_reason", "expected completed, callback, user or diverged, got '" + reason + "'"));
    record.stop_reason = *stop;
    record.message = summary.text("message");
    const auto& restored = summary.at("restored_epoch", &nlohmann::json::is_number_integer, "an integer or null", true);
    if (!restored.is_null()) record.restored_epoch = restored.get<int>();
    record.seconds = summary.at("seconds", &nlohmann::json::is_number, "a number").get<double>();
    record.test.loss = summary.number_or_nan("test_loss");
    record.test.accuracy = summary.number_or_nan("test_accuracy");
}

void read_run_json(const std::string& path, RunRecord& record) {
    const nlohmann::json json = read_json(path);
    const JsonFields run(json, path);
    const int format = run.integer("format");
    if (format < 1 || format > detail::kBundleFormat)
        throw Error(run.error("format",
                              "this version reads format 1 to " + std::to_string(detail::kBundleFormat) + ", got " +
                                  std::to_string(format)));
    record.data.name = run.text("data");
    record.data.train_samples = run.integer("train_samples");
    record.data.validation_samples = run.integer("validation_samples");
    record.threads = run.text("threads");
    record.test.data_loss = run.number_or_nan("test_data_loss");
}

}  // namespace

RunRecord read_run_bundle(const std::string& dir) {
    const fs::path folder(dir);
    const auto path = [&](const char* name) { return (folder / name).string(); };
    RunRecord record;
    record.experiment = load_experiment(path("experiment.json"));
    const ModelFile model = load_model(path("model.mlpw"));
    record.final_weights = model.weights;
    record.history = model.history;
    record.data.class_names = model.class_names;
    record.data.image_rows = model.image_rows;
    record.data.image_cols = model.image_cols;
    record.data.normalization_mean = model.normalization_mean;
    record.data.normalization_stddev = model.normalization_stddev;
    read_run_json(path("run.json"), record);
    read_summary(path("summary.json"), record);
    if (record.best_epoch > 0) record.best_weights = load_model(path("best_model.mlpw")).weights;

    // summary.json's test_accuracy is null when the test set was not evaluated; confusion.csv then has no classes.
    const bool tested = !std::isnan(record.test.accuracy);
    const std::vector<std::string> test_classes = tested ? model.class_names : std::vector<std::string>{};
    const CsvFile test(path("confusion.csv"), names_header("true\\predicted", test_classes));
    if (test.rows().size() != test_classes.size())
        throw Error(path("confusion.csv") + ": expected " + std::to_string(test_classes.size()) + " rows, got " +
                    std::to_string(test.rows().size()));
    record.test.confusion = confusion_rows(test, 0, test_classes, 0);
    record.test.samples = static_cast<int>(record.test.confusion.total());
    if (!tested) record.test.loss = record.test.data_loss = record.test.accuracy = 0.0;  // as if never tested
    read_confusions(path("confusions.csv"), record);
    read_misclassified(path("misclassified.csv"), record);
    read_batches(path("batches.csv"), record);
    read_sample_panel(path("sample_panel.csv"), record);
    read_panel_predictions(path("panel_predictions.csv"), record);
    read_first_layer(path("first_layer.bin"), record);
    return record;
}

}  // namespace mlpw
