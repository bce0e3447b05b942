#pragma once
// My digits: the person's own test set, drawings kept with their labels from the canvas ("Keep as..."), in
// <AppDataLocation>/my-digits as IDX files, so `mlpw evaluate --data <that folder>` reads it like any data set:
// the same images are written as the t10k (test) pair and the train pair, as load_idx_folder expects both.
// Each keep rewrites the files atomically (mlpw::write_idx).
#include <QString>

#include <memory>

#include "mlpw/data/dataset.h"
#include "mlpw/data/digit_preprocess.h"

class MyDigits {
public:
    static QString defaultFolder();  // QStandardPaths::AppDataLocation + "/my-digits"
    explicit MyDigits(QString folder = defaultFolder());

    // Reads the folder (no folder yet: an empty set). Returns an empty string or what is wrong with the files.
    QString load();
    // Adds one drawing and writes the set. Returns an empty string or the message of the failed write (the set
    // in memory is then unchanged).
    QString keep(const mlpw::DigitImage& digit, int label);

    std::shared_ptr<const mlpw::ImageSet> set() const { return m_set; }
    int count() const { return m_set->count; }
    QString folder() const { return m_folder; }

private:
    QString m_folder;
    std::shared_ptr<const mlpw::ImageSet> m_set;  // {count, 28 x 28}; replaced, never changed, when one is kept
};
