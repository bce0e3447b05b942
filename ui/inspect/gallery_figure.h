#pragma once
// The gallery page as a Figure (PNG/SVG through ui/export): title, what is shown (run, split, filter, order,
// count), a legend of the frame colours and the tiles of the rows on screen, in the same order.
#include "export/figure_export.h"

class GalleryModel;

// Rows [firstRow, firstRow + count) of `model` (clamped to its rows).
Figure galleryPageFigure(const GalleryModel& model, int firstRow, int count);
