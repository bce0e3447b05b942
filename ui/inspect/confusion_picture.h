#pragma once
// The confusion matrix as a picture, for the window's view and for exports (`mlpw plot`, Export): a heatmap of one
// epoch's validation matrix (rows: true class, columns: predicted class; counts or row percentages), class names
// on both axes, a colour legend, and each class's precision and recall beside it. One paint function at any size.
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <optional>
#include <utility>

#include "mlpw/report/classification_report.h"
#include "mlpw/training/run_record.h"

class QPainter;

struct ConfusionPicture {
    QString title;
    mlpw::ConfusionMatrix matrix;  // classes 0: nothing to show
    QStringList classes;
    bool rowPercent = false;  // cells show the share of their true class instead of counts
    bool test = false;        // the test set's matrix of the final weights (the run has no validation matrix)
    mlpw::ClassificationReport report;
    QString empty;  // what an empty picture says instead of the matrix ("" : no validation matrix yet)

    int size() const { return matrix.classes; }
    // What a cell's colour stands for: its count over the largest count, or its share of the row.
    double cellValue(int truth, int predicted) const;
    QString cellText(int truth, int predicted) const;  // "123" or "12.3"
};

// Epoch (1-based) `epoch` of the record's validation. When that epoch has no matrix (an opened model file keeps
// no per-epoch validation) the test result's matrix if the run has one (Run > Evaluate on the test set), else an
// empty picture. A run without validation (validation_split 0) shows its test set's matrix at every epoch, once
// it is evaluated.
ConfusionPicture confusion_picture(const mlpw::RunRecord& record, int epoch, bool rowPercent);

// Where paint_confusion puts the matrix in `area` (the same for the same picture, font and area).
class ConfusionLayout {
public:
    ConfusionLayout(const ConfusionPicture& picture, const QRectF& area, const QFont& font);
    QRectF cell(int truth, int predicted) const;
    // The (true, predicted) cell under `point`, if any.
    std::optional<std::pair<int, int>> cellAt(const QPointF& point) const;

    QFont font, cellFont;
    QRectF title, matrix, legend, scores;
    double cellSize = 0, line = 0, rowLabels = 0, columnLabels = 0;

private:
    int m_classes;
};

void paint_confusion(QPainter& painter, const QRectF& area, const ConfusionPicture& picture);
