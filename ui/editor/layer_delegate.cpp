#include "editor/layer_delegate.h"

#include <QComboBox>
#include <QLineEdit>

#include "editor/layer_table_model.h"
#include "mlpw/experiment/model_spec.h"

namespace {

QStringList choices(int column) {
    const std::vector<std::string>* names = nullptr;
    if (column == LayerTableModel::Type) names = &mlpw::layer_type_names();
    if (column == LayerTableModel::Activation) names = &mlpw::activation_names();
    if (column == LayerTableModel::Initializer) names = &mlpw::initializer_names();
    QStringList out;
    if (names)
        for (const auto& n : *names) out << QString::fromStdString(n);
    return out;
}

}  // namespace

QWidget* LayerDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex& index) const {
    const QStringList items = choices(index.column());
    if (!items.isEmpty()) {
        auto* combo = new QComboBox(parent);
        combo->addItems(items);
        connect(combo, &QComboBox::activated, this,
                [this, combo] { emit const_cast<LayerDelegate*>(this)->commitData(combo); });
        return combo;
    }
    auto* edit = new QLineEdit(parent);
    connect(edit, &QLineEdit::textEdited, this,
            [this, edit] { emit const_cast<LayerDelegate*>(this)->commitData(edit); });
    return edit;
}

void LayerDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const QString text = index.data(Qt::EditRole).toString();
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentText(text);
    } else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        if (edit->text() != text) edit->setText(text);  // not while typing: keep the cursor
    }
}

void LayerDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) model->setData(index, combo->currentText(), Qt::EditRole);
    else if (auto* edit = qobject_cast<QLineEdit*>(editor)) model->setData(index, edit->text(), Qt::EditRole);
}
