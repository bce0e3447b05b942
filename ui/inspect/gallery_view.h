#pragma once
// The gallery tab: every sample of the current run's validation split (or the test set) with its true class,
// prediction and confidence, filtered (all, misclassified, a true class, a predicted class, a confusion cell) and
// sorted (most confident first puts the most confident mistakes on top); a tooltip shows the probabilities.
// A QListView in icon mode over GalleryModel, drawn by GalleryDelegate. Exports the page on screen (PNG/SVG) and
// the filtered list (CSV).
#include <QWidget>

#include <memory>

#include "inspect/gallery_model.h"

class QComboBox;
class QLabel;
class QListView;
class QToolButton;
class PredictionService;

class GalleryView : public QWidget {
    Q_OBJECT
public:
    explicit GalleryView(PredictionService* predictions, QWidget* parent = nullptr);

    GalleryModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    QString statusText() const;
    // The rows on screen: [first, first + count).
    std::pair<int, int> visibleRows() const;
    // Writes the page on screen (.png/.svg) or the filtered list (.csv); returns "" or the problem.
    QString exportPage(const QString& path) const;
    QString exportCsv(const QString& path) const;

public slots:
    // Shows "true trueClass predicted as predictedClass" and brings the gallery's tab forward (the confusion
    // matrix's cellActivated connects here).
    void showConfusionCell(int trueClass, int predictedClass);
    void setFilter(const GalleryFilter& filter);

private:
    void onPredictions(std::shared_ptr<const SamplePredictions> predictions);
    void fillClassCombos();
    void applyFilterFromControls();
    void syncControls();
    void updateStatus();
    void bringForward();
    void exportPageDialog();
    void exportCsvDialog();

    PredictionService* m_service;
    GalleryModel* m_model;
    QListView* m_list;
    QComboBox* m_split;
    QComboBox* m_filterKind;
    QComboBox* m_trueClass;
    QComboBox* m_predictedClass;
    QComboBox* m_order;
    QToolButton* m_export;
    QLabel* m_status;
    QString m_message;  // loading, predicting or the failure
    bool m_syncing = false;
};
