#pragma once
// The Export entries of a view's context menu: "Export picture..." (PNG or SVG, 1600x1000 px at 150 DPI, the
// view's Figure) and, for views with a table, "Export CSV...". Files are written atomically (figure_export.h);
// a failure shows a dialog naming the file.
#include <QString>
#include <functional>
#include <string>

#include "export/figure_export.h"

class QWidget;

void add_export_actions(QWidget* view, std::function<Figure()> figure, std::function<std::string()> csv = {},
                        const QString& csvName = {});
