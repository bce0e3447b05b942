#include "metric_chart.h"

#include <QChart>
#include <QCursor>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>
#include <limits>

MetricChart::MetricChart(const QString& title, const QString& leftTitle, const QString& rightTitle, QWidget* parent)
    // The chart goes in through the constructor: QChartView(parent) would make a default chart that
    // setChart() releases without deleting (a QChart, its legend and title document leaked per chart).
    : QChartView(new QChart, parent), m_x(new QValueAxis), m_left(new QValueAxis) {
    QChart* c = chart();
    c->setTitle(title);
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    QFont small = c->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    c->legend()->setFont(small);
    c->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    m_x->setTitleText(tr("epoch"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_x->setTickInterval(1);
    m_x->setRange(0, 1);
    m_left->setTitleText(leftTitle);
    m_left->setLabelFormat(QStringLiteral("%.2f"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_left, Qt::AlignLeft);
    if (!rightTitle.isEmpty()) {
        m_right = new QValueAxis;
        m_right->setTitleText(rightTitle);
        m_right->setLabelFormat(QStringLiteral("%.2f"));
        c->addAxis(m_right, Qt::AlignRight);
    }
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 180);
}

Figure MetricChart::figure() {
    return {chart()->title(), [this](QPainter& painter, const QRectF& area) {
                // Lay the chart out at the area's size over a scale that keeps the text readable on a large
                // picture (a 1600 px export is laid out at 900 px and painted 1.8x), then restore it.
                QChart* c = chart();
                const QRectF shown = c->geometry();
                const double scale = std::max(1.0, area.width() / 900.0);
                const QRectF layout(QPointF(0, 0), area.size() / scale);
                c->setGeometry(layout);
                scene()->render(&painter, area, layout, Qt::IgnoreAspectRatio);
                c->setGeometry(shown);
            }};
}

void MetricChart::setBounds(Side side, double min, double max) {
    m_bounds[side == Side::right ? 1 : 0][0] = min;
    m_bounds[side == Side::right ? 1 : 0][1] = max;
}

void MetricChart::addTrack(const QString& name, const QColor& color, Style style, Side side,
                           const QList<QPointF>* points) {
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(color);
    if (style == Style::light) {
        QColor light = color;
        light.setAlpha(90);
        pen.setColor(light);
        pen.setWidthF(1.0);
    } else {
        pen.setWidthF(2.5);
        if (style == Style::dashed) pen.setStyle(Qt::DashLine);
        s->setPointsVisible(true);
        s->setMarkerSize(7);
    }
    s->setPen(pen);
    chart()->addSeries(s);
    s->attachAxis(m_x);
    s->attachAxis(side == Side::right && m_right ? m_right : m_left);
    connect(s, &QLineSeries::hovered, this, [this, s](const QPointF& p, bool state) { showValue(s, p, state); });
    m_tracks.push_back({s, side, points, -1, {}});
}

void MetricChart::addMarker(const QString& name, const QColor& color, const int* epoch) {
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(color);
    pen.setWidthF(1.5);
    pen.setStyle(Qt::DashDotLine);
    s->setPen(pen);
    chart()->addSeries(s);
    s->attachAxis(m_x);
    s->attachAxis(m_left);
    m_markers.push_back({s, name, epoch, 0});
    for (QLegendMarker* m : chart()->legend()->markers(s)) m->setVisible(false);
}

void MetricChart::setTrackShown(const QList<QPointF>* points, bool shown) {
    for (Track& t : m_tracks)
        if (t.points == points) {
            t.series->setVisible(shown);
            for (QLegendMarker* lm : chart()->legend()->markers(t.series)) lm->setVisible(shown);
        }
}

void MetricChart::setMarkerName(const int* epoch, const QString& name) {
    for (Marker& m : m_markers)
        if (m.epoch == epoch && m.name != name) {
            m.name = name;
            m.shown = -1;  // the next refresh renames its legend entry
        }
}

void MetricChart::showValue(QLineSeries* series, const QPointF& p, bool state) {
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(
        QCursor::pos(),
        tr("%1, %2\nepoch %3: %4").arg(chart()->title(), series->name()).arg(p.x(), 0, 'f', 2).arg(p.y(), 0, 'f', 4),
        this);
}

void MetricChart::refresh(double xMax) {
    // Cheap when little changed: a series is replaced only when its points changed, an axis is re-fitted only
    // when the data leaves it or fills less than 2/3 of the span it was fitted to (each re-fit lays out labels).
    double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (Track& t : m_tracks) {
        const qsizetype n = t.points->size();
        const QPointF last = n > 0 ? t.points->last() : QPointF();
        if (n != t.shownCount || last != t.shownLast) {
            t.series->replace(*t.points);
            t.shownCount = n;
            t.shownLast = last;
        }
        const int side = t.side == Side::right && m_right ? 1 : 0;
        for (const QPointF& p : *t.points) {
            if (!std::isfinite(p.y())) continue;
            lo[side] = std::min(lo[side], p.y());
            hi[side] = std::max(hi[side], p.y());
        }
    }
    const double xEnd = std::max(1.0, std::ceil(xMax - 1e-9));
    const double xRange = xEnd + 0.15 * std::ceil(xEnd / 10.0);  // room for the last epoch's point
    if (m_x->max() != xRange) {
        m_x->setRange(0, xRange);
        m_x->setTickInterval(std::max(1.0, std::ceil(xEnd / 10.0)));
    }
    QValueAxis* axes[2] = {m_left, m_right};
    bool refitted = false;
    for (int side = 0; side < 2; ++side) {
        if (!axes[side] || lo[side] > hi[side]) continue;
        const double pad = std::max(1e-3, (hi[side] - lo[side]) * 0.06);
        // Losses and accuracies are >= 0; accuracies <= 1: no axis labels beyond what the values can be.
        const double low = std::max(m_bounds[side][0], lo[side] - pad),
                     high = std::min(m_bounds[side][1], hi[side] + pad);
        const bool outside = low < axes[side]->min() || high > axes[side]->max();
        if (!outside && high - low >= 0.66 * m_fitSpan[side]) continue;
        axes[side]->setRange(low, high);
        axes[side]->applyNiceNumbers();
        m_fitSpan[side] = high - low;
        refitted = true;
    }
    for (Marker& m : m_markers) {
        const bool on = *m.epoch > 0;
        if (on && (refitted || *m.epoch != m.shown))
            m.series->replace(QList<QPointF>{{double(*m.epoch), m_left->min()}, {double(*m.epoch), m_left->max()}});
        if (*m.epoch == m.shown) continue;  // the legend changes only when the epoch does
        if (on) m.series->setName(m.name.arg(*m.epoch));
        else m.series->clear();
        for (QLegendMarker* lm : chart()->legend()->markers(m.series)) lm->setVisible(on);
        m.shown = *m.epoch;
    }
}
