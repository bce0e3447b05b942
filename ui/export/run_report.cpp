// See run_report.h.
#include "export/run_report.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <QtGlobal>
#include <set>

#include "export/figure_export.h"
#include "export/metric_overlay.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/report/machine_info.h"
#include "mlpw/report/run_groups.h"

namespace {

using namespace mlpw;

// The translation context of this file's texts ("RunReport"): a local tr() helper hid them from lupdate.
struct RunReport {
    Q_DECLARE_TR_FUNCTIONS(RunReport)
};
QString esc(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }
QString esc(const QString& text) { return text.toHtmlEscaped(); }
QString cell(const std::string& text) { return "<td>" + esc(text) + "</td>"; }
QString number_cell(const std::string& text) { return "<td align=\"right\">" + esc(text) + "</td>"; }

constexpr QSize kFigureSize{1200, 600};

// Builds the document; figures are inline SVG (html) or numbered images collected for the PDF.
class ReportBuilder {
public:
    ReportBuilder(const ReportInput& input, ReportFormat format, const ReportProgress& progress = {})
        : m_input(input), m_format(format), m_progress(progress) {}

    QString html() {
        QString h = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(m_input.title) +
            "</title>\n<style>body{font-family:sans-serif;max-width:1200px;margin:auto;padding:1em}"
            "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #999;padding:2px 6px}"
            "th{background:#eee}svg{max-width:100%;height:auto}pre{background:#f6f6f6;padding:0.5em}</style>"
            "</head><body>\n<h1>" +
            esc(m_input.title) + "</h1>\n";
        if (!m_input.note.isEmpty()) h += "<p>" + esc(m_input.note) + "</p>\n";
        for (size_t i = 0; i < m_input.sections.size(); ++i) {
            h += section(m_input.sections[i]);
            if (m_progress) m_progress(int(i + 1), int(m_input.sections.size() + 1));
        }
        if (!m_input.broken.empty()) {
            h += "<h2>" + RunReport::tr("Runs left out") + "</h2>\n<ul>";
            for (const auto& b : m_input.broken) h += "<li>" + esc(b.path) + ": " + esc(b.error) + "</li>";
            h += "</ul>\n";
        }
        h += machine();
        return h + "</body></html>\n";
    }

    const std::vector<Figure>& figures() const { return m_figures; }

private:
    QString figure(Figure f) {
        m_figures.push_back(std::move(f));
        if (m_format == ReportFormat::pdf)
            return QString("<p><img src=\"figure-%1.png\" width=\"640\"></p>\n").arg(m_figures.size());
        const QByteArray svg = figure_bytes(m_figures.back(), FigureFormat::svg, kFigureSize, 96);
        const qsizetype start = svg.indexOf("<svg");  // drop the XML declaration: the SVG goes inside HTML
        return "<p>" + QString::fromUtf8(start < 0 ? svg : svg.mid(start)) + "</p>\n";
    }

    QString section(const ReportSection& s) {
        std::vector<const RunRecord*> runs;
        for (const size_t i : s.runs) runs.push_back(&m_input.runs.at(i));
        const std::vector<RunGroup> groups = group_by_setting(runs);
        const GroupComparison comparison = compare_groups(groups);
        QString h = "<h2>" + esc(s.title) + "</h2>\n";
        if (!s.question.isEmpty()) h += "<p><i>" + esc(s.question) + "</i></p>\n";
        if (groups.empty()) return h + "<p>" + RunReport::tr("No runs.") + "</p>\n";
        h += "<p><b>" + esc(comparison.sentence) + "</b></p>\n";
        h += table(groups, comparison);
        for (const char* metric : {"val_accuracy", "val_loss"}) {
            OverlayData overlay = section_overlay(m_input, s, metric);
            const bool any = std::any_of(overlay.curves.begin(), overlay.curves.end(),
                                         [](const OverlayCurve& c) { return !c.points.isEmpty(); });
            if (any) h += figure(overlay_figure(overlay));
        }
        if (comparison.best) h += confusion(groups[*comparison.best], runs);
        h += "<details><summary>" + RunReport::tr("Reference experiment (the first row), as run") + "</summary><pre>" +
            esc(experiment_to_json(runs[groups[0].runs[0]]->experiment).dump(2)) + "</pre></details>\n";
        h += run_list(s.runs, groups);
        return h;
    }

