// See weights_picture.h.
#include "inspect/weights_picture.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <array>
#include <cmath>

#include "inspect/colour_scale.h"

namespace {
// The translation context of this file's texts ("WeightsPictureText").
struct WeightsPictureText {
    Q_DECLARE_TR_FUNCTIONS(WeightsPictureText)
};
}  // namespace

int grid_columns(int units) { return std::max(1, int(std::ceil(std::sqrt(double(units))))); }

QImage kernel_grid_image(const mlpw::KernelSnapshot& kernel, int rows, int cols, int columns) {
    // One colour per 8-bit level: the kernel's values are -127..127 steps of scale.
    std::array<QRgb, 255> colours;
    for (int q = -127; q <= 127; ++q) colours[size_t(q + 127)] = diverging_colour(q / 127.0);
    const int gridRows = (kernel.units + columns - 1) / columns;
    QImage image(columns * (cols + kWeightTileGap) - kWeightTileGap,
                 gridRows * (rows + kWeightTileGap) - kWeightTileGap, QImage::Format_RGB32);
    image.fill(QColor(200, 200, 200));
    const std::vector<int8_t>& values = *kernel.values;
    for (int u = 0; u < kernel.units; ++u) {
        const int left = (u % columns) * (cols + kWeightTileGap), top = (u / columns) * (rows + kWeightTileGap);
        const int8_t* w = values.data() + size_t(u) * size_t(kernel.inputs);
        for (int y = 0; y < rows; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(top + y)) + left;
            for (int x = 0; x < cols; ++x) line[x] = colours[size_t(w[y * cols + x] + 127)];
        }
    }
    return image;
}

WeightsPicture weights_picture(const mlpw::RunRecord& record, int epoch) {
    WeightsPicture picture;
    picture.title = WeightsPictureText::tr("First layer weights");
    if (epoch < 1 || epoch > int(record.first_layer.size()) || record.first_layer[size_t(epoch - 1)].empty()) {
        picture.message = WeightsPictureText::tr("No first-layer weights recorded for this epoch");
        return picture;
    }
    const mlpw::KernelSnapshot& kernel = record.first_layer[size_t(epoch - 1)];
    const int rows = record.data.image_rows, cols = record.data.image_cols;
    picture.title = WeightsPictureText::tr("First layer weights (%1, %2 units), epoch %3")
                        .arg(QString::fromStdString(kernel.tensor))
                        .arg(kernel.units)
                        .arg(epoch);
    if (rows * cols != kernel.inputs) {
        picture.message = WeightsPictureText::tr("The first Dense layer takes %1 inputs, not the %2x%3 pixels")
                              .arg(kernel.inputs)
                              .arg(rows)
                              .arg(cols);
        return picture;
    }
    picture.columns = grid_columns(kernel.units);
    picture.grid = kernel_grid_image(kernel, rows, cols, picture.columns);
    picture.largest = kernel.scale * 127.0f;
    return picture;
}

void paint_weights(QPainter& painter, const QRectF& area, const WeightsPicture& picture) {
    painter.save();
    const QFont font = picture_font(painter.font(), area);
    const double line = QFontMetricsF(font).height();
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(Qt::black);
    const QRectF title(area.left(), area.top(), area.width(), 2.0 * line);
    painter.drawText(title, Qt::AlignCenter | Qt::TextWordWrap, picture.title);
    painter.setFont(font);
    if (picture.grid.isNull()) {
        painter.drawText(area, Qt::AlignCenter, picture.message);
        painter.restore();
        return;
    }
    const double legendWidth = 4.5 * line;
    const QRectF room(area.left() + line, title.bottom(), area.width() - legendWidth - 2.0 * line,
                      area.height() - title.height() - line);
    const double scale = std::min(room.width() / picture.grid.width(), room.height() / picture.grid.height());
    const QSizeF shown(picture.grid.width() * scale, picture.grid.height() * scale);
    const QRectF target(room.left() + (room.width() - shown.width()) / 2, room.top(), shown.width(), shown.height());
    painter.drawImage(target, picture.grid);  // no smoothing: each weight stays a square
    const QString high = QString::number(picture.largest, 'g', 3);
    paint_colour_legend(painter, QRectF(target.right() + line, target.top(), legendWidth, target.height()), true,
                        QStringLiteral("-") + high, QStringLiteral("+") + high, WeightsPictureText::tr("weight"));
    painter.restore();
}
