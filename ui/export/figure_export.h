#pragma once
// Pictures and tables a view exports, written atomically (mlpw/io/atomic_file.h): a Figure is a title plus a
// function that paints the view into any rectangle, so the window, `mlpw plot` and the reports draw the same
// picture at the size asked for (e.g. 1600x1000 px for a report) instead of grabbing the screen.
#include <QByteArray>
#include <QSize>
#include <QString>
#include <functional>
#include <string_view>

class QPainter;
class QRectF;
class QWidget;

struct Figure {
    QString title;                                        // the SVG's <title>; the default file name
    std::function<void(QPainter&, const QRectF&)> paint;  // draws everything, title and legend included
};

enum class FigureFormat { png, svg };
// From a file name's suffix (".png", ".svg", case-insensitive); nullopt-like: false when neither.
bool figure_format_of(const QString& path, FigureFormat* format);

// Writes `figure` painted into size (px) as PNG (with the DPI in its metadata) or SVG (the same size in px at
// that DPI), replacing `path` atomically. Returns an empty string, or a message naming the file and the problem.
QString export_figure(const Figure& figure, const QString& path, FigureFormat format, QSize size = {1600, 1000},
                      int dpi = 150);
// The PNG or SVG file's bytes (what export_figure writes), empty when encoding failed; for documents that embed
// the picture (the report's inline SVG).
QByteArray figure_bytes(const Figure& figure, FigureFormat format, QSize size = {1600, 1000}, int dpi = 150);
// The same, the format from the suffix of `path`.
QString export_figure(const Figure& figure, const QString& path, QSize size = {1600, 1000}, int dpi = 150);
// Writes text (CSV, Markdown) atomically; same return as export_figure.
QString export_text(const QString& path, std::string_view text);

// A figure of a widget as it stands (QWidget::render at the target size), for views without a paint function.
Figure figure_of_widget(QWidget* widget, const QString& title);
