// See export_actions.h.
#include "export/export_actions.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QWidget>

namespace {

// The translation context of this file's texts ("ExportActions").
struct ExportActions {
    Q_DECLARE_TR_FUNCTIONS(ExportActions)
};

// "Validation confusion matrix, epoch 3 of 5" -> ~/validation_confusion_matrix_epoch_3_of_5
QString suggested_path(const QString& title) {
    QString name = title.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    return QDir::home().filePath(name.isEmpty() ? QStringLiteral("figure") : name.left(80));
}

void report(QWidget* view, const QString& error) {
    if (!error.isEmpty()) QMessageBox::warning(view, ExportActions::tr("Export failed"), error);
}

}  // namespace

void add_export_actions(QWidget* view, std::function<Figure()> figure, std::function<std::string()> csv,
                        const QString& csvName) {
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* picture = new QAction(ExportActions::tr("Export picture (PNG, SVG)..."), view);
    QObject::connect(picture, &QAction::triggered, view, [view, figure] {
        const Figure f = figure();
        QString selected;
        const QString png = ExportActions::tr("PNG image (*.png)"), svg = ExportActions::tr("SVG drawing (*.svg)");
        QString path = QFileDialog::getSaveFileName(view, ExportActions::tr("Export picture"),
                                                    suggested_path(f.title) + ".png", png + ";;" + svg, &selected);
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += selected == svg ? ".svg" : ".png";
        report(view, export_figure(f, path));
    });
    view->addAction(picture);
    if (!csv) return;
    auto* table = new QAction(ExportActions::tr("Export CSV..."), view);
    QObject::connect(table, &QAction::triggered, view, [view, csv, csvName] {
        QString path =
            QFileDialog::getSaveFileName(view, ExportActions::tr("Export CSV"), suggested_path(csvName) + ".csv",
                                         ExportActions::tr("CSV table (*.csv)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
        report(view, export_text(path, csv()));
    });
    view->addAction(table);
}
