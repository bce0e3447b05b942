#include "editor/data_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "run/dataset_cache.h"

namespace {
constexpr int kPreviewColumns = 8;
constexpr int kPreviewImages = 16;
}  // namespace

DataPanel::DataPanel(DatasetCache* cache, QWidget* parent)
    : QWidget(parent), m_cache(cache), m_source(new QComboBox(this)), m_folder(new QLineEdit(this)),
      m_browse(new QPushButton(tr("&Browse…"), this)), m_split(new QDoubleSpinBox(this)),
      m_normalization(new QComboBox(this)), m_info(new QLabel(this)), m_preview(new QGridLayout) {
    m_source->addItem(tr("MNIST (handwritten digits)"), "mnist");
    m_source->addItem(tr("Fashion-MNIST (clothing)"), "fashion_mnist");
    m_source->addItem(tr("Folder of IDX files"), "folder");
    m_source->setToolTip(tr("The images to learn from: 60,000 training and 10,000 test images of 28x28 pixels"));
    m_folder->setPlaceholderText(tr("folder with train-images-idx3-ubyte, …"));
    m_folder->setToolTip(tr("A folder holding the four IDX files (plain or .gz), MNIST layout"));
    m_browse->setToolTip(tr("Choose the folder of IDX files"));
    m_split->setRange(0.0, 0.95);
    m_split->setSingleStep(0.05);
    m_split->setDecimals(3);
    m_split->setToolTip(
        tr("Fraction of the training images held out for validation, taken from the end before "
           "shuffling (Keras fit(validation_split=...), default 0; the study uses 0.25)"));
    m_normalization->addItems({"scale", "standardize", "none"});
    m_normalization->setToolTip(
        tr("scale: pixel / 255 (the study's choice); standardize: zero mean, unit variance "
           "from the training part; none: raw 0..255"));
    m_info->setWordWrap(true);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&Data set"), m_source);
    form->addRow(tr("Folder"), folderRow);
    form->addRow(tr("&Validation split"), m_split);
    form->addRow(tr("&Normalisation"), m_normalization);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_info);
    m_preview->setSpacing(4);
    layout->addLayout(m_preview);
    layout->addStretch();

    connect(m_source, &QComboBox::activated, this, &DataPanel::onSourceChosen);
    connect(m_folder, &QLineEdit::editingFinished, this, [this] {
        emit edited();
        requestPreview();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of IDX files"), m_folder->text());
        if (dir.isEmpty()) return;
        m_folder->setText(dir);
        emit edited();
        requestPreview();
    });
    connect(m_split, &QDoubleSpinBox::valueChanged, this, &DataPanel::edited);
    connect(m_normalization, &QComboBox::currentIndexChanged, this, &DataPanel::edited);
    connect(m_cache, &DatasetCache::loaded, this, &DataPanel::showPreview);
    connect(m_cache, &DatasetCache::failed, this, [this](const QString& source, const QString& message) {
        if (source == this->source()) m_info->setText(tr("Cannot load the data: %1").arg(message));
    });
}

QString DataPanel::source() const {
    const QString kind = m_source->currentData().toString();
    return kind == QLatin1String("folder") ? m_folder->text().trimmed() : kind;
}

void DataPanel::setSpec(const mlpw::DataSpec& d) {
    const QSignalBlocker b1(m_split), b2(m_normalization);
    const QString source = QString::fromStdString(d.source);
    const int known = m_source->findData(source);
    m_source->setCurrentIndex(known >= 0 ? known : m_source->findData("folder"));
    m_folder->setText(known >= 0 ? QString() : source);
    m_folder->setEnabled(known < 0);
    m_browse->setEnabled(known < 0);
    m_split->setValue(d.validation_split);
    m_normalization->setCurrentText(QString::fromStdString(mlpw::to_string(d.normalization)));
    requestPreview();
}

void DataPanel::applyTo(mlpw::DataSpec& d) const {
    d.source = source().toStdString();
    d.validation_split = float(m_split->value());
    mlpw::parse_normalization(m_normalization->currentText().toStdString(), d.normalization);
}

void DataPanel::onSourceChosen() {
    const bool folder = m_source->currentData().toString() == QLatin1String("folder");
    m_folder->setEnabled(folder);
    m_browse->setEnabled(folder);
    if (folder && m_folder->text().isEmpty()) m_folder->setFocus();
    emit edited();
    requestPreview();
}

void DataPanel::requestPreview() {
    const QString s = source();
    if (s.isEmpty()) return;
    m_info->setText(tr("Loading %1…").arg(s));
    m_cache->request(s);
}

void DataPanel::showPreview(const QString& source, std::shared_ptr<const mlpw::Dataset> data) {
    if (source != this->source() || !data) return;
    m_info->setText(tr("%1: %L2 training and %L3 test images of %4x%5 pixels, %6 classes")
                        .arg(QString::fromStdString(data->name))
                        .arg(data->train.count)
                        .arg(data->test.count)
                        .arg(data->train.rows)
                        .arg(data->train.cols)
                        .arg(data->num_classes()));
    while (QLayoutItem* item = m_preview->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int n = std::min(kPreviewImages, data->train.count);
    for (int i = 0; i < n; ++i) {
        const auto& set = data->train;
        QImage image(set.image(i), set.cols, set.rows, set.cols, QImage::Format_Grayscale8);
        auto* picture = new QLabel(this);
        picture->setPixmap(QPixmap::fromImage(image.copy()).scaled(set.cols * 2, set.rows * 2));
        const QString label = QString::fromStdString(data->class_names[set.labels[size_t(i)]]);
        picture->setToolTip(tr("Training image %1, label %2").arg(i).arg(label));
        auto* caption = new QLabel(label, this);
        caption->setAlignment(Qt::AlignHCenter);
        auto* cell = new QVBoxLayout;
        cell->addWidget(picture, 0, Qt::AlignHCenter);
        cell->addWidget(caption);
        auto* holder = new QWidget(this);
        holder->setLayout(cell);
        cell->setContentsMargins(0, 0, 0, 0);
        m_preview->addWidget(holder, i / kPreviewColumns, i % kPreviewColumns);
    }
}
