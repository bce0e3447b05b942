#pragma once
// The overlay of one metric (Keras' history names: loss, accuracy, val_loss, val_accuracy) over named groups of
// runs: a line per group of one run; for a group of several seeds the per-epoch mean line with a band (±1 sd or
// min-max) from mlpw::epoch_bands, named "<name> (mean ± sd)" or "<name> (mean, min–max)". The Runs tab's overlay
// and the reports' curves both come from here, so they show the same picture.
#include <QString>
#include <string>
#include <vector>

#include "export/overlay_figure.h"
#include "mlpw/training/metrics.h"

enum class BandKind { sd, min_max };

struct MetricGroup {
    QString name;                                       // the legend's entry
    std::vector<std::vector<mlpw::EpochMetrics>> runs;  // each run's history
};

// Accuracies are drawn in % (OverlayData::percent); x is the epoch.
OverlayData metric_overlay(const QString& title, const std::string& metric, const std::vector<MetricGroup>& groups,
                           BandKind band);
