#pragma once
// What the person has drawn: strokes of points (with pen pressure) rendered white on black, round and
// anti-aliased, into a square grey image of kSide x kSide pixels, the picture the digit reader classifies.
// The canvas widget shows it scaled; --measure-canvas replays strokes into it without a widget.
#include <QImage>
#include <QPointF>
#include <QVector>

class DigitDrawing {
public:
    static constexpr int kSide = 336;            // 12x MNIST's 28
    static constexpr double kDefaultPen = 24.0;  // px at full pressure: a digit as tall as the canvas gets
                                                 // MNIST's 2 px strokes after scaling to 20 px
    struct Point {
        QPointF at;  // in image pixels
        double pressure = 1.0;
    };
    using Stroke = QVector<Point>;

    DigitDrawing();

    void setPenWidth(double px) { m_pen = px; }
    double penWidth() const { return m_pen; }
    // A stroke begins with one point (a dot) and grows by segments; each call paints only what it adds.
    void beginStroke(const Point& p);
    void extendStroke(const Point& p);
    void undo();  // removes the last stroke and repaints the rest
    void clear();
    bool isEmpty() const { return m_strokes.isEmpty(); }
    int strokeCount() const { return int(m_strokes.size()); }
    const QImage& image() const { return m_image; }

private:
    struct PenStroke {
        Stroke points;
        double pen;
    };
    void paintSegment(const Point& from, const Point& to, double pen);
    void repaint();

    QImage m_image;  // {kSide, kSide} Format_Grayscale8
    QVector<PenStroke> m_strokes;
    double m_pen = kDefaultPen;
};