    static QString table(const std::vector<RunGroup>& groups, const GroupComparison& comparison) {
        const bool val = comparison.metric == "val_accuracy";
        QString h = "<table>\n<tr><th>#</th><th>" + RunReport::tr("setting") + "</th><th>" +
            RunReport::tr("differs from the first row") + "</th><th>" + RunReport::tr("seeds") + "</th><th>" +
            RunReport::tr("best epoch") +
            "</th><th>val_acc %</th><th>val_loss</th>"
            "<th>test_acc %</th><th>" +
            RunReport::tr("epochs") + "</th><th>" + RunReport::tr("seconds") + "</th><th>" + RunReport::tr("vs best") +
            "</th></tr>\n";
        for (size_t i = 0; i < groups.size(); ++i) {
            const RunGroup& g = groups[i];
            std::string vs = "best";
            if (!comparison.best || i != *comparison.best) {
                const RunGroup& best = groups[comparison.best.value_or(0)];
                vs = verdict_text(compare_spreads(val ? best.val_accuracy : best.test_accuracy,
                                                  val ? g.val_accuracy : g.test_accuracy));
            }
            h += "<tr>" + number_cell(std::to_string(i + 1)) + cell(g.name) + cell(i == 0 ? "(reference)" : g.differs) +
                number_cell(std::to_string(g.runs.size())) + number_cell(mean_sd_text(g.best_epoch, 1, 1)) +
                number_cell(mean_sd_text(g.val_accuracy, 100, 2)) + number_cell(mean_sd_text(g.val_loss, 1, 4)) +
                number_cell(mean_sd_text(g.test_accuracy, 100, 2)) + number_cell(mean_sd_text(g.epochs_run, 1, 1)) +
                number_cell(mean_sd_text(g.seconds, 1, 1)) + cell(vs) + "</tr>\n";
        }
        return h + "</table>\n<p><small>" +
            RunReport::tr(
                   "mean ± sample standard deviation over the seeds; val_acc and val_loss of the weights each run kept "
                   "(its last epoch, or the one restored), like test_acc; best epoch by val_loss; \"within the seed spread\": "
                   "|mean difference| &lt;= sd + sd of the two rows' accuracies.") +
            (val ? QString()
                 : QStringLiteral(" ") +
                     RunReport::tr("No run holds out a validation split (validation_split 0): each is evaluated "
                                   "once, on the test set, after training; its best epoch is the lowest training "
                                   "loss, nothing is chosen on the test set.")) +
            "</small></p>\n";
    }

    static QString confusion(const RunGroup& best, const std::vector<const RunRecord*>& runs) {
        const RunRecord& r = *runs[best.runs[0]];
        if (r.test.samples == 0 || r.test.confusion.classes == 0) return {};
        const ConfusionMatrix& m = r.test.confusion;
        QString h = "<p>" +
            RunReport::tr("Test confusion matrix of %1 (seed %2): rows true class, columns predicted")
                .arg(esc(best.name), QString::number(r.experiment.training.seed)) +
            "</p>\n<table><tr><th></th>";
        const auto name = [&](int c) {
            return c < int(r.data.class_names.size()) ? r.data.class_names[c] : std::to_string(c);
        };
        for (int c = 0; c < m.classes; ++c) h += "<th>" + esc(name(c)) + "</th>";
        h += "</tr>\n";
        for (int t = 0; t < m.classes; ++t) {
            h += "<tr><th>" + esc(name(t)) + "</th>";
            for (int c = 0; c < m.classes; ++c) h += number_cell(std::to_string(m.at(t, c)));
            h += "</tr>\n";
        }
        return h + "</table>\n";
    }

    QString run_list(const std::vector<size_t>& indices, const std::vector<RunGroup>& groups) const {
        QString h = "<details><summary>" + RunReport::tr("The runs behind each row") + "</summary><ul>";
        for (size_t g = 0; g < groups.size(); ++g)
            for (const size_t r : groups[g].runs) {
                const size_t i = indices[r];
                const RunRecord& run = m_input.runs[i];
                const QString where = i < m_input.paths.size() ? m_input.paths[i] : QString();
                h += "<li>" +
                    QString("%1. seed %2, %3 epochs, %4 s, threads %5")
                        .arg(g + 1)
                        .arg(run.experiment.training.seed)
                        .arg(run.epochs_run())
                        .arg(run.seconds, 0, 'f', 1)
                        .arg(esc(run.threads)) +
                    (run.message.empty() ? QString() : " - " + esc(run.message)) +
                    (where.isEmpty() ? QString() : " - " + esc(where)) + "</li>";
            }
        return h + "</ul></details>\n";
    }

