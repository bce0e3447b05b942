#pragma once
// Plain value structs that training reports: they cross threads by copy (the GUI's queued signals).
#include <cstdint>
#include <string>
#include <vector>

namespace mlpw {

// After each training batch: running means over the epoch so far, as Keras' progress bar shows them.
struct BatchMetrics {
    int epoch = 0;          // 1-based
    int batch = 0;          // 1-based within the epoch
    int batches = 0;        // per epoch
    int64_t step = 0;       // optimiser iterations since the start of the run
    double loss = 0.0;      // running mean, regularisation penalty included (as Keras reports it)
    double accuracy = 0.0;  // running mean
};

// Rows: true class; columns: predicted class.
struct ConfusionMatrix {
    int classes = 0;
    std::vector<int64_t> counts;  // {classes, classes}
    explicit ConfusionMatrix(int k = 0) : classes(k), counts(static_cast<size_t>(k) * k, 0) {}
    int64_t at(int truth, int predicted) const { return counts[static_cast<size_t>(truth) * classes + predicted]; }
    void add(int truth, int predicted) { ++counts[static_cast<size_t>(truth) * classes + predicted]; }
    int64_t total() const;
    double accuracy() const;
    double precision(int c) const;  // 0 when nothing was predicted as c
    double recall(int c) const;     // 0 when c never occurs
    bool operator==(const ConfusionMatrix&) const = default;
};

struct Misclassified {
    uint32_t index = 0;  // into the evaluated image set
    uint8_t label = 0;
    uint8_t predicted = 0;
    float confidence = 0.0f;  // probability of the predicted class
    bool operator==(const Misclassified&) const = default;
};

struct EvaluationResult {
    // As Keras' val_loss and model.evaluate() report it: the mean cross-entropy plus the kernel regularisers'
    // penalty at the evaluated weights (tf.keras 2.x and Keras 3 add the model's losses in test_step too).
    double loss = 0.0;
    double data_loss = 0.0;  // the mean cross-entropy alone
    double accuracy = 0.0;
    int samples = 0;
    ConfusionMatrix confusion;
    std::vector<Misclassified> misclassified;  // most confident mistakes first
    bool operator==(const EvaluationResult&) const = default;
};

// At each epoch end.
struct EpochMetrics {
    int epoch = 0;  // 1-based
    int epochs = 0;
    double loss = 0.0, accuracy = 0.0;  // running means over the epoch, as Keras reports them
    bool has_validation = false;
    double val_loss = 0.0, val_accuracy = 0.0;  // val_loss includes the regularisation penalty, as in Keras
    double val_data_loss = 0.0;                 // the validation cross-entropy alone
    double train_seconds = 0.0;                 // the batch loop only
    double seconds = 0.0;                       // the whole epoch, validation included (Keras' "Ns")
    double samples_per_s = 0.0;                 // training samples / train_seconds
    int batches = 0;
    bool has_my_digits = false;       // the window scored the person's own drawings (ui/inspect/my_digits.h)
    double my_digits_accuracy = 0.0;  // on them, with this epoch's weights
    // The optimiser's learning rate at the epoch's end, as Keras' History logs it as "lr" (the rate the epoch's
    // last step used for a constant rate or a callback's, the schedule's value at the step count for a
    // schedule). kLrNotRecorded (-1) when the run did not record it (model files before history version 3, and
    // version 3's 0): a rate is never negative, while 0 is a real rate (a cosine decay with alpha 0 ends there).
    // -1 rather than NaN keeps EpochMetrics' == (and so round-trip checks) meaningful.
    static constexpr double kLrNotRecorded = -1.0;
    double lr = kLrNotRecorded;
    bool has_lr() const { return lr >= 0.0; }
    bool operator==(const EpochMetrics&) const = default;
};

}  // namespace mlpw
