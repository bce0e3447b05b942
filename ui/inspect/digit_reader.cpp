#include "inspect/digit_reader.h"

#include <chrono>

#include "inspect/grey_picture.h"
#include "run/tsan_handover.h"

DigitReader::~DigitReader() = default;

// The key of the hand-overs with the panel (tsan_handover.h) is the thread object: the panel's m_thread.
void DigitReader::useRun(const RunSnapshot& record) {
    tsan::takeOver(thread());
    if (!record || record->final_weights.empty()) {
        m_classifier.reset();
        return;
    }
    build(mlpw::model_file_of(*record, record->final_weights));
}

void DigitReader::useModel(const std::shared_ptr<const mlpw::ModelFile>& model) {
    tsan::takeOver(thread());
    if (!model) m_classifier.reset();
    else build(*model);
}

void DigitReader::build(const mlpw::ModelFile& model) {
    m_classifier.reset();
    try {
        m_classifier = std::make_unique<mlpw::DigitClassifier>(model);
    } catch (const std::exception& e) {
        emit modelRejected(QString::fromUtf8(e.what()));
    }
}

void DigitReader::read(const QImage& drawing) {
    tsan::takeOver(thread());
    const auto start = std::chrono::steady_clock::now();
    mlpw::DigitReading reading;
    if (m_classifier) reading = m_classifier->read(grey_picture_of(drawing), mlpw::InkPolarity::light_on_dark);
    else reading.input = mlpw::preprocess_digit(grey_picture_of(drawing), mlpw::InkPolarity::light_on_dark);
    tsan::handOver(thread());
    emit readingReady(reading, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}
