// See confusion_picture.h.
#include "inspect/confusion_picture.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

#include "inspect/colour_scale.h"

namespace {

// The translation context of this file's texts ("ConfusionPictureText").
struct ConfusionPictureText {
    Q_DECLARE_TR_FUNCTIONS(ConfusionPictureText)
};

int64_t largest_count(const mlpw::ConfusionMatrix& m) {
    return m.counts.empty() ? 0 : *std::max_element(m.counts.begin(), m.counts.end());
}

int64_t row_total(const mlpw::ConfusionMatrix& m, int truth) {
    int64_t total = 0;
    for (int p = 0; p < m.classes; ++p) total += m.at(truth, p);
    return total;
}

}  // namespace

double ConfusionPicture::cellValue(int truth, int predicted) const {
    const int64_t count = matrix.at(truth, predicted);
    const int64_t whole = rowPercent ? row_total(matrix, truth) : largest_count(matrix);
    return whole > 0 ? double(count) / double(whole) : 0.0;
}

QString ConfusionPicture::cellText(int truth, int predicted) const {
    if (!rowPercent) return QString::number(matrix.at(truth, predicted));
    return QString::number(100.0 * cellValue(truth, predicted), 'f', 1);
}

ConfusionPicture confusion_picture(const mlpw::RunRecord& record, int epoch, bool rowPercent) {
    ConfusionPicture picture;
    picture.rowPercent = rowPercent;
    picture.title =
        ConfusionPictureText::tr("Validation confusion matrix, epoch %1 of %2").arg(epoch).arg(record.epochs_run());
    if (!record.validates()) {
        picture.title = ConfusionPictureText::tr(
            "Test set confusion matrix (no validation: evaluated once, after "
            "training)");
        picture.empty = ConfusionPictureText::tr(
            "No validation (validation_split 0): the test set's matrix appears when training ends");
        picture.matrix = record.test.confusion;
    } else if (epoch >= 1 && epoch <= int(record.validation.size())) {
        picture.matrix = record.validation[size_t(epoch - 1)].confusion;
        if (picture.matrix.classes == 0 && record.test.confusion.classes > 0) {
            picture.matrix = record.test.confusion;
            picture.test = true;
            picture.title = ConfusionPictureText::tr("Test confusion matrix of the final weights (%L1 images)")
                                .arg(record.test.samples);
        }
    }
    for (int c = 0; c < picture.matrix.classes; ++c)
        picture.classes << (c < int(record.data.class_names.size())
                                ? QString::fromStdString(record.data.class_names[size_t(c)])
                                : QString::number(c));
    if (picture.matrix.classes > 0) picture.report = mlpw::classification_report(picture.matrix);
    return picture;
}

ConfusionLayout::ConfusionLayout(const ConfusionPicture& picture, const QRectF& area, const QFont& base)
    : font(picture_font(base, area)), m_classes(picture.size()) {
    const QFontMetricsF metrics(font);
    line = metrics.height();
    double longest = 0;
    for (const QString& name : picture.classes) longest = std::max(longest, metrics.horizontalAdvance(name));
    rowLabels = longest + 2.0 * line;       // names, then the axis title written upwards
    columnLabels = longest + 2.0 * line;    // names written upwards, then the axis title
    const double legendWidth = 5.0 * line;  // bar and tick labels
    const double scoresWidth = 2.0 * metrics.horizontalAdvance(ConfusionPictureText::tr("precision")) + 2.0 * line;
    title = QRectF(area.left(), area.top(), area.width(), 2.0 * line);
    const double k = std::max(1, m_classes);
    const double width = area.width() - rowLabels - legendWidth - scoresWidth - 2.0 * line;
    const double height = area.height() - title.height() - columnLabels - line;
    cellSize = std::max(1.0, std::min(width, height) / k);
    matrix = QRectF(area.left() + rowLabels, title.bottom() + line, cellSize * k, cellSize * k);
    scores = QRectF(matrix.right() + line, matrix.top(), scoresWidth, matrix.height());
    legend = QRectF(scores.right() + line, matrix.top() - 1.5 * line, legendWidth, matrix.height() + 1.5 * line);
    cellFont = font;
    cellFont.setPixelSize(int(std::clamp(cellSize / 3.2, 6.0, double(font.pixelSize()))));
}

QRectF ConfusionLayout::cell(int truth, int predicted) const {
    return {matrix.left() + predicted * cellSize, matrix.top() + truth * cellSize, cellSize, cellSize};
}

