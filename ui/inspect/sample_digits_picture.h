#pragma once
// The run's fixed validation sample panel (mlpw::SamplePanel) at one epoch, as a picture for the window and for
// exports: one row per true class, each image with its predicted class and confidence, wrong ones framed red.
#include <QImage>
#include <QRectF>
#include <QStringList>
#include <vector>

#include "mlpw/training/run_record.h"

class QPainter;

struct SampleDigit {
    QImage image;        // the panel image (grey, as in the data set)
    int label = 0;       // the true class
    int predicted = -1;  // -1: no prediction at this epoch
    float confidence = 0.0f;
    bool wrong() const { return predicted >= 0 && predicted != label; }
};

struct SampleDigitsPicture {
    QString title;
    QStringList classes;
    std::vector<SampleDigit> digits;  // the panel's order: by class, then position in the validation split
    QString empty;                    // what a picture without digits says instead
    int wrongCount() const;
};

// The images of a panel, built once per panel (they do not change between epochs).
std::vector<QImage> panel_images(const mlpw::SamplePanel& panel);
// Epoch `epoch` (1-based) of the record: `images` are panel_images(record.sample_panel). A run without validation
// (validation_split 0) has no panel: its picture says so and where its test set's images are (the gallery).
SampleDigitsPicture sample_digits_picture(const mlpw::RunRecord& record, int epoch, const std::vector<QImage>& images);
void paint_sample_digits(QPainter& painter, const QRectF& area, const SampleDigitsPicture& picture);
