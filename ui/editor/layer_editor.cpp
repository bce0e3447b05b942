#include "editor/layer_editor.h"

#include <algorithm>

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "editor/layer_delegate.h"
#include "editor/layer_options_panel.h"
#include "editor/layer_table_model.h"
#include "editor/spec_problem.h"

namespace {

QToolButton* toolButton(QAction* action, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

}  // namespace

LayerEditor::LayerEditor(QWidget* parent)
    : QWidget(parent), m_model(new LayerTableModel(this)), m_view(new QTableView(this)),
      m_options(new LayerOptionsPanel(this)), m_problems(new QLabel(this)) {
    m_view->setModel(m_model);
    m_view->setItemDelegate(new LayerDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDragDropOverwriteMode(false);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Layers"));
    m_view->setToolTip(
        tr("The model's layers, input first. Double-click or type to edit a cell; drag rows to reorder."));

    auto* addMenu = new QMenu(this);
    for (const auto& info : mlpw::layer_types())  // by their Keras class names, which are not translated
        addMenu->addAction(QString::fromLatin1(info.keras_class), this, [this, type = info.type] { addLayer(type); });

    auto* add = new QAction(tr("&Add Dense"), this);
    add->setShortcut(QKeySequence(Qt::Key_Insert));
    add->setToolTip(tr("Add a Dense layer after the selected one (Insert); the arrow offers other types"));
    connect(add, &QAction::triggered, this, [this] { addLayer(mlpw::LayerType::dense); });
    auto* remove = new QAction(tr("&Remove"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setToolTip(tr("Remove the selected layer (Delete)"));
    connect(remove, &QAction::triggered, this, &LayerEditor::removeCurrent);
    auto* duplicate = new QAction(tr("D&uplicate"), this);
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    duplicate->setToolTip(tr("Insert a copy of the selected layer below it (Ctrl+D)"));
    connect(duplicate, &QAction::triggered, this, &LayerEditor::duplicateCurrent);
    auto* up = new QAction(tr("Move &up"), this);
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    up->setToolTip(tr("Move the selected layer up (Ctrl+Up)"));
    connect(up, &QAction::triggered, this, [this] { moveCurrent(-1); });
    auto* down = new QAction(tr("Move do&wn"), this);
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    down->setToolTip(tr("Move the selected layer down (Ctrl+Down)"));
    connect(down, &QAction::triggered, this, [this] { moveCurrent(1); });
    for (QAction* a : {add, remove, duplicate, up, down}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }

    auto* buttons = new QHBoxLayout;
    auto* addButton = toolButton(add, this);
    addButton->setMenu(addMenu);
    addButton->setPopupMode(QToolButton::MenuButtonPopup);
    for (QToolButton* b : {addButton, toolButton(remove, this), toolButton(duplicate, this), toolButton(up, this),
                           toolButton(down, this)})
        buttons->addWidget(b);
    buttons->addStretch();

    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problems->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_options);
    layout->addWidget(m_problems);
    connect(m_model, &LayerTableModel::layersEdited, this, &LayerEditor::layersEdited);
    connect(m_model, &LayerTableModel::layersEdited, this, &LayerEditor::showOptionsOfCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LayerEditor::showOptionsOfCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LayerEditor::showOptionsOfCurrent);
    connect(m_options, &LayerOptionsPanel::layerEdited, this, [this](int row, const mlpw::LayerSpec& layer) {
        m_applyingOptions = true;
        m_model->replaceLayer(row, layer);
        m_applyingOptions = false;
    });
}

void LayerEditor::showOptionsOfCurrent() {
    if (m_applyingOptions) return;
    const int row = currentRow();
    m_options->setLayer(row,
                        row >= 0 && row < m_model->rowCount() ? m_model->layers()[size_t(row)] : mlpw::LayerSpec{});
}

void LayerEditor::setLayers(const std::vector<mlpw::LayerSpec>& layers) { m_model->setLayers(layers); }
const std::vector<mlpw::LayerSpec>& LayerEditor::layers() const { return m_model->layers(); }
std::vector<mlpw::SpecProblem> LayerEditor::entryProblems() const {
    std::vector<mlpw::SpecProblem> problems = m_model->entryProblems();
    for (auto& p : m_options->entryProblems()) problems.push_back(std::move(p));
    return problems;
}

void LayerEditor::setProblems(const std::vector<mlpw::SpecProblem>& problems) {
    m_model->setProblems(problems);
    m_options->setProblems(problems);
    QStringList lines;
    for (const auto& p : problems)
        if (p.path.starts_with("model")) lines << ProblemText::describe(p);
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

int LayerEditor::currentRow() const {
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void LayerEditor::selectRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) return;
    m_view->setCurrentIndex(m_model->index(row, LayerTableModel::Type));
    m_view->selectRow(row);
}

int LayerEditor::insertionRow(mlpw::LayerType type) const {
    const auto& layers = m_model->layers();
    if (mlpw::is_augmentation(type))
        return int(std::find_if(layers.begin(), layers.end(),
                                [](const mlpw::LayerSpec& l) { return !mlpw::is_augmentation(l.type); }) -
                   layers.begin());
    return currentRow() < 0 ? m_model->rowCount() : currentRow() + 1;
}

void LayerEditor::addLayer(mlpw::LayerType type) {
    const int row = insertionRow(type);
    m_model->insertLayer(row, LayerTableModel::defaultLayer(type));
    selectRow(row);
}

void LayerEditor::removeCurrent() {
    const int row = currentRow();
    if (row < 0) return;
    m_model->removeRows(row, 1);
    selectRow(std::min(row, m_model->rowCount() - 1));
}

void LayerEditor::duplicateCurrent() {
    const int row = currentRow();
    if (row < 0) return;
    m_model->insertLayer(row + 1, m_model->layers()[size_t(row)]);
    selectRow(row + 1);
}

void LayerEditor::moveCurrent(int delta) {
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_model->rowCount()) return;
    m_model->moveRows({}, row, 1, {}, delta > 0 ? to + 1 : to);
    selectRow(to);
}
