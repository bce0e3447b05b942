// mlpw plot: the pictures of a run bundle (curves, twin axis, confusion matrix, sample digits, first-layer
// weights) drawn by the window's own views on Qt's offscreen platform, as PNG or SVG files.
#include <QString>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "charts/training_charts.h"
#include "commands.h"
#include "export/figure_export.h"
#include "inspect/confusion_matrix_view.h"
#include "inspect/first_layer_weights_view.h"
#include "inspect/sample_digits_panel.h"
#include "mlpw/io/run_bundle.h"
#include "offscreen_app.h"

namespace mlpw::cli {

int plot_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw plot --run DIR [--out DIR] [--format png|svg]\n"
            "Draws the pictures of a run folder (written by mlpw train --out) with the window's drawing code,\n"
            "1600x1000 px at 150 DPI: curves (loss and accuracy), twin_axis (accuracy and val_loss),\n"
            "confusion_matrix, sample_digits and first_layer_weights (of the last epoch; the last three need\n"
            "a run with validation).\n"
            "  --run DIR      the run folder\n"
            "  --out DIR      where the pictures go (default: the run folder)\n"
            "  --format F     png (default) or svg");
        return 0;
    }
    const std::string run = take_option(args, "--run", "");
    if (run.empty()) throw UsageError("missing --run DIR (see mlpw plot --help)");
    const std::string out = take_option(args, "--out", run);
    const std::string format_name = take_option(args, "--format", "png");
    if (format_name != "png" && format_name != "svg")
        throw UsageError("--format: expected png or svg, got '" + format_name + "'");
    expect_no_more(args, "plot");

    std::error_code ec;
    if (!std::filesystem::is_directory(run, ec))
        throw Error(run + ": no such run folder (expected the folder written by mlpw train --out)");
    const auto record = std::make_shared<const RunRecord>(read_run_bundle(run));
    prepare_output_folder(out);
    ensure_offscreen_application();

    TrainingCharts charts;
    charts.resize(1200, 700);
    charts.showRecord(record);
    ConfusionMatrixView confusion;
    SampleDigitsPanel samples;
    FirstLayerWeightsView weights;
    const int last = record->epochs_run();
    confusion.setRecord(record);
    confusion.setEpoch(last);
    samples.setRecord(record);
    samples.setEpoch(last);
    weights.setRecord(record);
    weights.setEpoch(last);

    const FigureFormat format = format_name == "svg" ? FigureFormat::svg : FigureFormat::png;
    const auto write = [&](const char* name, const Figure& figure) {
        const std::string path = (std::filesystem::path(out) / (std::string(name) + "." + format_name)).string();
        const QString error = export_figure(figure, QString::fromStdString(path), format);
        if (!error.isEmpty()) throw Error(error.toStdString());
        std::printf("%s\n", path.c_str());
    };
    write("curves", charts.curvesFigure());
    write("twin_axis", charts.twinAxisFigure());
    if (confusion.picture().size() > 0) write("confusion_matrix", confusion.figure());
    if (!samples.picture().digits.empty()) write("sample_digits", samples.figure());
    if (!weights.picture().grid.isNull()) write("first_layer_weights", weights.figure());
    if (confusion.picture().size() == 0)
        std::fprintf(stderr, "mlpw plot: %s has no validation: no confusion matrix or sample digits\n", run.c_str());
    if (weights.picture().grid.isNull())
        std::fprintf(stderr, "mlpw plot: no first-layer weights: %s\n",
                     weights.picture().message.toStdString().c_str());
    return 0;
}

}  // namespace mlpw::cli