std::optional<std::pair<int, int>> ConfusionLayout::cellAt(const QPointF& point) const {
    if (m_classes == 0 || !matrix.contains(point)) return std::nullopt;
    const int predicted = std::min(m_classes - 1, int((point.x() - matrix.left()) / cellSize));
    const int truth = std::min(m_classes - 1, int((point.y() - matrix.top()) / cellSize));
    return std::make_pair(truth, predicted);
}

void paint_confusion(QPainter& painter, const QRectF& area, const ConfusionPicture& picture) {
    const ConfusionLayout layout(picture, area, painter.font());
    painter.save();
    painter.setFont(layout.font);
    painter.setPen(Qt::black);
    QFont bold = layout.font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(layout.title, Qt::AlignCenter | Qt::TextWordWrap, picture.title);
    painter.setFont(layout.font);
    const int k = picture.size();
    if (k == 0) {
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                         picture.empty.isEmpty()
                             ? ConfusionPictureText::tr("No validation confusion matrix yet (the run needs validation)")
                             : picture.empty);
        painter.restore();
        return;
    }
    const double line = layout.line;
    for (int t = 0; t < k; ++t) {
        for (int p = 0; p < k; ++p) {
            const QRectF cell = layout.cell(t, p);
            const QRgb colour = sequential_colour(picture.cellValue(t, p));
            painter.fillRect(cell, QColor(colour));
            if (layout.cellSize >= 1.2 * QFontMetricsF(layout.cellFont).height()) {
                painter.setFont(layout.cellFont);
                painter.setPen(text_colour_on(colour));
                painter.drawText(cell, Qt::AlignCenter, picture.cellText(t, p));
            }
        }
    }
    painter.setFont(layout.font);
    painter.setPen(QColor(150, 150, 150));
    painter.drawRect(layout.matrix);
    painter.setPen(Qt::black);
    // Row names at the left, column names below (upwards), the axis titles beyond them.
    for (int c = 0; c < k; ++c) {
        const QRectF row = layout.cell(c, 0);
        painter.drawText(QRectF(area.left() + 1.5 * line, row.top(), layout.rowLabels - 2.0 * line, row.height()),
                         Qt::AlignRight | Qt::AlignVCenter, picture.classes[c]);
        const QRectF column = layout.cell(k - 1, c);
        painter.save();
        painter.translate(column.center().x(), layout.matrix.bottom() + 0.3 * line);
        painter.rotate(-90);
        painter.drawText(QRectF(-(layout.columnLabels - 1.5 * line), -column.width() / 2,
                                layout.columnLabels - 1.5 * line, column.width()),
                         Qt::AlignRight | Qt::AlignVCenter, picture.classes[c]);
        painter.restore();
    }
    painter.drawText(QRectF(layout.matrix.left(), layout.matrix.bottom() + layout.columnLabels - 1.2 * line,
                            layout.matrix.width(), line),
                     Qt::AlignCenter, ConfusionPictureText::tr("predicted class"));
    painter.save();
    painter.translate(area.left() + 0.6 * line, layout.matrix.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-layout.matrix.height() / 2, -line / 2, layout.matrix.height(), line), Qt::AlignCenter,
                     ConfusionPictureText::tr("true class"));
    painter.restore();

    // Precision and recall per class, on the rows of the matrix.
    const double column = layout.scores.width() / 2;
    painter.drawText(QRectF(layout.scores.left(), layout.scores.top() - 1.2 * line, column, line), Qt::AlignCenter,
                     ConfusionPictureText::tr("precision"));
    painter.drawText(QRectF(layout.scores.left() + column, layout.scores.top() - 1.2 * line, column, line),
                     Qt::AlignCenter, ConfusionPictureText::tr("recall"));
    for (int c = 0; c < k && c < int(picture.report.classes.size()); ++c) {
        const QRectF row = layout.cell(c, 0);
        const mlpw::ClassScores& s = picture.report.classes[size_t(c)];
        const QRectF left(layout.scores.left(), row.top(), column, row.height());
        painter.drawText(left, Qt::AlignCenter, QString::number(s.precision, 'f', 3));
        painter.drawText(left.translated(column, 0), Qt::AlignCenter, QString::number(s.recall, 'f', 3));
    }
    painter.drawText(QRectF(layout.scores.left(), layout.matrix.bottom() + 0.3 * line, layout.scores.width(), line),
                     Qt::AlignCenter,
                     ConfusionPictureText::tr("accuracy %1").arg(QString::number(picture.report.accuracy, 'f', 4)));

    const QString high = picture.rowPercent ? QStringLiteral("100%") : QString::number(largest_count(picture.matrix));
    paint_colour_legend(painter, layout.legend, false, QStringLiteral("0"), high,
                        picture.rowPercent ? ConfusionPictureText::tr("row %") : ConfusionPictureText::tr("count"));
    painter.restore();
}
