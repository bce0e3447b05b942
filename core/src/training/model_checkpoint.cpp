// Keras' ModelCheckpoint (tf.keras 2 / Keras 3, save_freq="epoch"): saves the model after every epoch, or with
// save_best_only only when `monitor` strictly beats the best so far (no min_delta), with Keras' verbose=1 lines:
//   "Epoch 3: saving model to ckpt-03.mlpw"
//   "Epoch 3: val_loss improved from 0.12340 to 0.09870, saving model to best.mlpw"   (first: "from inf")
//   "Epoch 4: val_loss did not improve from 0.09870"
// A missing monitor with save_best_only logs Keras' "Can save best model only with val_loss available,
// skipping." once and saves nothing. A failing save (ModelFileError) ends the run, as in Keras.
#include <charconv>
#include <limits>

#include "training/callback_detail.h"

namespace mlpw::detail {

namespace {

// Python's repr of a float: the shortest round-trip text, "1.0" rather than "1".
std::string python_repr(double value) {
    std::string text = shortest_text(value);
    if (text.find_first_not_of("-0123456789") == std::string::npos) text += ".0";
    return text;
}

// Parses "0Nd", "Nd" or "d" (an epoch's format spec) into a width.
std::optional<int> integer_width(const std::string& spec) {
    if (spec.empty() || spec.back() != 'd') return std::nullopt;
    int width = 0;
    const char* begin = spec.data();
    const char* end = spec.data() + spec.size() - 1;
    if (begin == end) return 0;
    if (*begin == '0') ++begin;
    const auto parsed = std::from_chars(begin, end, width);
    if (parsed.ec != std::errc() || parsed.ptr != end || width > 20) return std::nullopt;
    return width;
}

// Parses ".Nf" into N.
std::optional<int> fixed_precision(const std::string& spec) {
    if (spec.size() < 3 || spec.front() != '.' || spec.back() != 'f') return std::nullopt;
    int precision = 0;
    const char* end = spec.data() + spec.size() - 1;
    const auto parsed = std::from_chars(spec.data() + 1, end, precision);
    if (parsed.ec != std::errc() || parsed.ptr != end || precision > 20) return std::nullopt;
    return precision;
}

// One "{name:spec}" field, or nullopt when it is not one we know (it is then kept as written).
std::optional<std::string> field(const std::string& name, const std::string& spec, int epoch, const EpochLogs& logs) {
    if (name == "epoch") {
        if (spec.empty()) return format("%02d", epoch);
        if (const auto width = integer_width(spec)) return format("%0*d", *width, epoch);
        return std::nullopt;
    }
    const auto it = logs.find(name);
    if (it == logs.end()) return std::nullopt;
    if (spec.empty()) return python_repr(it->second);
    if (const auto precision = fixed_precision(spec)) return format("%.*f", *precision, it->second);
    return std::nullopt;
}

class ModelCheckpoint final : public Callback {
public:
    explicit ModelCheckpoint(const ModelCheckpointSpec& spec)
        : m_spec(spec), m_maximize(monitor_is_maximized(spec.monitor, spec.mode)), m_monitored(spec.monitor, &warning) {
    }

    void on_train_begin(CallbackContext&) override {
        m_best = m_maximize ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        m_monitored.reset();
    }

    void on_epoch_end(int epoch, const EpochLogs& logs, CallbackContext& context) override {
        const std::string path = checkpoint_path(m_spec.filepath, epoch, logs);
        if (!m_spec.save_best_only) {
            context.log(format("Epoch %d: saving model to %s", epoch, path.c_str()));
            context.save_model(path);
            return;
        }
        const auto current = m_monitored.get(logs, context);
        if (!current) return;
        if (m_maximize ? *current > m_best : *current < m_best) {
            context.log(format("Epoch %d: %s improved from %.5f to %.5f, saving model to %s", epoch,
                               m_spec.monitor.c_str(), m_best, *current, path.c_str()));
            m_best = *current;
            context.save_model(path);
        } else {
            context.log(format("Epoch %d: %s did not improve from %.5f", epoch, m_spec.monitor.c_str(), m_best));
        }
    }

private:
    static std::string warning(const std::string& monitor, const std::string&) {
        return "Can save best model only with " + monitor + " available, skipping.";
    }

    ModelCheckpointSpec m_spec;
    bool m_maximize;
    MonitoredValue m_monitored;
    double m_best = 0.0;
};

}  // namespace

std::string checkpoint_path(const std::string& pattern, int epoch, const EpochLogs& logs) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {  // {{ and }}
            out += c;
            i += 2;
            continue;
        }
        const size_t close = c == '{' ? pattern.find('}', i + 1) : std::string::npos;
        if (close == std::string::npos) {
            out += c;
            ++i;
            continue;
        }
        const std::string inside = pattern.substr(i + 1, close - i - 1);
        const size_t colon = inside.find(':');
        const std::string name = inside.substr(0, colon);
        const std::string spec = colon == std::string::npos ? std::string() : inside.substr(colon + 1);
        if (const auto text = field(name, spec, epoch, logs)) out += *text;
        else out += pattern.substr(i, close - i + 1);
        i = close + 1;
    }
    return out;
}

std::unique_ptr<Callback> make_model_checkpoint(const ModelCheckpointSpec& spec) {
    return std::make_unique<ModelCheckpoint>(spec);
}

}  // namespace mlpw::detail
