#include "editor/summary_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString shapeText(const std::vector<int>& shape) {
    QStringList dims{QStringLiteral("None")};
    for (int d : shape) dims << QString::number(d);
    return QStringLiteral("(%1)").arg(dims.join(QStringLiteral(", ")));
}

QString count(long long n) { return QString::fromStdString(mlpw::with_thousands(n)); }
QString megabytes(long long params) { return QString::number(double(params) * 4.0 / (1024.0 * 1024.0), 'f', 2); }
QString sizeText(double bytes) { return QString::fromStdString(mlpw::readable_size(bytes)); }

}  // namespace

SummaryView::SummaryView(QWidget* parent)
    : QWidget(parent), m_table(new QTableWidget(0, 3, this)), m_totals(new QLabel(this)), m_memory(new QLabel(this)) {
    m_table->setHorizontalHeaderLabels({tr("Layer (type)"), tr("Output Shape"), tr("Param #")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::TabFocus);
    m_table->setAccessibleName(tr("Model summary"));
    m_table->setToolTip(
        tr("What Keras' model.summary() prints: output shape (None is the batch) and parameters per layer"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_memory->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_memory->setWordWrap(true);
    m_memory->setToolTip(
        tr("Estimated before training: weights, gradients and optimiser slots in oneDNN's layout, "
           "copies of the weights, activations for the largest batch, and the images"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totals);
    layout->addWidget(m_memory);
}

void SummaryView::showModel(const mlpw::ModelSpec& model, const mlpw::DataShape& shape) {
    mlpw::ModelSummary summary;
    try {
        summary = mlpw::summarize(model, shape);
    } catch (const std::exception& e) {
        m_table->setRowCount(0);
        m_total = 0;
        m_totals->setText(tr("No summary: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_table->setRowCount(int(summary.rows.size()));
    for (int r = 0; r < int(summary.rows.size()); ++r) {
        const auto& row = summary.rows[size_t(r)];
        const QString cells[] = {
            QStringLiteral("%1 (%2)").arg(QString::fromStdString(row.name), QString::fromStdString(row.type)),
            shapeText(row.shape), count(row.params)};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 2) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_total = summary.total_params;
    m_totals->setText(tr("<b>Total params:</b> %1 (%2 MB) &nbsp; <b>Trainable:</b> %3 (%4 MB) &nbsp; "
                         "<b>Non-trainable:</b> %5 (%6 MB)")
                          .arg(count(summary.total_params), megabytes(summary.total_params),
                               count(summary.trainable_params), megabytes(summary.trainable_params),
                               count(summary.non_trainable_params), megabytes(summary.non_trainable_params)));
}

QString SummaryView::totalsText() const { return m_totals->text(); }

void SummaryView::showMemory(const mlpw::MemoryEstimate& estimate) {
    QString text =
        tr("<b>Memory to train:</b> about %1 (weights %2, gradients %3, optimiser slots %4, weight copies %5, "
           "activations %6)")
            .arg(sizeText(estimate.training()), sizeText(estimate.weights), sizeText(estimate.gradients),
                 sizeText(estimate.optimizer_slots), sizeText(estimate.weight_copies), sizeText(estimate.activations));
    if (estimate.data > 0) text += tr(" plus %1 of images").arg(sizeText(estimate.data));
    const auto available = mlpw::available_memory();
    if (available) text += tr("; available %1").arg(sizeText(*available));
    const bool refused = available && estimate.training() > *available;
    if (refused)
        text = QStringLiteral("<span style='color:#c00'>%1 — %2</span>")
                   .arg(text, tr("too little: Start would be refused"));
    m_memory->setText(text);
}

QString SummaryView::memoryText() const { return m_memory->text(); }
