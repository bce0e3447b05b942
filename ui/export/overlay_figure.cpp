// See overlay_figure.h. All sizes are in "units" of the font's pixel size, which follows the area (a report's
// 1200x600 figure and a window's 800x400 view have the same proportions).
#include "export/overlay_figure.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr QRgb kPalette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                             0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
constexpr int kBandAlpha = 50;          // of 255, over white
constexpr int kMaxMarkedPoints = 60;    // a marker per point up to this many points per curve
constexpr double kLegendRow = 1.5;      // units
constexpr QRgb kHiddenText = 0xaaaaaa;  // a hidden curve's legend entry

// A tick step of 1, 2 or 5 x 10^k giving about `count` ticks over span.
double nice_step(double span, int count) {
    const double raw = span / std::max(count, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10.0 * magnitude;
}

QString tick_text(double value, double step) {
    const int decimals = std::max(0, -int(std::floor(std::log10(step) + 1e-9)));
    return QString::number(std::abs(value) < step / 1e6 ? 0.0 : value, 'f', decimals);
}

struct Range {
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    bool empty() const { return lo > hi; }
};

bool has_band(const OverlayCurve& c) { return !c.lower.isEmpty() && c.lower.size() == c.upper.size(); }

struct LegendEntry {
    QString name;
    QColor color;
    bool hidden = false, mark = false, dashed = false;
    QRectF rect;
};

// Where everything goes when `data` is painted into `area`: shared by the painting and the legend's hit test.
struct Geometry {
    QFont font;
    double unit = 8.0;
    QRectF plot;
    std::vector<LegendEntry> legend;
    double xlo = 0, xhi = 1, ylo = 0, yhi = 1, xstep = 1, ystep = 1, scale = 1;

    double px(double x) const { return plot.left() + (x - xlo) / (xhi - xlo) * plot.width(); }
    double py(double y) const { return plot.bottom() - (y * scale - ylo) / (yhi - ylo) * plot.height(); }
};

Geometry layout(const OverlayData& data, const OverlayVisibility& visibility, const QRectF& area) {
    Geometry g;
    g.unit = std::max(8.0, std::min(area.height() / 32.0, area.width() / 50.0));
    g.font.setPixelSize(int(g.unit));
    const QFontMetricsF fm(g.font);
    const double u = g.unit;
    g.scale = data.percent ? 100.0 : 1.0;

    Range xs, ys;
    for (const OverlayCurve& c : data.curves) {
        const bool hidden = visibility.hidden.contains(c.name);
        if (hidden && !visibility.listHidden) continue;
        g.legend.push_back({c.name, c.color, hidden, false, c.dashed, {}});
        if (hidden) continue;
        for (const QPointF& p : c.points) xs.add(p.x()), ys.add(p.y() * g.scale);
        if (has_band(c))
            for (qsizetype i = 0; i < c.lower.size(); ++i)
                ys.add(c.lower[i].y() * g.scale), ys.add(c.upper[i].y() * g.scale);
    }
    for (const OverlayMark& m : data.marks) {
        xs.add(m.x);
        g.legend.push_back({m.label, m.color, false, true, false, {}});
    }

    // Legend entries flow left to right under the axis titles, wrapping at the area's width.
    const double left = area.left() + 6 * u, right = area.right() - 2 * u;
    double x = left;
    int rows = g.legend.empty() ? 0 : 1;
    for (LegendEntry& e : g.legend) {
        const double w = 2.6 * u + fm.horizontalAdvance(e.name) + 1.2 * u;
        if (x > left && x + w > right) x = left, ++rows;
        e.rect = QRectF(x, (rows - 1) * kLegendRow * u, w, kLegendRow * u);  // y relative to the legend's top
        x += w;
    }
    const double top = area.top() + (data.title.isEmpty() ? 1.0 : 3.0) * u;
    const double legendTop = area.bottom() - (rows * kLegendRow + 0.3) * u;
    g.plot = QRectF(left, top, right - left, std::max(u, legendTop - 3.4 * u - top));
    for (LegendEntry& e : g.legend) e.rect.translate(0, legendTop);

    if (xs.empty()) xs = {data.integerX ? 1.0 : 0.0, data.integerX ? 2.0 : 1.0};
    if (ys.empty()) ys = {0.0, 1.0};
    if (ys.hi - ys.lo < 1e-9) {
        const double pad = std::max(std::abs(ys.hi) * 0.05, 1e-3);
        ys.lo -= pad, ys.hi += pad;
    }
    g.ystep = nice_step(ys.hi - ys.lo, 5);
    g.ylo = std::floor(ys.lo / g.ystep + 1e-9) * g.ystep;
    g.yhi = std::ceil(ys.hi / g.ystep - 1e-9) * g.ystep;
    if (data.integerX) {
        g.xlo = std::floor(xs.lo), g.xhi = std::ceil(xs.hi);
        if (g.xhi - g.xlo < 1) g.xlo -= 0.5, g.xhi += 0.5;  // one epoch: in the middle
        g.xstep = std::max(1.0, nice_step(g.xhi - g.xlo, 8));
    } else {
        const double span = xs.hi - xs.lo;
        const double pad = span > 0 ? span * 0.05 : std::max(std::abs(xs.hi) * 0.05, 1e-3);
        g.xlo = xs.lo - pad, g.xhi = xs.hi + pad;
        g.xstep = nice_step(g.xhi - g.xlo, 6);
    }
    return g;
}

void paint_axes(QPainter& p, const OverlayData& data, const Geometry& g, const QRectF& area) {
    const double u = g.unit;
    p.setPen(Qt::black);
    if (!data.title.isEmpty())
        p.drawText(QRectF(area.left(), area.top() + 0.5 * u, area.width(), 2 * u), Qt::AlignCenter, data.title);
    p.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0));
    for (double v = g.ylo; v <= g.yhi + g.ystep / 2; v += g.ystep)
        p.drawLine(QPointF(g.plot.left(), g.py(v / g.scale)), QPointF(g.plot.right(), g.py(v / g.scale)));
    p.setPen(Qt::black);
    p.setBrush(Qt::NoBrush);
    p.drawRect(g.plot);
    for (double v = g.ylo; v <= g.yhi + g.ystep / 2; v += g.ystep)
        p.drawText(QRectF(area.left(), g.py(v / g.scale) - u, 5.5 * u, 2 * u), Qt::AlignRight | Qt::AlignVCenter,
                   tick_text(v, g.ystep));
    const double first = data.integerX ? std::ceil(g.xlo) : std::ceil(g.xlo / g.xstep - 1e-9) * g.xstep;
    for (double v = first; v <= g.xhi + g.xstep * 1e-6; v += g.xstep)
        p.drawText(QRectF(g.px(v) - 3 * u, g.plot.bottom() + 0.3 * u, 6 * u, 1.5 * u), Qt::AlignHCenter | Qt::AlignTop,
                   data.integerX ? QString::number(qRound(v)) : tick_text(v, g.xstep));
    p.drawText(QRectF(g.plot.left(), g.plot.bottom() + 1.8 * u, g.plot.width(), 1.5 * u), Qt::AlignCenter, data.xTitle);
    p.save();
    p.translate(area.left() + 0.8 * u, g.plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-g.plot.height() / 2, -0.8 * u, g.plot.height(), 1.6 * u), Qt::AlignCenter,
               data.percent ? data.yTitle + QStringLiteral(" (%)") : data.yTitle);
    p.restore();
}

