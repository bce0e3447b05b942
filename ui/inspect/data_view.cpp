// See data_view.h.
#include "inspect/data_view.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include "editor/experiment_editor.h"
#include "inspect/data_figure.h"
#include "run/background_task.h"
#include "run/dataset_request.h"

namespace {

// Paints the overview of its DataView into its whole rectangle.
class DataCanvas : public QWidget {
public:
    explicit DataCanvas(const DataView* view) : m_view(view) { setMinimumSize(480, 320); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        if (const auto overview = m_view->overview()) {
            painter.setRenderHint(QPainter::Antialiasing);
            paintDataOverview(painter, rect(), *overview);
        }
    }

private:
    const DataView* m_view;
};

}  // namespace

DataView::DataView(DatasetCache* cache, ExperimentEditor* editor, QWidget* parent)
    : QWidget(parent), m_cache(cache), m_editor(editor), m_canvas(new DataCanvas(this)), m_status(new QLabel(this)),
      m_export(new QToolButton(this)) {
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save this picture as PNG or SVG (1600x1000)"));
    m_export->setEnabled(false);
    connect(m_export, &QToolButton::clicked, this, &DataView::exportDialog);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_canvas, 1);
    auto follow = [this] {
        if (isVisible()) showData(m_editor->spec().data);
    };
    connect(m_editor, &ExperimentEditor::edited, this, follow);
    connect(m_editor, &ExperimentEditor::validityChanged, this, follow);
}

void DataView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    showData(m_editor->spec().data);
}

QString DataView::statusText() const { return m_status->text(); }

void DataView::setMessage(const QString& text) {
    m_status->setText(text);
    m_export->setEnabled(m_overview != nullptr);
    m_canvas->update();
    emit overviewChanged();
}

void DataView::showData(const mlpw::DataSpec& spec) {
    if (m_hasShown && spec.source == m_shown.source && spec.validation_split == m_shown.validation_split) return;
    m_shown = spec;
    m_hasShown = true;
    const quint64 generation = ++m_generation;
    const QString source = QString::fromStdString(spec.source);
    m_status->setText(tr("Loading %1…").arg(source));
    requestDataset(
        m_cache, source, this,
        [this, spec, generation, source](std::shared_ptr<const mlpw::Dataset> data) {
            if (generation != m_generation) return;
            m_status->setText(tr("Counting the images of %1…").arg(source));
            using Result = std::shared_ptr<const DataOverview>;
            runInBackground<Result>(
                this, [data, spec] { return makeDataOverview(*data, spec); },
                [this, generation, source](const Result& overview, const QString& error) {
                    if (generation != m_generation) return;
                    if (!error.isEmpty()) {
                        m_overview.reset();
                        return setMessage(tr("Cannot show %1: %2").arg(source, error));
                    }
                    m_overview = overview;
                    setMessage(tr("The data set of the current experiment: %1").arg(source));
                });
        },
        [this, generation, source](const QString& message) {
            if (generation != m_generation) return;
            m_overview.reset();
            setMessage(tr("Cannot load %1: %2").arg(source, message));
        });
}

QString DataView::exportPicture(const QString& path) const {
    if (!m_overview) return tr("%1: there is no data set to export yet").arg(path);
    return export_figure(dataOverviewFigure(m_overview), path);
}

void DataView::exportDialog() {
    const QString name = m_overview ? m_overview->name.section(QLatin1Char('/'), -1) : QString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the data view"), tr("data_%1.png").arg(name),
                                                      tr("Pictures (*.png *.svg)"));
    if (path.isEmpty()) return;
    const QString problem = exportPicture(path);
    if (!problem.isEmpty()) QMessageBox::warning(this, tr("Cannot export the data view"), problem);
}
