// mlpw report: the run bundles under one or more folders as one HTML (plots inline as SVG) or PDF report.
#include <cstdio>

#include "commands.h"
#include "export/run_report.h"
#include "offscreen_app.h"
#include "report_input.h"

namespace mlpw::cli {

int report_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw report --runs DIR [DIR...] --out FILE.html|FILE.pdf [--title TEXT]\n"
            "Reads every run bundle under each DIR (mlpw train --out, mlpw sweep --out, the runs/ of a\n"
            "mlpw sweep --plan folder, a project folder) and writes one report with a section per DIR: the\n"
            "results table (runs that differ only in the seed are one row, mean ± sd), which setting is best and\n"
            "whether its lead exceeds the seed spread, val_accuracy and val_loss overlays with seed bands, the\n"
            "best setting's test confusion matrix, the experiment, and the machine, threads and versions.\n"
            "  --runs DIR...   folders of runs (repeatable); a bundle that does not read is named and left out\n"
            "  --out FILE      .html: one self-contained file, plots as inline SVG; .pdf: the same as a PDF\n"
            "  --title TEXT    the report's title (default: \"Runs\")");
        return 0;
    }
    std::vector<std::string> folders;
    for (auto it = args.begin(); it != args.end();) {  // --runs A B --runs C: every value up to the next option
        if (*it != "--runs") {
            ++it;
            continue;
        }
        it = args.erase(it);
        const auto first = it;
        while (it != args.end() && it->rfind("--", 0) != 0) folders.push_back(*it++);
        if (it == first) throw UsageError("--runs: expected one or more folders after it");
        it = args.erase(first, it);
    }
    const std::string out = take_option(args, "--out", "");
    const std::string title = take_option(args, "--title", "Runs");
    expect_no_more(args, "report");
    if (folders.empty()) throw UsageError("--runs: expected one or more folders of runs");
    if (out.empty()) throw UsageError("--out: expected the report's file (.html or .pdf)");

    ReportInput input;
    input.title = QString::fromStdString(title);
    for (const auto& folder : folders) {
        ReportSection section{QString::fromStdString(folder), {}, {}};
        add_runs(input, section, folder);
        input.sections.push_back(std::move(section));
    }
    for (const auto& b : input.broken)
        std::fprintf(stderr, "mlpw report: left out %s: %s\n", b.path.c_str(), b.error.c_str());
    if (input.runs.empty())
        throw Error("no run bundle could be read under " + folders.front() +
                    (folders.size() > 1 ? " and the other folders" : ""));

    ensure_offscreen_application();
    const QString error = write_report(input, QString::fromStdString(out));
    if (!error.isEmpty()) throw Error(error.toStdString());
    std::printf("Report: %s (%zu runs, %zu sections)\n", out.c_str(), input.runs.size(), input.sections.size());
    return 0;
}

}  // namespace mlpw::cli
