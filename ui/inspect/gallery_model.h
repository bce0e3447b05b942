#pragma once
// The gallery's rows: the samples of a SamplePredictions that pass the filter, in the chosen order. A list model
// (one row per sample) for a QListView in icon mode; the delegate draws the image and the labels.
#include <QAbstractListModel>

#include <memory>
#include <string>
#include <vector>

#include "inspect/sample_predictions.h"

struct GalleryFilter {
    enum class Kind { all, misclassified, trueClass, predictedClass, cell };
    Kind kind = Kind::all;
    int trueClass = 0;       // trueClass, cell
    int predictedClass = 0;  // predictedClass, cell
    bool accepts(int label, int predicted) const;
    QString text(const SamplePredictions& p) const;  // "true Shirt predicted as T-shirt/top"
    bool operator==(const GalleryFilter&) const = default;
};

enum class GalleryOrder { index, mostConfident, leastConfident };

class GalleryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { SampleRole = Qt::UserRole, IndexRole, LabelRole, PredictedRole, ConfidenceRole };

    explicit GalleryModel(QObject* parent = nullptr);

    void setPredictions(std::shared_ptr<const SamplePredictions> predictions);
    const SamplePredictions* predictions() const { return m_predictions.get(); }
    void setFilter(const GalleryFilter& filter);
    const GalleryFilter& filter() const { return m_filter; }
    void setOrder(GalleryOrder order);
    GalleryOrder order() const { return m_order; }
    int sampleAt(int row) const { return m_rows[size_t(row)]; }  // the position in predictions()

    int rowCount(const QModelIndex& parent = {}) const override;
    // DecorationRole: the QImage; ToolTipRole: the probability vector; the roles above: the sample's values.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // index,true,predicted,confidence,p_<class>... one line per row in the shown order (the filtered list).
    std::string csv() const;

private:
    void rebuild();
    QString probabilityText(int sample) const;

    std::shared_ptr<const SamplePredictions> m_predictions;
    GalleryFilter m_filter;
    GalleryOrder m_order = GalleryOrder::mostConfident;
    std::vector<int> m_rows;  // sample positions shown, in order
};
