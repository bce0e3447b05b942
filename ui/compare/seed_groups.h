#pragma once
// Which runs are one experiment repeated with other seeds: the same resolved experiment file once its name,
// description, sweep and training.seed are left out. Used by the runs table (a row per group) and the overlays
// (a mean line and band per group).
#include <QList>
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"

class RunStore;

// The experiment's settings alone, as text: equal for two runs exactly when they differ only in those fields.
std::string settings_key(const mlpw::ExperimentSpec& spec);
// The store's runs in groups (each oldest first, the groups in the order of their first run); without
// `grouped`, one group per run.
std::vector<QList<int>> seed_groups(const RunStore& store, bool grouped);
