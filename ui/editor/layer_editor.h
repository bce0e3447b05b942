#pragma once
// The layer editor: the layer table with add, remove, duplicate and reorder (buttons, keys, drag and drop),
// in-place editing, and the layer problems marked on their cells and explained below the table.
#include <QWidget>

#include "mlpw/errors.h"
#include "mlpw/experiment/model_spec.h"

class QLabel;
class QTableView;
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

    LayerTableModel* m_model;
    QTableView* m_view;
    QLabel* m_problems;
};
