#pragma once
// What the first layer learned: the first Dense layer's kernel at one epoch, each hidden unit's weights over the
// input pixels drawn as a rows x cols image (diverging colours, symmetric about 0), the units in a grid.
#include <QImage>
#include <QRectF>
#include <QString>

#include "mlpw/training/run_record.h"

class QPainter;

constexpr int kWeightTileGap = 1;  // px of background between the units' images in the grid

struct WeightsPicture {
    QString title;
    QImage grid;           // null when there is nothing to show (message says why)
    int columns = 0;       // units per grid row
    float largest = 0.0f;  // max |w|: the colour scale runs from -largest to +largest
    QString message;
};

// Unit u's image is at grid column u % columns, row u / columns, each tile (cols + gap) x (rows + gap) px;
// pixel (x, y) of a tile is input y * cols + x; colour diverging_colour(w / largest).
QImage kernel_grid_image(const mlpw::KernelSnapshot& kernel, int rows, int cols, int columns);
int grid_columns(int units);
// Epoch `epoch` (1-based) of the record.
WeightsPicture weights_picture(const mlpw::RunRecord& record, int epoch);
void paint_weights(QPainter& painter, const QRectF& area, const WeightsPicture& picture);
