#pragma once
// The overlay of table rows for one metric (Keras' history names: loss, accuracy, val_loss, val_accuracy): a
// line per run; for a row of several seeds the mean line with a band (±1 sd or min-max), as the reports draw it
// (export/metric_overlay.h). A view of the store's records, built afresh when the selection or a record changes.
#include <QList>
#include <QString>
#include <string>
#include <vector>

#include "export/metric_overlay.h"

class RunStore;

struct OverlayRow {
    QString name;     // the legend's entry
    QList<int> runs;  // store indices
};

// The metrics the overlay offers, in the menu's order.
const std::vector<std::string>& overlay_metrics();
OverlayData runs_overlay(const RunStore& store, const std::vector<OverlayRow>& rows, const std::string& metric,
                         BandKind band);
