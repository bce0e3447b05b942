#pragma once
// The data part of an experiment: MNIST, Fashion-MNIST or a folder of IDX files, the validation split and the
// normalisation, with a preview of a few training images and their labels.
#include <QWidget>

#include <memory>

#include "mlpw/experiment/experiment.h"

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class DatasetCache;
namespace mlpw {
struct Dataset;
}

class DataPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataPanel(DatasetCache* cache, QWidget* parent = nullptr);
    void setSpec(const mlpw::DataSpec& spec);
    void applyTo(mlpw::DataSpec& spec) const;
    QString source() const;

signals:
    void edited();

private:
    void onSourceChosen();
    void requestPreview();
    void showPreview(const QString& source, std::shared_ptr<const mlpw::Dataset> data);

    DatasetCache* m_cache;
    QComboBox* m_source;
    QLineEdit* m_folder;
    QPushButton* m_browse;
    QDoubleSpinBox* m_split;
    QComboBox* m_normalization;
    QLabel* m_info;
    QGridLayout* m_preview;
};
