#include "editor/layer_table_model.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include "editor/spec_problem.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/experiment/layer_options.h"

namespace {

const char* kMime = "application/x-mlpw-layer-rows";
quint64 key(int row, int column) { return (quint64(quint32(row)) << 32) | quint32(column); }

QString number(double v) { return QString::number(v, 'g', 6); }

bool usesSlope(const mlpw::LayerSpec& l) {
    return l.type == mlpw::LayerType::leaky_relu ||
        ((l.type == mlpw::LayerType::dense || l.type == mlpw::LayerType::activation) &&
         l.activation == mlpw::ActivationFn::leaky_relu);
}

// Marked for lupdate in LayerTableModel's context; tr() translates them when shown.
const char* const kTooltips[LayerTableModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("LayerTableModel", "The layer's name, as Keras would give it (dense, dense_1, ...)"),
    QT_TRANSLATE_NOOP(
        "LayerTableModel",
        "Layer type: Dense, Activation, LeakyReLU, Dropout, BatchNormalization, Flatten, or an augmentation "
        "layer (RandomTranslation, RandomRotation, RandomZoom, ElasticDeformation) before Flatten"),
    QT_TRANSLATE_NOOP(
        "LayerTableModel",
        "Dense units: the number of outputs (Keras Dense(units)). The last Dense layer needs one per class."),
    QT_TRANSLATE_NOOP(
        "LayerTableModel",
        "Activation function (Keras activation=..., default \"linear\"): relu, sigmoid, tanh, elu, leaky_relu, softmax"),
    QT_TRANSLATE_NOOP("LayerTableModel", "Kernel initialiser (Keras kernel_initializer, default \"glorot_uniform\")"),
    QT_TRANSLATE_NOOP("LayerTableModel",
                      "L1 penalty on the kernel, l1 * sum|w| (Keras kernel_regularizer=L1L2(l1=...), default 0)"),
    QT_TRANSLATE_NOOP("LayerTableModel",
                      "L2 penalty on the kernel, l2 * sum w^2 (Keras kernel_regularizer=L1L2(l2=...), default 0)"),
    QT_TRANSLATE_NOOP("LayerTableModel",
                      "Dropout rate: the fraction of inputs zeroed while training (Keras Dropout(rate)), in [0, 1)"),
    QT_TRANSLATE_NOOP("LayerTableModel", "Slope for x < 0 (Keras LeakyReLU(negative_slope), default 0.3)"),
};
const char* const kHeaders[LayerTableModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("LayerTableModel", "Name"),        QT_TRANSLATE_NOOP("LayerTableModel", "Type"),
    QT_TRANSLATE_NOOP("LayerTableModel", "Units"),       QT_TRANSLATE_NOOP("LayerTableModel", "Activation"),
    QT_TRANSLATE_NOOP("LayerTableModel", "Initializer"), QT_TRANSLATE_NOOP("LayerTableModel", "L1"),
    QT_TRANSLATE_NOOP("LayerTableModel", "L2"),          QT_TRANSLATE_NOOP("LayerTableModel", "Dropout"),
    QT_TRANSLATE_NOOP("LayerTableModel", "Slope"),
};

}  // namespace

LayerTableModel::LayerTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LayerTableModel::setLayers(const std::vector<mlpw::LayerSpec>& layers) {
    beginResetModel();
    m_layers = layers;
    m_badText.assign(layers.size(), {});
    m_cellProblem.clear();
    m_rowProblem.clear();
    endResetModel();
}

mlpw::LayerSpec LayerTableModel::defaultLayer(mlpw::LayerType type) {
    mlpw::LayerSpec l = mlpw::layer_with_option_defaults(type);
    if (type == mlpw::LayerType::dense) {
        l.units = 128;
        l.activation = mlpw::ActivationFn::relu;
    } else if (type == mlpw::LayerType::activation) {
        l.activation = mlpw::ActivationFn::relu;
    } else if (type == mlpw::LayerType::dropout) {
        l.rate = 0.2f;
    }
    return l;
}

void LayerTableModel::insertLayer(int row, const mlpw::LayerSpec& layer) {
    row = std::clamp(row, 0, rowCount());
    beginInsertRows({}, row, row);
    m_layers.insert(m_layers.begin() + row, layer);
    m_badText.insert(m_badText.begin() + row, QHash<int, QString>{});
    endInsertRows();
    emitEdited();
}

void LayerTableModel::replaceLayer(int row, const mlpw::LayerSpec& layer) {
    if (row < 0 || row >= rowCount()) return;
    m_layers[size_t(row)] = layer;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emitEdited();
}

