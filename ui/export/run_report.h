#pragma once
// The report of a set of runs (mlpw report, mlpw study, File > Export report): one self-contained HTML file
// (plots inline as SVG) or a PDF (QTextDocument printed by QPdfWriter, the plots as images). Per section: a
// sentence naming the best setting and whether its lead exceeds the seed spread, the results table (one row per
// setting: mean ± sd over its seeds, what it changes from the section's reference), the val_accuracy and val_loss
// overlays with seed bands, the best setting's test confusion matrix, the reference's experiment file and the
// runs behind each row. At the end: the machine, threads and versions.
#include <QString>
#include <functional>
#include <string>
#include <vector>

#include "export/figure_export.h"
#include "export/overlay_figure.h"

#include "mlpw/io/runs_folder.h"
#include "mlpw/training/run_record.h"

struct ReportSection {
    QString title;             // "Hidden layer size"
    QString question;          // a line under the title ("" for none)
    std::vector<size_t> runs;  // indices into ReportInput::runs; the first run's setting is the reference
};

struct ReportInput {
    QString title;
    std::vector<mlpw::RunRecord> runs;  // weights are not needed
    std::vector<QString> paths;         // where each run's bundle is, parallel to runs ("" when not on disk)
    std::vector<ReportSection> sections;
    std::vector<mlpw::BrokenRun> broken;  // listed, with the reason they were left out
    QString note;                         // a paragraph under the title ("" for none), e.g. the wall time
};

enum class ReportFormat { html, pdf };

// The HTML text: SVG plots inline (html), or <img src="figure-N.png"> resources that report_pdf adds.
QString report_html(const ReportInput& input, ReportFormat format = ReportFormat::html);

// The overlay a section shows for metric ("val_accuracy", "val_loss"): a line per setting, the mean over its
// seeds with a min-max band (export/metric_overlay.h, as the Runs tab draws it).
OverlayData section_overlay(const ReportInput& input, const ReportSection& section, const std::string& metric);
// Every figure of the report in the document's order (what the HTML inlines as SVG and the PDF shows).
std::vector<Figure> report_figures(const ReportInput& input);

// Called on the writing thread after each section is built (done of total; the last step is the file written).
using ReportProgress = std::function<void(int done, int total)>;

// Writes the report to `path` atomically, the format from its suffix (.html/.htm or .pdf). Returns "" or a
// message naming the file and the problem.
QString write_report(const ReportInput& input, const QString& path, const ReportProgress& progress = {});
