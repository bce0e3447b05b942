// See gallery_view.h.
#include "inspect/gallery_view.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "inspect/gallery_delegate.h"
#include "inspect/gallery_figure.h"
#include "inspect/prediction_service.h"

using Kind = GalleryFilter::Kind;

GalleryView::GalleryView(PredictionService* predictions, QWidget* parent)
    : QWidget(parent), m_service(predictions), m_model(new GalleryModel(this)), m_list(new QListView(this)),
      m_split(new QComboBox(this)), m_filterKind(new QComboBox(this)), m_trueClass(new QComboBox(this)),
      m_predictedClass(new QComboBox(this)), m_order(new QComboBox(this)), m_export(new QToolButton(this)),
      m_status(new QLabel(this)) {
    m_split->addItem(tr("Validation split"), int(SampleSplit::validation));
    m_split->addItem(tr("Test set"), int(SampleSplit::test));
    m_split->setToolTip(tr("Which images the run's final weights are shown on"));
    m_split->setObjectName(QStringLiteral("gallerySplit"));
    m_filterKind->addItem(tr("All samples"), int(Kind::all));
    m_filterKind->addItem(tr("Misclassified"), int(Kind::misclassified));
    m_filterKind->addItem(tr("True class"), int(Kind::trueClass));
    m_filterKind->addItem(tr("Predicted class"), int(Kind::predictedClass));
    m_filterKind->addItem(tr("Confusion cell"), int(Kind::cell));
    m_trueClass->setToolTip(tr("True class"));
    m_predictedClass->setToolTip(tr("Predicted class"));
    m_order->addItem(tr("Most confident first"), int(GalleryOrder::mostConfident));
    m_order->addItem(tr("Least confident first"), int(GalleryOrder::leastConfident));
    m_order->addItem(tr("Index order"), int(GalleryOrder::index));
    m_order->setToolTip(tr("With Misclassified, most confident first puts the most confident mistakes on top"));

    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Page as PNG or SVG…"), this, &GalleryView::exportPageDialog);
    exportMenu->addAction(tr("Filtered list as CSV…"), this, &GalleryView::exportCsvDialog);
    m_export->setMenu(exportMenu);

    // Narrow combo boxes: the tab must not widen the window.
    for (QComboBox* box : {m_split, m_filterKind, m_trueClass, m_predictedClass, m_order}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(9);
    }
    m_order->setMinimumContentsLength(16);
    m_status->setWordWrap(true);  // a long status must not widen the window either
    m_list->setObjectName(QStringLiteral("galleryList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(true);  // one size for every row: layout without asking the delegate 15,000 times
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new GalleryDelegate(m_list));

    // Two rows, so that the tab stays narrow: what is shown, then the order, the status and the export.
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_split);
    filters->addWidget(m_filterKind);
    filters->addWidget(m_trueClass);
    filters->addWidget(m_predictedClass);
    filters->addStretch(1);
    auto* status = new QHBoxLayout;
    status->addWidget(m_order);
    status->addWidget(m_status, 1);
    status->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(status);
    layout->addWidget(m_list, 1);

    connect(m_split, &QComboBox::currentIndexChanged, this,
            [this] { m_service->setSplit(SampleSplit(m_split->currentData().toInt())); });
    for (QComboBox* box : {m_filterKind, m_trueClass, m_predictedClass})
        connect(box, &QComboBox::currentIndexChanged, this, &GalleryView::applyFilterFromControls);
    connect(m_order, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setOrder(GalleryOrder(m_order->currentData().toInt())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &GalleryView::updateStatus);
    connect(m_service, &PredictionService::ready, this, &GalleryView::onPredictions);
    connect(m_service, &PredictionService::started, this, [this](const QString& what) {
        m_message = what;
        updateStatus();
    });
    connect(m_service, &PredictionService::failed, this, [this](const QString& message) {
        m_message = tr("Cannot predict the samples: %1").arg(message);
        m_model->setPredictions(nullptr);
    });
    m_model->setOrder(GalleryOrder::mostConfident);
    syncControls();
    updateStatus();
}

void GalleryView::onPredictions(std::shared_ptr<const SamplePredictions> predictions) {
    m_message.clear();
    if (!predictions)
        m_message =
            tr("The gallery shows a finished run or an opened model (File > Open model…); a live run "
               "appears here when it ends.");
    // A run without validation (validation_split 0) is shown on the test set, its evaluation (the service's
    // splitFor); the box shows the split predicted and keeps the choice for the next run with validation.
    const bool validates = !predictions || predictions->record->validates();
    if (auto* items = qobject_cast<QStandardItemModel*>(m_split->model())) {
        items->item(0)->setEnabled(validates);
        items->item(0)->setToolTip(validates ? QString()
                                             : tr("This run has no validation split (validation_split 0): its "
                                                  "evaluation is the test set, once, after training"));
    }
    {
        const QSignalBlocker block(m_split);  // shows the split predicted without asking for another
        m_split->setCurrentIndex(m_split->findData(int(predictions ? predictions->split : m_service->split())));
    }
    m_model->setPredictions(std::move(predictions));
    fillClassCombos();
}

void GalleryView::fillClassCombos() {
    const SamplePredictions* p = m_model->predictions();
    const int classes = p ? p->classes : 0;
    if (m_trueClass->count() == classes && (!p || m_trueClass->itemText(0) == p->className(0))) return;
    m_syncing = true;
    for (QComboBox* box : {m_trueClass, m_predictedClass}) {
        box->clear();
        for (int c = 0; c < classes; ++c) box->addItem(p->className(c), c);
    }
    m_syncing = false;
    syncControls();
}

void GalleryView::applyFilterFromControls() {
    if (m_syncing) return;
    GalleryFilter filter;
    filter.kind = Kind(m_filterKind->currentData().toInt());
    filter.trueClass = std::max(0, m_trueClass->currentIndex());
    filter.predictedClass = std::max(0, m_predictedClass->currentIndex());
    m_model->setFilter(filter);
    syncControls();
}

void GalleryView::setFilter(const GalleryFilter& filter) {
    m_model->setFilter(filter);
    syncControls();
}

void GalleryView::syncControls() {
    const GalleryFilter& filter = m_model->filter();
    m_syncing = true;
    m_filterKind->setCurrentIndex(m_filterKind->findData(int(filter.kind)));
    if (filter.trueClass < m_trueClass->count()) m_trueClass->setCurrentIndex(filter.trueClass);
    if (filter.predictedClass < m_predictedClass->count()) m_predictedClass->setCurrentIndex(filter.predictedClass);
    m_trueClass->setVisible(filter.kind == Kind::trueClass || filter.kind == Kind::cell);
    m_predictedClass->setVisible(filter.kind == Kind::predictedClass || filter.kind == Kind::cell);
    m_syncing = false;
}

void GalleryView::showConfusionCell(int trueClass, int predictedClass) {
    setFilter({Kind::cell, trueClass, predictedClass});
    m_list->scrollToTop();
    bringForward();
}

void GalleryView::bringForward() {
    // The tab that holds this view (MainWindow::addView puts it in a QTabWidget's stack).
    for (QWidget* page = this; page && page->parentWidget(); page = page->parentWidget()) {
        if (auto* tabs = qobject_cast<QTabWidget*>(page->parentWidget()->parentWidget());
            tabs && tabs->indexOf(page) >= 0) {
            tabs->setCurrentWidget(page);
            break;
        }
    }
    window()->raise();
}

QString GalleryView::statusText() const { return m_status->text(); }

void GalleryView::updateStatus() {
    const SamplePredictions* p = m_model->predictions();
    QString text = m_message;
    if (p && m_message.isEmpty()) {
        int wrong = 0;
        for (int s = 0; s < p->samples(); ++s) wrong += p->correct(s) ? 0 : 1;
        text = tr("%1: %L2 %3 images, %L4 misclassified; showing %L5 (%6)")
                   .arg(QString::fromStdString(p->record->experiment.name))
                   .arg(p->samples())
                   .arg(splitName(p->split))
                   .arg(wrong)
                   .arg(m_model->rowCount())
                   .arg(m_model->filter().text(*p));
        if (!p->record->validates())
            text += tr(" — no validation split (validation_split 0): the test set is its evaluation");
    }
    m_status->setText(text);
    m_export->setEnabled(p != nullptr);
}

std::pair<int, int> GalleryView::visibleRows() const {
    if (m_model->rowCount() == 0) return {0, 0};
    const QRect area = m_list->viewport()->rect();
    const QModelIndex first = m_list->indexAt(area.topLeft() + QPoint(4, 4));
    const int firstRow = first.isValid() ? first.row() : 0;
    // Uniform tiles: the page is the grid of whole tiles that fits the viewport from the first one.
    const QSize tile = m_list->visualRect(m_model->index(firstRow)).size();
    const int spacing = m_list->spacing();
    const int columns = std::max(1, area.width() / std::max(1, tile.width() + spacing));
    const int rows = std::max(1, area.height() / std::max(1, tile.height() + spacing));
    return {firstRow, std::min(columns * rows, m_model->rowCount() - firstRow)};
}

QString GalleryView::exportPage(const QString& path) const {
    const auto [first, count] = visibleRows();
    return export_figure(galleryPageFigure(*m_model, first, count), path);
}

QString GalleryView::exportCsv(const QString& path) const { return export_text(path, m_model->csv()); }

void GalleryView::exportPageDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the gallery page"), tr("gallery.png"),
                                                      tr("Pictures (*.png *.svg)"));
    if (path.isEmpty()) return;
    const QString problem = exportPage(path);
    if (!problem.isEmpty()) QMessageBox::warning(this, tr("Cannot export the gallery page"), problem);
}

void GalleryView::exportCsvDialog() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the filtered samples"), tr("gallery.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    const QString problem = exportCsv(path);
    if (!problem.isEmpty()) QMessageBox::warning(this, tr("Cannot export the samples"), problem);
}
