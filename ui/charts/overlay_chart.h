#pragma once
// A chart of several runs' curves over each other (QtCharts inside; this header stays free of it): one line per
// curve in its colour, a translucent band where the curve has one, dashed vertical marks, the legend by name.
// Clicking a legend entry hides or shows that curve (kept across setData() by name); hidden curves are left out
// of the figure too.
#include <QSet>
#include <QWidget>

#include "charts/overlay_data.h"
#include "export/figure_export.h"

class QChartView;

class OverlayChart : public QWidget {
    Q_OBJECT
public:
    explicit OverlayChart(QWidget* parent = nullptr);

    void setData(const OverlayData& data);
    const OverlayData& data() const { return m_data; }
    void setCurveHidden(const QString& name, bool hidden);
    bool isCurveHidden(const QString& name) const { return m_hidden.contains(name); }
    // The series on the chart: lines (curves and marks) and bands, shown or hidden.
    int lineSeriesCount() const;
    int bandSeriesCount() const;
    // The chart as it stands (hidden curves left out), drawn afresh at the export's size.
    Figure figure() const;

private:
    void rebuild();

    QChartView* m_view;
    OverlayData m_data;
    QSet<QString> m_hidden;
};

// The figure of `data` (for reports and exports without a window).
Figure overlay_figure(const OverlayData& data);
