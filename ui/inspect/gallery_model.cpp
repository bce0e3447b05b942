// See gallery_model.h.
#include "inspect/gallery_model.h"

#include <algorithm>

#include "mlpw/io/csv.h"

bool GalleryFilter::accepts(int label, int predicted) const {
    switch (kind) {
        case Kind::all: return true;
        case Kind::misclassified: return label != predicted;
        case Kind::trueClass: return label == trueClass;
        case Kind::predictedClass: return predicted == predictedClass;
        case Kind::cell: return label == trueClass && predicted == predictedClass;
    }
    return false;
}

QString GalleryFilter::text(const SamplePredictions& p) const {
    switch (kind) {
        case Kind::all: return GalleryModel::tr("all samples");
        case Kind::misclassified: return GalleryModel::tr("misclassified");
        case Kind::trueClass: return GalleryModel::tr("true %1").arg(p.className(trueClass));
        case Kind::predictedClass: return GalleryModel::tr("predicted as %1").arg(p.className(predictedClass));
        case Kind::cell:
            return GalleryModel::tr("true %1 predicted as %2").arg(p.className(trueClass), p.className(predictedClass));
    }
    return {};
}

GalleryModel::GalleryModel(QObject* parent) : QAbstractListModel(parent) {}

void GalleryModel::setPredictions(std::shared_ptr<const SamplePredictions> predictions) {
    m_predictions = std::move(predictions);
    rebuild();
}

void GalleryModel::setFilter(const GalleryFilter& filter) {
    if (filter == m_filter) return;
    m_filter = filter;
    rebuild();
}

void GalleryModel::setOrder(GalleryOrder order) {
    if (order == m_order) return;
    m_order = order;
    rebuild();
}

void GalleryModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    if (const SamplePredictions* p = m_predictions.get()) {
        for (int s = 0; s < p->samples(); ++s)
            if (m_filter.accepts(p->labels[size_t(s)], p->predicted[size_t(s)])) m_rows.push_back(s);
        // Stable: equal confidences keep the index order.
        if (m_order == GalleryOrder::mostConfident)
            std::stable_sort(m_rows.begin(), m_rows.end(),
                             [p](int a, int b) { return p->confidence(a) > p->confidence(b); });
        else if (m_order == GalleryOrder::leastConfident)
            std::stable_sort(m_rows.begin(), m_rows.end(),
                             [p](int a, int b) { return p->confidence(a) < p->confidence(b); });
    }
    endResetModel();
}

int GalleryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const SamplePredictions& p = *m_predictions;
    const int s = m_rows[size_t(index.row())];
    switch (role) {
        case Qt::DecorationRole: return p.images[size_t(s)];
        case Qt::ToolTipRole: return probabilityText(s);
        case SampleRole: return s;
        case IndexRole: return uint(p.indices[size_t(s)]);
        case LabelRole: return int(p.labels[size_t(s)]);
        case PredictedRole: return int(p.predicted[size_t(s)]);
        case ConfidenceRole: return p.confidence(s);
        default: return {};
    }
}

QString GalleryModel::probabilityText(int s) const {
    const SamplePredictions& p = *m_predictions;
    const int label = p.labels[size_t(s)], predicted = p.predicted[size_t(s)];
    QString text = tr("<b>#%1</b>: true %2, predicted %3")
                       .arg(p.indices[size_t(s)])
                       .arg(p.className(label), p.className(predicted));
    text += QStringLiteral("<table>");
    const float* row = p.probabilitiesOf(s);
    for (int c = 0; c < p.classes; ++c) {
        const QString cell = QStringLiteral("<td>%1</td><td align=right>%2%</td>")
                                 .arg(p.className(c).toHtmlEscaped())
                                 .arg(double(row[c]) * 100.0, 0, 'f', 2);
        text += c == predicted ? QStringLiteral("<tr style='font-weight:bold'>%1</tr>").arg(cell)
                               : QStringLiteral("<tr>%1</tr>").arg(cell);
    }
    return text + QStringLiteral("</table>");
}

std::string GalleryModel::csv() const {
    if (!m_predictions) return {};
    const SamplePredictions& p = *m_predictions;
    auto name = [&p](int c) { return mlpw::csv_field(p.className(c).toStdString()); };
    std::string text = "index,true,predicted,confidence";
    for (int c = 0; c < p.classes; ++c)
        text += ',' + mlpw::csv_field(QStringLiteral("p_%1").arg(p.className(c)).toStdString());
    text += '\n';
    for (int s : m_rows) {
        text += std::to_string(p.indices[size_t(s)]) + ',' + name(p.labels[size_t(s)]) + ',' +
            name(p.predicted[size_t(s)]) + ',' + mlpw::csv_float(p.confidence(s));
        const float* row = p.probabilitiesOf(s);
        for (int c = 0; c < p.classes; ++c) text += ',' + mlpw::csv_float(row[c]);
        text += '\n';
    }
    return text;
}
