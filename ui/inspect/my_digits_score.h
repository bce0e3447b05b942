#pragma once
// my_digits_accuracy: the person's own drawings (MyDigits) scored after every epoch of a run in the window, on
// the training thread (TrainingWorker), with the epoch's weights; the snapshots it sends carry the scores in
// EpochMetrics::my_digits_accuracy, so the charts and the log show them beside val_accuracy.
#include <memory>
#include <optional>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/training/run_record.h"

// The accuracy of the record's final weights on `set`; nullopt when the set is empty or does not fit the model
// (other image geometry, a label the model has no class for).
std::optional<double> my_digits_accuracy(const mlpw::RunRecord& record, const mlpw::ImageSet& set);

class MyDigitsScores {
public:
    explicit MyDigitsScores(std::shared_ptr<const mlpw::ImageSet> set = nullptr) : m_set(std::move(set)) {}
    // Scores the record's newest epoch (call once per epoch end).
    void scoreLatest(const mlpw::RunRecord& record);
    // A copy of the record with the scores in its history.
    mlpw::RunRecord annotated(const mlpw::RunRecord& record) const;

private:
    std::shared_ptr<const mlpw::ImageSet> m_set;
    std::vector<std::optional<double>> m_scores;  // per epoch, parallel to the history
};
