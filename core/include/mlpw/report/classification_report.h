#pragma once
// Per-class scores from a confusion matrix, as sklearn's classification_report computes them, and the texts
// mlpw evaluate prints (the report with digits=4, then the matrix).
#include <cstdint>
#include <string>
#include <vector>

#include "mlpw/training/metrics.h"

namespace mlpw {

struct ClassScores {
    double precision = 0.0, recall = 0.0, f1 = 0.0;  // 0 when undefined (sklearn's zero_division=0)
    int64_t support = 0;                             // images of the class
};

struct ClassificationReport {
    std::vector<ClassScores> classes;  // {k}
    ClassScores macro, weighted;       // unweighted and support-weighted means; support: all images
    double accuracy = 0.0;
};

ClassificationReport classification_report(const ConfusionMatrix& confusion);

// precision, recall, f1-score, support per class (rows named by `class_names`), accuracy, macro and weighted avg.
std::string classification_report_text(const ClassificationReport& report, const std::vector<std::string>& class_names);
// "Confusion matrix (rows: true class, columns: predicted class)", then the counts; long class names label the rows
// ("3 Dress") and the columns use numbers.
std::string confusion_matrix_text(const ConfusionMatrix& confusion, const std::vector<std::string>& class_names);

}  // namespace mlpw