    QString machine() const {
        const MachineInfo info = machine_info();
        std::set<std::string> threads;
        for (const auto& r : m_input.runs) threads.insert(r.threads);
        QString used;
        for (const auto& t : threads) used += (used.isEmpty() ? "" : "; ") + esc(t);
        return "<h2>" + RunReport::tr("Machine, threads and versions") + "</h2>\n<table>" + "<tr><th>" +
            RunReport::tr("host") + "</th>" + cell(info.hostname) + "</tr><tr><th>CPU</th>" + "<td>" +
            RunReport::tr("%1 (%n logical core(s))", nullptr, info.cores).arg(esc(info.cpu)) + "</td>" +
            "</tr><tr><th>" + RunReport::tr("load when reported") + "</th>" + cell(info.load) + "</tr><tr><th>" +
            RunReport::tr("OpenMP threads of the runs") + "</th><td>" + used + "</td></tr><tr><th>" +
            RunReport::tr("versions") + "</th>" +
            cell(info.mlpw + ", " + info.onednn + ", Qt " + qVersion() + ", " + info.compiler) +
            "</tr></table>\n<p><small>" +
            RunReport::tr(
                   "Host, CPU and load are those of the machine that wrote this report; the runs may have been made "
                   "elsewhere (their threads are as each run recorded them).") +
            "</small></p>\n";
    }

    const ReportInput& m_input;
    ReportFormat m_format;
    ReportProgress m_progress;
    std::vector<Figure> m_figures;
};

QString write_bytes(const QString& path, const QByteArray& bytes) {
    return export_text(path, std::string_view(bytes.constData(), size_t(bytes.size())));
}

}  // namespace

QString report_html(const ReportInput& input, ReportFormat format) { return ReportBuilder(input, format).html(); }

OverlayData section_overlay(const ReportInput& input, const ReportSection& section, const std::string& metric) {
    std::vector<const RunRecord*> runs;
    for (const size_t i : section.runs) runs.push_back(&input.runs.at(i));
    std::vector<MetricGroup> groups;
    for (const RunGroup& g : group_by_setting(runs)) {
        MetricGroup group{QString::fromStdString(g.name), {}};
        for (const size_t r : g.runs) group.runs.push_back(runs[r]->history);
        groups.push_back(std::move(group));
    }
    const QString title = section.title + QStringLiteral(" – ") + QString::fromStdString(metric) +
        RunReport::tr(" (mean over seeds, band: min to max)");
    return metric_overlay(title, metric, groups, BandKind::min_max);
}

std::vector<Figure> report_figures(const ReportInput& input) {
    ReportBuilder builder(input, ReportFormat::pdf);
    builder.html();
    return builder.figures();
}

QString write_report(const ReportInput& input, const QString& path, const ReportProgress& progress) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return write_bytes(path, ReportBuilder(input, ReportFormat::html, progress).html().toUtf8());
    if (suffix != QLatin1String("pdf"))
        return RunReport::tr("%1: the report's file name must end in .html or .pdf").arg(path);
    ReportBuilder builder(input, ReportFormat::pdf, progress);
    QTextDocument document;
    document.setHtml(builder.html());
    for (size_t i = 0; i < builder.figures().size(); ++i) {
        QImage image(kFigureSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        builder.figures()[i].paint(painter, QRectF(QPointF(0, 0), QSizeF(kFigureSize)));
        painter.end();
        document.addResource(QTextDocument::ImageResource, QUrl(QString("figure-%1.png").arg(i + 1)), image);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        writer.setTitle(input.title);
        writer.setCreator(QStringLiteral("MLP Workbench"));
        document.setPageSize(QSizeF(writer.width(), writer.height()));
        document.print(&writer);
    }
    return write_bytes(path, bytes);
}