std::vector<mlpw::SpecProblem> LayerTableModel::entryProblems() const {
    // The JSON field of each column.
    // clang-format off
    static const char* fields[ColumnCount] = {"name", "type", "units", "activation", "kernel_initializer",
                                              "kernel_regularizer.l1", "kernel_regularizer.l2", "rate",
                                              "negative_slope"};
    // clang-format on
    std::vector<mlpw::SpecProblem> out;
    for (size_t r = 0; r < m_badText.size(); ++r)
        for (auto it = m_badText[r].begin(); it != m_badText[r].end(); ++it) {
            std::string expected = "must be a number";
            if (it.key() == Initializer) {
                expected = "must be one of";
                for (const auto& n : mlpw::initializer_names()) expected += " " + n;
            }
            out.push_back({std::string("model.layers[").append(std::to_string(r)).append("].").append(fields[it.key()]),
                           expected, ProblemText::typed(it.value())});
        }
    return out;
}

int LayerTableModel::columnForField(const QString& field) {
    if (field.isEmpty() || field == QLatin1String("type")) return Type;
    if (field == QLatin1String("units")) return Units;
    if (field == QLatin1String("activation")) return Activation;
    if (field.startsWith(QLatin1String("kernel_initializer"))) return Initializer;
    if (field == QLatin1String("kernel_regularizer.l1")) return L1;
    if (field == QLatin1String("kernel_regularizer.l2")) return L2;
    if (field == QLatin1String("rate")) return Rate;
    if (field == QLatin1String("negative_slope")) return Slope;
    return Name;
}

void LayerTableModel::setProblems(const std::vector<mlpw::SpecProblem>& problems) {
    m_cellProblem.clear();
    m_rowProblem.clear();
    for (const auto& p : problems) {
        const auto where = mlpw::layer_field(p.path);
        if (!where || where->layer >= size_t(rowCount())) continue;
        const int row = int(where->layer);
        const QString field = QString::fromStdString(where->field), message = ProblemText::message(p);
        if (field.isEmpty()) m_rowProblem[row] += (m_rowProblem[row].isEmpty() ? "" : "\n") + message;
        const quint64 k = key(row, columnForField(field));
        m_cellProblem[k] += (m_cellProblem[k].isEmpty() ? "" : "\n") + message;
    }
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool LayerTableModel::applies(int row, int column) const {
    const auto& l = m_layers[size_t(row)];
    using T = mlpw::LayerType;
    switch (column) {
        case Name:
        case Type: return true;
        case Units:
        case Initializer:
        case L1:
        case L2: return l.type == T::dense;
        case Activation: return l.type == T::dense || l.type == T::activation;
        case Rate: return l.type == T::dropout;
        case Slope: return usesSlope(l);
        default: return false;
    }
}

int LayerTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_layers.size()); }
int LayerTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString LayerTableModel::display(int row, int column) const {
    const auto& l = m_layers[size_t(row)];
    if (column == Name) return QString::fromStdString(mlpw::layer_names({m_layers, "sequential"})[size_t(row)]);
    if (column == Type) return QString::fromStdString(mlpw::to_string(l.type));
    if (!applies(row, column)) return {};
    const auto bad = m_badText[size_t(row)].constFind(column);
    if (bad != m_badText[size_t(row)].constEnd()) return *bad;
    switch (column) {
        case Units: return QString::number(l.units);
        case Activation: return QString::fromStdString(mlpw::to_string(l.activation));
        case Initializer: return QString::fromStdString(mlpw::to_string(l.kernel_initializer.type));
        case L1: return number(l.kernel_regularizer.l1);
        case L2: return number(l.kernel_regularizer.l2);
        case Rate: return number(l.rate);
        case Slope: return number(l.negative_slope);
        default: return {};
    }
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row(), column = index.column();
    const auto problem = m_cellProblem.constFind(key(row, column));
    const bool marked = problem != m_cellProblem.constEnd() || m_badText[size_t(row)].contains(column);
    switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole: return display(row, column);
        case Qt::BackgroundRole:
            if (marked) return QBrush(QColor(255, 205, 205));
            if (m_rowProblem.contains(row)) return QBrush(QColor(255, 232, 232));
            if (!applies(row, column)) return QBrush(QColor(0, 0, 0, 12));
            return {};
        case Qt::ToolTipRole:
            if (problem != m_cellProblem.constEnd()) return *problem;
            if (m_badText[size_t(row)].contains(column)) return tr("Not a valid value");
            if (m_rowProblem.contains(row)) return m_rowProblem.value(row);
            return tr(kTooltips[column]);
        case Qt::AccessibleDescriptionRole: return problem != m_cellProblem.constEnd() ? *problem : QVariant();
        default: return {};
    }
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && section >= 0 && section < ColumnCount) {
        if (role == Qt::DisplayRole) return tr(kHeaders[section]);
        if (role == Qt::ToolTipRole) return tr(kTooltips[section]);
    }
    if (orientation == Qt::Vertical && role == Qt::DisplayRole) return section + 1;
    return {};
}

