// See figure_export.h.
#include "export/figure_export.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>
#include <cmath>
#include <system_error>

#include "mlpw/io/atomic_file.h"

namespace {

QString write_bytes(const QString& path, std::string_view bytes) {
    const std::error_code error = mlpw::write_file_atomically(path.toStdString(), {bytes});
    if (!error) return {};
    return QCoreApplication::translate("export_figure", "Cannot write %1: %2")
        .arg(path, QString::fromLocal8Bit(error.message().c_str()));
}

}  // namespace

bool figure_format_of(const QString& path, FigureFormat* format) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) *format = FigureFormat::png;
    else if (suffix == QLatin1String("svg")) *format = FigureFormat::svg;
    else return false;
    return true;
}

QByteArray figure_bytes(const Figure& figure, FigureFormat format, QSize size, int dpi) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const QRectF area(QPointF(0, 0), QSizeF(size));
    if (format == FigureFormat::png) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const int dotsPerMeter = int(std::lround(dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            figure.paint(painter, area);
        }
        if (!image.save(&buffer, "PNG")) return {};
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(area);
        svg.setResolution(dpi);
        svg.setTitle(figure.title);
        svg.setDescription(QCoreApplication::translate("export_figure", "Exported by MLP Workbench"));
        QPainter painter(&svg);
        painter.fillRect(area, Qt::white);
        figure.paint(painter, area);
        painter.end();
    }
    return bytes;
}

QString export_figure(const Figure& figure, const QString& path, FigureFormat format, QSize size, int dpi) {
    const QByteArray bytes = figure_bytes(figure, format, size, dpi);
    if (bytes.isEmpty()) return QCoreApplication::translate("export_figure", "Cannot encode %1").arg(path);
    return write_bytes(path, std::string_view(bytes.constData(), size_t(bytes.size())));
}

QString export_figure(const Figure& figure, const QString& path, QSize size, int dpi) {
    FigureFormat format;
    if (!figure_format_of(path, &format))
        return QCoreApplication::translate("export_figure", "%1: the file name must end in .png or .svg").arg(path);
    return export_figure(figure, path, format, size, dpi);
}

QString export_text(const QString& path, std::string_view text) { return write_bytes(path, text); }

Figure figure_of_widget(QWidget* widget, const QString& title) {
    return {title, [widget](QPainter& painter, const QRectF& area) {
                // Lay the widget out at the target size (scaled, so small widgets are not blown up pixel by pixel).
                const QSize shown = widget->size();
                const double scale = std::min(area.width() / shown.width(), area.height() / shown.height());
                painter.save();
                painter.translate(area.topLeft());
                painter.scale(scale, scale);
                widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
                painter.restore();
            }};
}
