// See data_figure.h.
#include "inspect/data_figure.h"

#include <QCoreApplication>
#include <QPainter>
#include <QRectF>

#include <algorithm>
#include <cmath>

#include "inspect/data_overview.h"

namespace {

// The translation context of this file's texts ("DataOverviewText").
struct DataOverviewText {
    Q_DECLARE_TR_FUNCTIONS(DataOverviewText)
};

const QColor kPartColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c)};

// A round step for about `ticks` ticks up to `top`: 1, 2 or 5 times a power of ten.
double tickStep(double top, int ticks) {
    const double raw = std::max(1.0, top / ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw) return m * power;
    return 10 * power;
}

void setPixelSize(QPainter& painter, double size, bool bold = false) {
    QFont font = painter.font();
    font.setPixelSize(std::max(6, int(size)));
    font.setBold(bold);
    painter.setFont(font);
}

void paintBars(QPainter& painter, const QRectF& area, const DataOverview& o, double unit) {
    const mlpw::DatasetStatistics& s = o.statistics;
    const std::vector<int>* parts[] = {&s.train_counts, &s.validation_counts, &s.test_counts};
    const QString names[] = {DataOverviewText::tr("training part"), DataOverviewText::tr("validation part"),
                             DataOverviewText::tr("test set")};
    int top = 1;
    for (const auto* counts : parts) top = std::max(top, *std::max_element(counts->begin(), counts->end()));
    const double step = tickStep(top, 4);
    const double axisTop = std::ceil(top / step) * step;

    setPixelSize(painter, unit * 0.8);
    const QRectF plot(area.left() + unit * 4, area.top() + unit * 1.5, area.width() - unit * 5,
                      area.height() - unit * 3.5);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), unit * 1.2), Qt::AlignLeft | Qt::AlignVCenter,
                     DataOverviewText::tr("Images per class"));
    for (double v = 0; v <= axisTop + 0.5; v += step) {
        const double y = plot.bottom() - v / axisTop * plot.height();
        painter.setPen(QColor(0xdd, 0xdd, 0xdd));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(area.left(), y - unit, unit * 3.7, unit * 2), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%L1").arg(qint64(v)));
    }
    const double group = plot.width() / std::max(1, s.classes);
    const double bar = group * 0.8 / 3;
    for (int c = 0; c < s.classes; ++c) {
        for (int part = 0; part < 3; ++part) {
            const double h = (*parts[part])[size_t(c)] / axisTop * plot.height();
            painter.fillRect(QRectF(plot.left() + c * group + group * 0.1 + part * bar, plot.bottom() - h, bar, h),
                             kPartColors[part]);
        }
        painter.setPen(Qt::black);
        painter.drawText(QRectF(plot.left() + c * group, plot.bottom() + unit * 0.2, group, unit * 1.2),
                         Qt::AlignHCenter | Qt::AlignTop,
                         painter.fontMetrics().elidedText(o.classNames.value(c), Qt::ElideRight, int(group)));
    }
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    // Legend, top right.
    double x = plot.right();
    for (int part = 2; part >= 0; --part) {
        const double width = painter.fontMetrics().horizontalAdvance(names[part]) + unit * 1.6;
        x -= width;
        painter.fillRect(QRectF(x, area.top() + unit * 0.2, unit * 0.8, unit * 0.8), kPartColors[part]);
        painter.drawText(QRectF(x + unit, area.top(), width, unit * 1.2), Qt::AlignLeft | Qt::AlignVCenter,
                         names[part]);
    }
}

void paintImages(QPainter& painter, const QRectF& area, const DataOverview& o, double unit) {
    const int classes = o.statistics.classes;
    if (classes == 0) return;
    const int rows = 1 + kSamplesPerClass;  // the mean image, then the samples
    const double label = unit * 5;
    const double cell = std::min((area.width() - label) / classes, (area.height() - unit * 1.5) / rows);
    const double left = area.left() + label;
    setPixelSize(painter, unit * 0.8);
    painter.setPen(Qt::black);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const double top = area.top() + unit * 1.5;
    painter.drawText(QRectF(area.left(), top, label - unit * 0.3, cell), Qt::AlignRight | Qt::AlignVCenter,
                     DataOverviewText::tr("mean image"));
    painter.drawText(QRectF(area.left(), top + cell, label - unit * 0.3, cell), Qt::AlignRight | Qt::AlignVCenter,
                     DataOverviewText::tr("samples"));
    for (int c = 0; c < classes; ++c) {
        const double x = left + c * cell;
        painter.drawText(QRectF(x, area.top(), cell, unit * 1.4), Qt::AlignCenter,
                         painter.fontMetrics().elidedText(o.classNames.value(c), Qt::ElideRight, int(cell)));
        const double pad = cell * 0.04;
        painter.drawImage(QRectF(x + pad, top + pad, cell - 2 * pad, cell - 2 * pad), o.meanImages[size_t(c)]);
        const auto& samples = o.samples[size_t(c)];
        for (size_t i = 0; i < samples.size(); ++i)
            painter.drawImage(QRectF(x + pad, top + cell * double(i + 1) + pad, cell - 2 * pad, cell - 2 * pad),
                              samples[i]);
    }
}

}  // namespace

void paintDataOverview(QPainter& painter, const QRectF& area, const DataOverview& o) {
    painter.save();
    const mlpw::DatasetStatistics& s = o.statistics;
    const double unit = std::max(11.0, std::min(area.height() / 45, area.width() / 60));  // text size
    const QRectF inner = area.adjusted(unit, unit * 0.5, -unit, -unit * 0.5);
    setPixelSize(painter, unit * 1.4, true);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), unit * 2), Qt::AlignLeft | Qt::AlignVCenter,
                     DataOverviewText::tr("Data set %1").arg(o.name));
    setPixelSize(painter, unit * 0.9);
    const QString facts =
        DataOverviewText::tr(
            "%1x%2 images, pixel values %3 to %4; %L5 training, %L6 validation (validation_split %7), %L8 test "
            "images; %9 classes")
            .arg(s.rows)
            .arg(s.cols)
            .arg(s.min_pixel)
            .arg(s.max_pixel)
            .arg(s.train_samples())
            .arg(s.validation_samples())
            .arg(double(o.validationSplit))
            .arg(s.test_samples())
            .arg(s.classes);
    painter.drawText(QRectF(inner.left(), inner.top() + unit * 2, inner.width(), unit * 1.5),
                     Qt::AlignLeft | Qt::AlignVCenter, facts);
    const double top = inner.top() + unit * 4;
    const double barsHeight = (inner.bottom() - top) * 0.38;
    paintBars(painter, QRectF(inner.left(), top, inner.width(), barsHeight), o, unit);
    paintImages(painter,
                QRectF(inner.left(), top + barsHeight + unit, inner.width(), inner.bottom() - top - barsHeight - unit),
                o, unit);
    painter.restore();
}

Figure dataOverviewFigure(std::shared_ptr<const DataOverview> overview) {
    return {DataOverviewText::tr("Data set %1").arg(overview->name),
            [overview](QPainter& painter, const QRectF& area) { paintDataOverview(painter, area, *overview); }};
}