bool LayerTableModel::parseInto(mlpw::LayerSpec& l, int column, const QString& text) {
    const QString t = text.trimmed();
    bool ok = true;
    switch (column) {
        case Type: return mlpw::parse_layer_type(t.toStdString(), l.type);
        case Activation: return mlpw::parse_activation(t.toStdString(), l.activation);
        case Initializer: return mlpw::parse_initializer(t.toStdString(), l.kernel_initializer.type);
        case Units: l.units = t.toInt(&ok); return ok;
        case L1: l.kernel_regularizer.l1 = t.toFloat(&ok); return ok;
        case L2: l.kernel_regularizer.l2 = t.toFloat(&ok); return ok;
        case Rate: l.rate = t.toFloat(&ok); return ok;
        case Slope: l.negative_slope = t.toFloat(&ok); return ok;
        default: return false;
    }
}

bool LayerTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || !applies(index.row(), index.column())) return false;
    const int row = index.row(), column = index.column();
    auto& bad = m_badText[size_t(row)];
    const QString text = value.toString();
    if (display(row, column) == text && !bad.contains(column)) return true;
    mlpw::LayerSpec edited = m_layers[size_t(row)];
    if (parseInto(edited, column, text)) {
        if (column == Type && edited.type != m_layers[size_t(row)].type) {
            edited = defaultLayer(edited.type);  // a new type starts from its defaults
            bad.clear();
        }
        m_layers[size_t(row)] = edited;
        bad.remove(column);
    } else if (column == Type || column == Activation) {
        return false;
    } else {
        bad[column] = text;
    }
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    if (column == Units || column == Type) emit dataChanged(this->index(0, Name), this->index(rowCount() - 1, Name));
    emitEdited();
    return true;
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.column() != Name && applies(index.row(), index.column())) f |= Qt::ItemIsEditable;
    return f;
}

bool LayerTableModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount()) return false;
    beginRemoveRows({}, row, row + count - 1);
    m_layers.erase(m_layers.begin() + row, m_layers.begin() + row + count);
    m_badText.erase(m_badText.begin() + row, m_badText.begin() + row + count);
    endRemoveRows();
    emitEdited();
    return true;
}

bool LayerTableModel::moveRows(const QModelIndex& source, int row, int count, const QModelIndex& target, int child) {
    if (source.isValid() || target.isValid() || count != 1 || row < 0 || row >= rowCount() || child < 0 ||
        child > rowCount() || child == row || child == row + 1)
        return false;
    if (!beginMoveRows({}, row, row, {}, child)) return false;
    const int to = child > row ? child - 1 : child;
    auto layer = m_layers[size_t(row)];
    auto bad = m_badText[size_t(row)];
    m_layers.erase(m_layers.begin() + row);
    m_badText.erase(m_badText.begin() + row);
    m_layers.insert(m_layers.begin() + to, layer);
    m_badText.insert(m_badText.begin() + to, bad);
    endMoveRows();
    emitEdited();
    return true;
}

Qt::DropActions LayerTableModel::supportedDropActions() const { return Qt::MoveAction; }
QStringList LayerTableModel::mimeTypes() const { return {QString::fromLatin1(kMime)}; }

QMimeData* LayerTableModel::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const auto& i : indexes)
        if (!rows.contains(i.row())) rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << rows;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMime), bytes);
    return mime;
}

bool LayerTableModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                   const QModelIndex& parent) {
    if (action != Qt::MoveAction || !data->hasFormat(QString::fromLatin1(kMime))) return false;
    QList<int> rows;
    QDataStream in(data->data(QString::fromLatin1(kMime)));
    in >> rows;
    if (row < 0) row = parent.isValid() ? parent.row() : rowCount();
    std::vector<mlpw::LayerSpec> copies;
    for (int r : rows)
        if (r >= 0 && r < rowCount()) copies.push_back(m_layers[size_t(r)]);
    if (copies.empty()) return false;
    beginInsertRows({}, row, row + int(copies.size()) - 1);
    m_layers.insert(m_layers.begin() + row, copies.begin(), copies.end());
    m_badText.insert(m_badText.begin() + row, copies.size(), QHash<int, QString>{});
    endInsertRows();
    emitEdited();  // the view removes the originals next (removeRows)
    return true;
}

void LayerTableModel::emitEdited() { emit layersEdited(); }
