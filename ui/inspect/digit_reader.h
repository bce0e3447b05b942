#pragma once
// Classifies drawings off the GUI thread: lives on its own QThread (DrawingPanel owns it), takes the model as a
// run snapshot or a model file and builds its network there, and answers each read() with a reading. The panel
// sends one drawing at a time and the newest one next, so the reader never falls behind the pen.
#include <QImage>
#include <QMetaType>
#include <QObject>

#include <memory>

#include "mlpw/io/model_io.h"
#include "mlpw/training/digit_classifier.h"
#include "run/training_types.h"

Q_DECLARE_METATYPE(mlpw::DigitReading)
Q_DECLARE_METATYPE(std::shared_ptr<const mlpw::ModelFile>)

class DigitReader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~DigitReader() override;

public slots:
    // The run's final weights (the last completed epoch's); a null record or one without weights: no model.
    void useRun(const RunSnapshot& record);
    void useModel(const std::shared_ptr<const mlpw::ModelFile>& model);
    // A picture of the canvas (grey, light ink on dark); answers with readingReady.
    void read(const QImage& drawing);

signals:
    // seconds: preprocessing and the forward pass of this reading, on this thread.
    void readingReady(const mlpw::DigitReading& reading, double seconds);
    // The model cannot read drawings (not 28x28 images, weights that do not fit): the message says why.
    void modelRejected(const QString& message);

private:
    void build(const mlpw::ModelFile& model);
    std::unique_ptr<mlpw::DigitClassifier> m_classifier;
};
