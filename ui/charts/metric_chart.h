#pragma once
// One chart of training curves (QtCharts): line tracks on a left and an optional right value axis, vertical
// markers (best epoch, early stop), axes that follow the data, values on hover. The data lives elsewhere:
// refresh() copies it into the series with one replace() per track.
#include <QChartView>
#include <QList>
#include <QPointF>
#include <vector>

#include "export/figure_export.h"

class QLineSeries;
class QValueAxis;

class MetricChart : public QChartView {
    Q_OBJECT
public:
    enum class Side { left, right };
    enum class Style { light, bold, dashed };

    MetricChart(const QString& title, const QString& leftTitle, const QString& rightTitle = {},
                QWidget* parent = nullptr);

    // Draws *points (owned by the caller, alive as long as the chart) on the given side.
    void addTrack(const QString& name, const QColor& color, Style style, Side side, const QList<QPointF>* points);
    void addMarker(const QString& name, const QColor& color, const int* epoch);  // hidden while *epoch is 0
    // Shows or hides the track drawing *points with its legend entry (the val tracks of a run without validation).
    void setTrackShown(const QList<QPointF>* points, bool shown);
    void setMarkerName(const int* epoch, const QString& name);  // "%1" is the epoch
    // The values an axis can show (losses >= 0, the default; accuracies in [0, 1]).
    void setBounds(Side side, double min, double max);
    void refresh(double xMax);
    void refitAxes() { m_fitSpan[0] = m_fitSpan[1] = 1e300; }  // at the next refresh (a new run)
    // The chart as it stands (title, legend, axis titles), laid out afresh at the size it is painted at.
    Figure figure();

private:
    struct Track {
        QLineSeries* series;
        Side side;
        const QList<QPointF>* points;
        qsizetype shownCount;  // what the series holds: count and last point
        QPointF shownLast;
    };
    struct Marker {
        QLineSeries* series;
        QString name;
        const int* epoch;
        int shown;  // the epoch the legend shows
    };
    void showValue(QLineSeries* series, const QPointF& point, bool state);

    QValueAxis* m_x;
    QValueAxis* m_left;
    QValueAxis* m_right = nullptr;
    std::vector<Track> m_tracks;
    std::vector<Marker> m_markers;
    double m_bounds[2][2] = {{0.0, 1e300}, {0.0, 1e300}};
    double m_fitSpan[2] = {0.0, 0.0};  // the data's span when each axis was last fitted
};
