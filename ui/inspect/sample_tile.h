#pragma once
// One gallery sample drawn into a rectangle, on screen (GalleryDelegate) and in exported pages alike: the image
// scaled up without smoothing, framed green when predicted right and red when wrong, the prediction with its
// confidence and the true class below.
#include <QColor>
#include <QImage>
#include <QString>

class QPainter;
class QRectF;

struct SampleTile {
    QImage image;  // grayscale, rows x cols
    QString truth, predicted;
    float confidence = 0.0f;
    bool correct = false;
};

inline const QColor kRightColor{0x2e, 0x7d, 0x32};
inline const QColor kWrongColor{0xc6, 0x28, 0x28};

// The tile's rectangle is width w, height w * kTileAspect (the image square on top, two text lines under it).
constexpr double kTileAspect = 1.45;
void paintSampleTile(QPainter& painter, const QRectF& rect, const SampleTile& tile);
