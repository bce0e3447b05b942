#pragma once
// The layer editor: the layer table with add, remove, duplicate and reorder (buttons, keys, drag and drop),
// in-place editing, the selected layer's further options (kernel_constraint, augmentation) below it, and the layer
// problems marked on their cells and explained below the table.
#include <QWidget>

#include "mlpw/errors.h"
#include "mlpw/experiment/model_spec.h"

class QLabel;
class QTableView;
class LayerOptionsPanel;
class LayerTableModel;

class LayerEditor : public QWidget {
    Q_OBJECT
public:
    explicit LayerEditor(QWidget* parent = nullptr);

    void setLayers(const std::vector<mlpw::LayerSpec>& layers);
    const std::vector<mlpw::LayerSpec>& layers() const;
    std::vector<mlpw::SpecProblem> entryProblems() const;
    void setProblems(const std::vector<mlpw::SpecProblem>& problems);
    LayerTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    LayerOptionsPanel* optionsPanel() const { return m_options; }

public slots:
    void addLayer(mlpw::LayerType type);
    void removeCurrent();
    void duplicateCurrent();
    void moveCurrent(int delta);

signals:
    void layersEdited();

private:
    int currentRow() const;
    void selectRow(int row);
    void showOptionsOfCurrent();
    // Augmentation layers go after the leading augmentation layers (before flatten: the validator's rule).
    int insertionRow(mlpw::LayerType type) const;

    LayerTableModel* m_model;
    QTableView* m_view;
    LayerOptionsPanel* m_options;
    bool m_applyingOptions = false;  // the panel's own edit: it keeps what is being typed
    QLabel* m_problems;
};
