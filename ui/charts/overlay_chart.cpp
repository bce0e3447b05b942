#include "charts/overlay_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

const char* const kCurveName = "overlayCurve";  // a series' property: the curve it draws (legend clicks)

struct Span {
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    void add(double v) {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    void add(const QList<QPointF>& points, bool x) {
        for (const QPointF& p : points) add(x ? p.x() : p.y());
    }
    bool empty() const { return lo > hi; }
};

QLineSeries* line_of(const QList<QPointF>& points) {
    auto* s = new QLineSeries;
    s->replace(points);
    return s;
}

// The chart of `data`; hidden curves are on it but invisible (interactive) or left out (an export).
QChart* build_chart(const OverlayData& data, const QSet<QString>& hidden, bool interactive) {
    auto* chart = new QChart;
    chart->setTitle(data.title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(data.xTitle);
    y->setTitleText(data.yTitle);
    y->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    Span xs, ys;
    const auto attach = [&](QAbstractSeries* s, const QString& curve, bool visible) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        s->setProperty(kCurveName, curve);
        s->setVisible(visible);
    };
    for (const OverlayCurve& curve : data.curves) {
        const bool shown = !hidden.contains(curve.name);
        if (!shown && !interactive) continue;
        if (shown) {
            xs.add(curve.points, true);
            ys.add(curve.points, false);
            ys.add(curve.lower, false);
            ys.add(curve.upper, false);
        }
        if (!curve.lower.isEmpty() && curve.lower.size() == curve.upper.size()) {
            QLineSeries* upper = line_of(curve.upper);
            QLineSeries* lower = line_of(curve.lower);
            auto* band = new QAreaSeries(upper, lower);
            upper->setParent(band);  // the area series does not own its edges
            lower->setParent(band);
            QColor fill = curve.color;
            fill.setAlpha(50);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            band->setName(curve.name);
            attach(band, curve.name, shown);
            for (QLegendMarker* m : chart->legend()->markers(band)) m->setVisible(false);
        }
        QLineSeries* line = line_of(curve.points);
        line->setName(curve.name);
        QPen pen(curve.color);
        pen.setWidthF(2.0);
        if (curve.dashed) pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        line->setPointsVisible(curve.points.size() <= 30);
        attach(line, curve.name, shown);
    }
    if (xs.empty()) xs = {0.0, 1.0};
    for (const OverlayMark& mark : data.marks) xs.add(mark.x);
    if (ys.empty()) ys = {0.0, 1.0};
    const double pad = std::max(1e-3, (ys.hi - ys.lo) * 0.06);
    y->setRange(ys.lo - pad, ys.hi + pad);
    y->applyNiceNumbers();
    if (data.integerX) {
        x->setLabelFormat(QStringLiteral("%.0f"));
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(0);
        x->setTickInterval(std::max(1.0, std::ceil((xs.hi - xs.lo) / 10.0)));
        x->setRange(std::floor(xs.lo) - 0.15, std::ceil(xs.hi) + 0.15);
    } else {
        const double xpad = std::max(1e-9, (xs.hi - xs.lo) * 0.05);
        x->setRange(xs.lo - xpad, xs.hi + xpad);
        x->setLabelFormat(QStringLiteral("%.4g"));
    }
    for (const OverlayMark& mark : data.marks) {
        QLineSeries* s = line_of({{mark.x, y->min()}, {mark.x, y->max()}});
        s->setName(mark.label);
        QPen pen(mark.color);
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DashDotLine);
        s->setPen(pen);
        attach(s, QString(), true);
    }
    return chart;
}

void paint_chart(QPainter& painter, const QRectF& area, QChart* chart) {
    QGraphicsScene scene;
    scene.addItem(chart);  // the scene deletes it
    chart->setBackgroundRoundness(0);
    chart->resize(area.size());
    scene.setSceneRect(QRectF(QPointF(0, 0), area.size()));
    painter.fillRect(area, Qt::white);
    scene.render(&painter, area, scene.sceneRect());
}

}  // namespace

Figure overlay_figure(const OverlayData& data) {
    return {data.title, [data](QPainter& painter, const QRectF& area) {
                paint_chart(painter, area, build_chart(data, {}, false));
            }};
}

OverlayChart::OverlayChart(QWidget* parent) : QWidget(parent), m_view(new QChartView(new QChart, this)) {
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(240, 180);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    rebuild();
}

void OverlayChart::setData(const OverlayData& data) {
    m_data = data;
    rebuild();
}

void OverlayChart::setCurveHidden(const QString& name, bool hidden) {
    if (hidden == m_hidden.contains(name)) return;
    if (hidden) m_hidden.insert(name);
    else m_hidden.remove(name);
    rebuild();
}

void OverlayChart::rebuild() {
    QChart* chart = build_chart(m_data, m_hidden, true);
    for (QLegendMarker* marker : chart->legend()->markers()) {
        const QString curve = marker->series()->property(kCurveName).toString();
        if (curve.isEmpty()) continue;
        if (m_hidden.contains(curve)) {
            QColor grey = marker->labelBrush().color();
            grey.setAlpha(110);
            marker->setLabelBrush(grey);
        }
        connect(
            marker, &QLegendMarker::clicked, this, [this, curve] { setCurveHidden(curve, !m_hidden.contains(curve)); },
            Qt::QueuedConnection);
    }
    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;  // setChart() releases the old chart without deleting it
}

int OverlayChart::lineSeriesCount() const {
    int n = 0;
    for (QAbstractSeries* s : m_view->chart()->series()) n += s->type() == QAbstractSeries::SeriesTypeLine;
    return n;
}

int OverlayChart::bandSeriesCount() const {
    int n = 0;
    for (QAbstractSeries* s : m_view->chart()->series()) n += s->type() == QAbstractSeries::SeriesTypeArea;
    return n;
}

Figure OverlayChart::figure() const {
    OverlayData shown = m_data;
    std::erase_if(shown.curves, [this](const OverlayCurve& c) { return m_hidden.contains(c.name); });
    return overlay_figure(shown);
}
