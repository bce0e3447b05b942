#pragma once
// The data view's picture, on screen and exported alike: title and facts (image size, value range, counts),
// the class distribution as grouped bars (training part, validation part, test set) with axis and legend, and
// per class the mean image and the first training images.
#include "export/figure_export.h"

#include <memory>

class QPainter;
class QRectF;
struct DataOverview;

void paintDataOverview(QPainter& painter, const QRectF& area, const DataOverview& overview);
Figure dataOverviewFigure(std::shared_ptr<const DataOverview> overview);
