// See run_overlay_figure.h. Drawn with QPainter into any rectangle: axes with rounded ticks, bands, mean lines,
// a marker per epoch (so a one-epoch run shows), the legend at the top right.
#include "export/run_overlay_figure.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Tableau 10: distinct on white and in grey-scale print.
constexpr QRgb kPalette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                             0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

// A tick step of 1, 2 or 5 x 10^k giving about `count` ticks over span.
double nice_step(double span, int count) {
    const double raw = span / std::max(count, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10.0 * magnitude;
}

QString tick_text(double value, double step) {
    const int decimals = std::max(0, -int(std::floor(std::log10(step))));
    return QString::number(value, 'f', decimals);
}

}  // namespace

QColor overlay_colour(size_t i) { return QColor(kPalette[i % std::size(kPalette)]); }

Figure run_overlay_figure(const QString& title, const QString& metric, std::vector<OverlaySeries> series) {
    const bool percent = metric.endsWith(QLatin1String("accuracy"));
    const double scale = percent ? 100.0 : 1.0;
    const QString axis = percent ? metric + QStringLiteral(" (%)") : metric;
    return {title, [=](QPainter& p, const QRectF& area) {
                p.save();
                p.fillRect(area, Qt::white);
                const double unit = std::max(8.0, area.height() / 32.0);  // font size in px
                QFont font = p.font();
                font.setPixelSize(int(unit));
                p.setFont(font);
                const QFontMetricsF fm(font);

                // Ranges over every band's min-max.
                int epochs = 1;
                double lo = std::numeric_limits<double>::infinity(), hi = -lo;
                for (const auto& s : series)
                    for (const auto& b : s.bands) {
                        epochs = std::max(epochs, b.epoch);
                        lo = std::min(lo, b.spread.min * scale);
                        hi = std::max(hi, b.spread.max * scale);
                    }
                if (!std::isfinite(lo)) lo = 0, hi = 1;
                if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;
                const double ystep = nice_step(hi - lo, 5);
                lo = std::floor(lo / ystep) * ystep, hi = std::ceil(hi / ystep) * ystep;
                const double xstep = std::max(1.0, nice_step(std::max(epochs - 1, 1), 8));

                const QRectF plot(area.left() + 6 * unit, area.top() + 3 * unit, area.width() - 8 * unit,
                                  area.height() - 7 * unit);
                const auto px = [&](double epoch) {
                    return epochs == 1 ? plot.center().x() : plot.left() + (epoch - 1) / (epochs - 1) * plot.width();
                };
                const auto py = [&](double v) { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); };

                p.setPen(Qt::black);
                p.drawText(QRectF(area.left(), area.top() + 0.5 * unit, area.width(), 2 * unit), Qt::AlignCenter,
                           title);
                // Grid, ticks, labels.
                p.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0));
                for (double v = lo; v <= hi + ystep / 2; v += ystep)
                    p.drawLine(QPointF(plot.left(), py(v)), QPointF(plot.right(), py(v)));
                p.setPen(Qt::black);
                p.drawRect(plot);
                for (double v = lo; v <= hi + ystep / 2; v += ystep)
                    p.drawText(QRectF(area.left(), py(v) - unit, 5.5 * unit, 2 * unit),
                               Qt::AlignRight | Qt::AlignVCenter, tick_text(v, ystep));
                for (double e = 1; e <= epochs + 0.01; e += xstep)
                    p.drawText(QRectF(px(e) - 3 * unit, plot.bottom() + 0.3 * unit, 6 * unit, 1.5 * unit),
                               Qt::AlignHCenter | Qt::AlignTop, QString::number(int(e)));
                p.drawText(QRectF(plot.left(), plot.bottom() + 1.8 * unit, plot.width(), 1.5 * unit), Qt::AlignCenter,
                           QCoreApplication::translate("run_overlay_figure", "epoch"));
                p.save();
                p.translate(area.left() + 0.8 * unit, plot.center().y());
                p.rotate(-90);
                p.drawText(QRectF(-plot.height() / 2, -0.8 * unit, plot.height(), 1.6 * unit), Qt::AlignCenter, axis);
                p.restore();

                // Bands first (under every line), then the mean lines and markers.
                p.setClipRect(plot.adjusted(-unit, -unit, unit, unit));
                for (size_t i = 0; i < series.size(); ++i) {
                    const auto& bands = series[i].bands;
                    if (bands.empty() || std::none_of(bands.begin(), bands.end(), [](const mlpw::EpochBand& b) {
                            return b.spread.count > 1;
                        }))
                        continue;
                    QPolygonF band;
                    for (const auto& b : bands) band << QPointF(px(b.epoch), py(b.spread.max * scale));
                    for (auto it = bands.rbegin(); it != bands.rend(); ++it)
                        band << QPointF(px(it->epoch), py(it->spread.min * scale));
                    QColor fill = overlay_colour(i);
                    fill.setAlpha(50);
                    p.setPen(Qt::NoPen);
                    p.setBrush(fill);
                    p.drawPolygon(band);
                }
                for (size_t i = 0; i < series.size(); ++i) {
                    QPolygonF line;
                    for (const auto& b : series[i].bands) line << QPointF(px(b.epoch), py(b.spread.mean * scale));
                    p.setPen(QPen(overlay_colour(i), std::max(1.5, unit / 5)));
                    p.setBrush(Qt::NoBrush);
                    p.drawPolyline(line);
                    p.setBrush(overlay_colour(i));
                    for (const QPointF& point : line) p.drawEllipse(point, unit / 4, unit / 4);
                }
                p.setClipping(false);

                // Legend: a swatch and the name per series, in a box at the top right of the plot.
                double width = 0;
                for (const auto& s : series) width = std::max(width, fm.horizontalAdvance(s.name));
                const QRectF box(plot.right() - width - 3.5 * unit, plot.top() + 0.5 * unit, width + 3 * unit,
                                 (series.size() + 0.5) * 1.4 * unit);
                p.setPen(QColor(0xaa, 0xaa, 0xaa));
                p.setBrush(QColor(255, 255, 255, 220));
                if (!series.empty()) p.drawRect(box);
                for (size_t i = 0; i < series.size(); ++i) {
                    const double y = box.top() + (i + 0.75) * 1.4 * unit;
                    p.setPen(QPen(overlay_colour(i), std::max(1.5, unit / 5)));
                    p.drawLine(QPointF(box.left() + 0.4 * unit, y), QPointF(box.left() + 2 * unit, y));
                    p.setPen(Qt::black);
                    p.drawText(QPointF(box.left() + 2.4 * unit, y + fm.ascent() / 2.5), series[i].name);
                }
                p.restore();
            }};
}
