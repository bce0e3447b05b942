#pragma once
// The data tab: the current experiment's data set (MNIST, Fashion-MNIST or an IDX folder, through the
// DatasetCache) as paintDataOverview draws it: class distribution of the training part, the validation part and
// the test set, image size, value range, the mean image and sample images per class. Loading and the statistics
// run off the GUI thread, and only while the tab is shown. Exports the picture (PNG/SVG).
#include <QWidget>

#include <memory>

#include "inspect/data_overview.h"
#include "mlpw/experiment/experiment.h"

class QLabel;
class QToolButton;
class DatasetCache;
class ExperimentEditor;

class DataView : public QWidget {
    Q_OBJECT
public:
    DataView(DatasetCache* cache, ExperimentEditor* editor, QWidget* parent = nullptr);

    std::shared_ptr<const DataOverview> overview() const { return m_overview; }
    QString statusText() const;
    // Writes the picture (.png/.svg, 1600x1000); returns "" or the problem.
    QString exportPicture(const QString& path) const;

public slots:
    // Shows `spec`'s data set (source and validation split), loading and computing when they changed.
    void showData(const mlpw::DataSpec& spec);

signals:
    void overviewChanged();  // a new overview is shown, or it failed (statusText says why)

protected:
    void showEvent(QShowEvent* event) override;

private:
    void exportDialog();
    void setMessage(const QString& text);

    DatasetCache* m_cache;
    ExperimentEditor* m_editor;
    QWidget* m_canvas;
    QLabel* m_status;
    QToolButton* m_export;
    std::shared_ptr<const DataOverview> m_overview;
    mlpw::DataSpec m_shown;  // what m_overview (or the work under way) is of
    bool m_hasShown = false;
    quint64 m_generation = 0;
};
