#include "editor/experiment_editor.h"

#include <algorithm>

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "editor/callbacks_panel.h"
#include "editor/data_panel.h"
#include "editor/layer_editor.h"
#include "editor/optimizer_panel.h"
#include "editor/page_mnemonics.h"
#include "editor/spec_problem.h"
#include "editor/summary_view.h"
#include "editor/training_options_panel.h"
#include "run/dataset_cache.h"

namespace {

QWidget* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QGroupBox* boxed(const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

}  // namespace

ExperimentEditor::ExperimentEditor(DatasetCache* cache, QWidget* parent)
    : QWidget(parent), m_cache(cache), m_name(new QLineEdit(this)), m_tabs(new QTabWidget(this)),
      m_data(new DataPanel(cache, this)), m_layers(new LayerEditor(this)), m_summary(new SummaryView(this)),
      m_optimizer(new OptimizerPanel(this)), m_training(new TrainingOptionsPanel(this)),
      m_callbacks(new CallbacksPanel(this)), m_problemList(new QLabel(this)) {
    m_name->setToolTip(tr("The experiment's name, shown in titles and run tables"));
    m_name->setAccessibleName(tr("Experiment name"));

    auto* model = new QSplitter(Qt::Vertical);
    model->addWidget(boxed(tr("Layers"), m_layers));
    model->addWidget(boxed(tr("Summary"), m_summary));
    model->setStretchFactor(0, 3);
    model->setStretchFactor(1, 2);
    model->setChildrenCollapsible(false);

    auto* training = new QWidget;
    auto* trainingLayout = new QVBoxLayout(training);
    trainingLayout->addWidget(boxed(tr("Optimiser"), m_optimizer));
    trainingLayout->addWidget(boxed(tr("Training"), m_training));
    trainingLayout->addWidget(boxed(tr("Callbacks"), m_callbacks));
    trainingLayout->addStretch();

    m_tabs->addTab(scrolled(m_data), tr("&Data"));
    m_tabs->addTab(model, tr("&Model"));
    m_tabs->addTab(scrolled(training), tr("&Training"));
    m_tabs->setCurrentIndex(1);

    m_problemList->setWordWrap(true);
    m_problemList->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problemList->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problemList->hide();

    auto* header = new QFormLayout;
    header->addRow(tr("&Name"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problemList);
    new PageMnemonics(m_tabs, {header->labelForField(m_name)});

    connect(m_name, &QLineEdit::textEdited, this, &ExperimentEditor::onEdited);
    connect(m_data, &DataPanel::edited, this, &ExperimentEditor::onEdited);
    connect(m_layers, &LayerEditor::layersEdited, this, &ExperimentEditor::onEdited);
    connect(m_optimizer, &OptimizerPanel::edited, this, &ExperimentEditor::onEdited);
    connect(m_training, &TrainingOptionsPanel::edited, this, &ExperimentEditor::onEdited);
    connect(m_callbacks, &CallbacksPanel::edited, this, &ExperimentEditor::onEdited);
    connect(m_cache, &DatasetCache::loaded, this, [this](const QString& source) {
        if (source == m_data->source()) revalidate();  // the real shape of a folder's data is known now
    });
}

void ExperimentEditor::setSpec(const mlpw::ExperimentSpec& spec) {
    m_base = spec;
    m_name->setText(QString::fromStdString(spec.name));
    m_data->setSpec(spec.data);
    m_layers->setLayers(spec.model.layers);
    m_optimizer->setSpec(spec.optimizer);
    m_training->setSpec(spec.training);
    m_callbacks->setSpec(spec.callbacks);
    revalidate();
}

mlpw::ExperimentSpec ExperimentEditor::spec() const {
    mlpw::ExperimentSpec s = m_base;
    s.name = m_name->text().trimmed().toStdString();
    m_data->applyTo(s.data);
    s.model.layers = m_layers->layers();
    m_optimizer->applyTo(s.optimizer);
    m_training->applyTo(s.training);
    m_callbacks->applyTo(s.callbacks);
    return s;
}

mlpw::DataShape ExperimentEditor::dataShape() const {
    mlpw::DataShape shape;  // MNIST and Fashion-MNIST: 784 features, 10 classes
    if (const auto data = m_cache->get(m_data->source())) {
        shape.input_features = data->train.features();
        shape.num_classes = data->num_classes();
    }
    return shape;
}

void ExperimentEditor::onEdited() {
    revalidate();
    emit edited();
}

void ExperimentEditor::revalidate() {
    const mlpw::ExperimentSpec s = spec();
    const mlpw::DataShape shape = dataShape();
    std::vector<mlpw::SpecProblem> problems = m_layers->entryProblems();
    for (const auto& more :
         {m_optimizer->entryProblems(), m_training->entryProblems(), m_callbacks->entryProblems(s.callbacks),
          mlpw::validate_experiment(s), mlpw::check_against_data(s, shape)})
        for (const auto& p : more)
            if (std::find(problems.begin(), problems.end(), p) == problems.end()) problems.push_back(p);
    if (m_data->source().isEmpty()) problems.push_back({"data.source", "choose a folder of IDX files", ""});

    m_problems = std::move(problems);
    m_layers->setProblems(m_problems);
    m_summary->showModel(s.model, shape);
    const auto data = m_cache->get(m_data->source());
    m_summary->showMemory(mlpw::estimate_memory(s, shape, data ? int64_t(data->train.count) + data->test.count : 0));
    QStringList text;
    int layerProblems = 0;
    for (const auto& p : m_problems) {
        if (p.path.starts_with("model")) ++layerProblems;  // listed under the layers
        else text << QStringLiteral("• ") + ProblemText::describe(p).toHtmlEscaped();
    }
    if (layerProblems > 0)
        text.prepend(layerProblems == 1 ? tr("• a problem in the layers (Model tab)")
                                        : tr("• %1 problems in the layers (Model tab)").arg(layerProblems));
    m_problemList->setText(text.isEmpty() ? QString()
                                          : tr("<b>Cannot train yet:</b><br>") + text.join(QStringLiteral("<br>")));
    m_problemList->setVisible(!text.isEmpty());
    const bool valid = m_problems.empty();
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}