void paint_curves(QPainter& p, const OverlayData& data, const OverlayVisibility& visibility, const Geometry& g) {
    const double u = g.unit;
    const auto at = [&](const QPointF& v) { return QPointF(g.px(v.x()), g.py(v.y())); };
    p.save();
    p.setClipRect(g.plot.adjusted(-u / 2, -u / 2, u / 2, u / 2));
    // Bands first, under every line.
    for (const OverlayCurve& c : data.curves) {
        if (visibility.hidden.contains(c.name) || !has_band(c)) continue;
        QPolygonF band;
        for (const QPointF& v : c.upper) band << at(v);
        for (auto it = c.lower.rbegin(); it != c.lower.rend(); ++it) band << at(*it);
        QColor fill = c.color;
        fill.setAlpha(kBandAlpha);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawPolygon(band);
    }
    for (const OverlayCurve& c : data.curves) {
        if (visibility.hidden.contains(c.name)) continue;
        QPolygonF line;
        for (const QPointF& v : c.points)
            if (std::isfinite(v.y())) line << at(v);
        QPen pen(c.color, std::max(1.5, u / 6));
        if (c.dashed) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(line);
        if (line.size() > kMaxMarkedPoints) continue;
        p.setPen(Qt::NoPen);
        p.setBrush(c.color);
        for (const QPointF& point : line) p.drawEllipse(point, u / 4, u / 4);
    }
    for (const OverlayMark& m : data.marks) {
        QPen pen(m.color, std::max(1.5, u / 8), Qt::DashDotLine);
        p.setPen(pen);
        p.drawLine(QPointF(g.px(m.x), g.plot.top()), QPointF(g.px(m.x), g.plot.bottom()));
    }
    p.restore();
}

void paint_legend(QPainter& p, const Geometry& g) {
    const double u = g.unit;
    const QFontMetricsF fm(g.font);
    for (const LegendEntry& e : g.legend) {
        const double y = e.rect.center().y();
        const QColor colour = e.hidden ? QColor(kHiddenText) : e.color;
        QPen pen(colour, std::max(1.5, u / 6));
        if (e.mark) pen.setStyle(Qt::DashDotLine);
        else if (e.dashed) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(e.rect.left() + 0.3 * u, y), QPointF(e.rect.left() + 2.1 * u, y));
        p.setPen(e.hidden ? QColor(kHiddenText) : QColor(Qt::black));
        p.drawText(QPointF(e.rect.left() + 2.6 * u, y + (fm.ascent() - fm.descent()) / 2), e.name);
    }
}

}  // namespace

QColor overlay_colour(size_t i) { return QColor(kPalette[i % std::size(kPalette)]); }

Figure overlay_figure(const OverlayData& data, const OverlayVisibility& visibility) {
    return {data.title, [data, visibility](QPainter& p, const QRectF& area) {
                const Geometry g = layout(data, visibility, area);
                p.save();
                p.fillRect(area, Qt::white);
                p.setFont(g.font);
                paint_axes(p, data, g, area);
                paint_curves(p, data, visibility, g);
                paint_legend(p, g);
                p.restore();
            }};
}

QString overlay_legend_entry_at(const OverlayData& data, const OverlayVisibility& visibility, const QRectF& area,
                                const QPointF& point) {
    for (const LegendEntry& e : layout(data, visibility, area).legend)
        if (!e.mark && e.rect.contains(point)) return e.name;
    return {};
}

OverlayContent overlay_content(const OverlayData& data, const QSet<QString>& hidden) {
    OverlayContent content;
    for (const OverlayCurve& c : data.curves) {
        if (hidden.contains(c.name)) continue;
        ++content.lines;
        content.bands += has_band(c);
    }
    content.lines += int(data.marks.size());
    return content;
}
