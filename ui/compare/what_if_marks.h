#pragma once
// What a what-if early-stopping replay (mlpw/training/early_stopping_replay.h) looks like on a run's curves:
// the monitored metric per epoch, a mark where the run would have stopped and one at the epoch whose weights
// (and recorded metrics) it would have kept; and the sentence that says so.
#include <QString>
#include <string>

#include "export/overlay_figure.h"
#include "mlpw/training/early_stopping_replay.h"

OverlayData what_if_overlay(const mlpw::RunRecord& record, const mlpw::EarlyStoppingReplay& replay,
                            const std::string& monitor);
QString what_if_text(const mlpw::RunRecord& record, const mlpw::EarlyStoppingReplay& replay);
