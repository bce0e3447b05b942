// See sample_digits_picture.h.
#include "inspect/sample_digits_picture.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

#include "inspect/colour_scale.h"
#include "mlpw/report/keras_format.h"

namespace {

// The translation context of this file's texts ("SampleDigitsText").
struct SampleDigitsText {
    Q_DECLARE_TR_FUNCTIONS(SampleDigitsText)
};

const QColor kWrong(214, 39, 40);
const QColor kRight(30, 120, 30);

// Consecutive digits of one class: [first, last) per row of the picture.
std::vector<std::pair<int, int>> class_rows(const std::vector<SampleDigit>& digits) {
    std::vector<std::pair<int, int>> rows;
    for (int i = 0; i < int(digits.size()); ++i) {
        if (rows.empty() || digits[size_t(i)].label != digits[size_t(rows.back().first)].label) rows.push_back({i, i});
        rows.back().second = i + 1;
    }
    return rows;
}

}  // namespace

int SampleDigitsPicture::wrongCount() const {
    return int(std::count_if(digits.begin(), digits.end(), [](const SampleDigit& d) { return d.wrong(); }));
}

std::vector<QImage> panel_images(const mlpw::SamplePanel& panel) {
    std::vector<QImage> images;
    images.reserve(size_t(panel.size()));
    for (int i = 0; i < panel.size(); ++i)
        images.push_back(QImage(panel.image(i), panel.cols, panel.rows, panel.cols, QImage::Format_Grayscale8).copy());
    return images;
}

SampleDigitsPicture sample_digits_picture(const mlpw::RunRecord& record, int epoch, const std::vector<QImage>& images) {
    SampleDigitsPicture picture;
    for (const std::string& name : record.data.class_names) picture.classes << QString::fromStdString(name);
    const mlpw::SamplePanel& panel = record.sample_panel;
    const int k = int(record.data.class_names.size());
    const std::vector<float>* p = epoch >= 1 && epoch <= int(record.validation.size())
        ? &record.validation[size_t(epoch - 1)].panel_probabilities
        : nullptr;
    const bool predicted = p && k > 0 && p->size() == size_t(panel.size()) * size_t(k);
    for (int i = 0; i < panel.size(); ++i) {
        SampleDigit digit;
        digit.image = i < int(images.size()) ? images[size_t(i)] : QImage();
        digit.label = panel.labels[size_t(i)];
        if (predicted) {
            const float* row = p->data() + size_t(i) * size_t(k);
            digit.predicted = int(std::max_element(row, row + k) - row);
            digit.confidence = row[digit.predicted];
        }
        picture.digits.push_back(digit);
    }
    picture.title = predicted ? SampleDigitsText::tr("Validation samples, epoch %1: %2 of %3 right")
                                    .arg(epoch)
                                    .arg(panel.size() - picture.wrongCount())
                                    .arg(panel.size())
                              : SampleDigitsText::tr("Validation samples");
    if (panel.size() > 0) return picture;
    if (record.validates()) {
        picture.empty = SampleDigitsText::tr("No sample panel (the record holds no validation samples)");
        return picture;
    }
    picture.title = SampleDigitsText::tr("No validation samples (validation_split 0)");
    picture.empty = SampleDigitsText::tr(
        "This run holds out no validation images, so there are no samples to follow from epoch to epoch. Its "
        "evaluation is the test set, once, after training: the Gallery tab shows those images with their "
        "predictions.");
    if (record.test.samples > 0)
        picture.empty += QLatin1Char('\n') +
            SampleDigitsText::tr("Test set: accuracy %1 on %L2 images.")
                .arg(QString::fromStdString(mlpw::metric_value(record.test.accuracy)))
                .arg(record.test.samples);
    return picture;
}

void paint_sample_digits(QPainter& painter, const QRectF& area, const SampleDigitsPicture& picture) {
    painter.save();
    const QFont font = picture_font(painter.font(), area);
    painter.setFont(font);
    const double line = QFontMetricsF(font).height();
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    const QRectF title(area.left(), area.top(), area.width(), 2.0 * line);
    painter.drawText(title, Qt::AlignCenter | Qt::TextWordWrap, picture.title);
    painter.setFont(font);
    const auto rows = class_rows(picture.digits);
    if (rows.empty()) {
        const double margin = 2.0 * line;
        painter.drawText(area.adjusted(margin, title.height(), -margin, 0), Qt::AlignCenter | Qt::TextWordWrap,
                         picture.empty);
        painter.restore();
        return;
    }
    int perRow = 1;
    for (const auto& [first, last] : rows) perRow = std::max(perRow, last - first);
    double names = 0;
    for (const QString& name : picture.classes) names = std::max(names, QFontMetricsF(font).horizontalAdvance(name));
    names += line;
    // Each tile: the image, then a line of text; as large as the area allows.
    const double width = (area.width() - names) / perRow;
    const double height = (area.height() - title.height()) / double(rows.size());
    const double image = std::max(4.0, std::min(width * 0.85, height - 1.3 * line));
    const double tileWidth = std::max(image / 0.85, std::min(width, 3.0 * image));
    const double tileHeight = image + 1.3 * line;
    QFont small = font;
    small.setPixelSize(std::max(7, int(font.pixelSize() * 0.85)));
    for (size_t r = 0; r < rows.size(); ++r) {
        const double y = title.bottom() + double(r) * tileHeight;
        const int label = picture.digits[size_t(rows[r].first)].label;
        painter.setPen(Qt::black);
        painter.setFont(font);
        painter.drawText(QRectF(area.left(), y, names - line / 2, image), Qt::AlignRight | Qt::AlignVCenter,
                         label < picture.classes.size() ? picture.classes[label] : QString::number(label));
        for (int i = rows[r].first; i < rows[r].second; ++i) {
            const SampleDigit& d = picture.digits[size_t(i)];
            const double x = area.left() + names + (i - rows[r].first) * tileWidth;
            const QRectF target(x + (tileWidth - image) / 2, y, image, image);
            painter.drawImage(target, d.image);
            if (d.wrong()) painter.setPen(QPen(kWrong, std::max(2.0, image / 14)));
            else painter.setPen(QPen(QColor(200, 200, 200), 1));
            painter.drawRect(target);
            if (d.predicted < 0) continue;
            painter.setFont(small);
            painter.setPen(d.wrong() ? kWrong : kRight);
            const QString name =
                d.predicted < picture.classes.size() ? picture.classes[d.predicted] : QString::number(d.predicted);
            const QString text = QStringLiteral("%1 %2%").arg(name).arg(qRound(100.0f * d.confidence));
            painter.drawText(QRectF(x, y + image, tileWidth, 1.3 * line), Qt::AlignHCenter | Qt::AlignTop,
                             QFontMetricsF(small).elidedText(text, Qt::ElideMiddle, tileWidth));
        }
    }
    painter.restore();
}
