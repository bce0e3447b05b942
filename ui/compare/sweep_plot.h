#pragma once
// A one-field sweep's plot: the kept weights' metric (mlpw::result_row) of the runs that differ from the sweep's base only in that
// field (and their seeds) against the field's value (read off mlpw::config_diff), a mean line with a min-max band
// where a value was run with several seeds. Empty when the field's values are not numbers.
#include <string>

#include "export/overlay_figure.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/report/results_table.h"

class RunStore;

OverlayData sweep_plot(const RunStore& store, const mlpw::ExperimentSpec& base, const std::string& field,
                       mlpw::ResultColumn column);
