#pragma once
// The selected layer's options that the layer table has no column for, one row per mlpw::layer_options() entry
// (a Dense layer's kernel_constraint, the augmentation layers' factors, fill and distortion); only the rows that
// apply to the layer are shown. Text that is not a number is reported as a problem at its path.
#include <QMap>
#include <QWidget>

#include "mlpw/errors.h"
#include "mlpw/experiment/layer_options.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

class LayerOptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerOptionsPanel(QWidget* parent = nullptr);

    // The layer at `row` of the model (row -1: none selected, nothing shown).
    void setLayer(int row, const mlpw::LayerSpec& layer);
    int row() const { return m_row; }
    const mlpw::LayerSpec& layer() const { return m_layer; }
    std::vector<mlpw::SpecProblem> entryProblems() const;
    void setProblems(const std::vector<mlpw::SpecProblem>& problems);  // marks the fields they name
    QWidget* field(const QString& key) const;                          // the shown field of `key` (tests)

signals:
    void layerEdited(int row, const mlpw::LayerSpec& layer);

private:
    void showRows();
    void markProblems();
    void onEdited(int index);
    QString pathOf(int index) const;

    QFormLayout* m_form;
    QLabel* m_empty;
    std::vector<QWidget*> m_fields;             // parallel to layer_options(): a QLineEdit or a QComboBox
    QMap<int, QString> m_badText;               // option index -> text that is not a number
    std::vector<mlpw::SpecProblem> m_problems;  // the editor's last validation, marked on the layer shown
    int m_row = -1;
    mlpw::LayerSpec m_layer;
};
