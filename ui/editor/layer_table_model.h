#pragma once
// The layers of a model as an editable table: one row per Keras layer, one column per option.
// Cells that do not apply to a layer's type are empty and read-only. Text that does not parse is kept as
// typed and reported as a problem, so the experiment is never silently different from what is shown.
#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include "mlpw/errors.h"
#include "mlpw/experiment/model_spec.h"

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Units, Activation, Initializer, L1, L2, Rate, Slope, ColumnCount };

    explicit LayerTableModel(QObject* parent = nullptr);

    void setLayers(const std::vector<mlpw::LayerSpec>& layers);
    const std::vector<mlpw::LayerSpec>& layers() const { return m_layers; }
    // Cells holding text that is not a number, as problems at "model.layers[i].<field>".
    std::vector<mlpw::SpecProblem> entryProblems() const;
    // Marks the cells (or rows) named by validation problems' paths; an empty list clears the marks.
    void setProblems(const std::vector<mlpw::SpecProblem>& problems);
    static int columnForField(const QString& field);
    bool applies(int row, int column) const;

    void insertLayer(int row, const mlpw::LayerSpec& layer);
    void replaceLayer(int row, const mlpw::LayerSpec& layer);  // the options panel's edit of a layer
    static mlpw::LayerSpec defaultLayer(mlpw::LayerType type);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    bool moveRows(const QModelIndex& source, int row, int count, const QModelIndex& target, int child) override;

    // Drag and drop: a move carries the row numbers; the drop inserts copies and the view removes the originals.
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    void layersEdited();

private:
    QString display(int row, int column) const;
    bool parseInto(mlpw::LayerSpec& layer, int column, const QString& text);
    void emitEdited();

    std::vector<mlpw::LayerSpec> m_layers;
    std::vector<QHash<int, QString>> m_badText;  // per row: column -> text as typed
    QHash<quint64, QString> m_cellProblem;       // key: row << 32 | column: the message shown on the cell
    QHash<int, QString> m_rowProblem;            // problems about a whole layer
};
