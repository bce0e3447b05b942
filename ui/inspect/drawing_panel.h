#pragma once
// The Draw view: the canvas, what the network sees and says about the drawing (updated while the person draws),
// which model reads it, and "Keep as..." for My digits. The model is the current run's (a snapshot at every
// epoch end, so it reads while training goes on) or a loaded model file, whichever arrived last.
// Reading runs on the DigitReader's thread; the panel sends it one drawing at a time, the newest next.
#include <QImage>
#include <QStringList>
#include <QThread>
#include <QWidget>

#include <memory>

#include "inspect/my_digits.h"
#include "mlpw/io/model_io.h"
#include "mlpw/training/digit_classifier.h"
#include "run/training_types.h"

class QLabel;
class QMenu;
class QSpinBox;
class QToolButton;
class DigitCanvas;
class DigitReader;
class ReadingView;
struct Figure;

class DrawingPanel : public QWidget {
    Q_OBJECT
public:
    // myDigitsFolder: where "Keep as..." writes (MyDigits::defaultFolder() in the window).
    explicit DrawingPanel(const QString& myDigitsFolder = MyDigits::defaultFolder(), QWidget* parent = nullptr);
    ~DrawingPanel() override;

    DigitCanvas* canvas() const { return m_canvas; }
    ReadingView* readingView() const { return m_view; }
    QString modelText() const;
    std::shared_ptr<const mlpw::ImageSet> myDigits() const { return m_myDigits.set(); }
    // The canvas and the reading side by side.
    Figure figure() const;
    // True while a drawing is being read (tests wait for false).
    bool isReading() const { return m_busy || m_pending; }
    double lastReadSeconds() const { return m_lastSeconds; }

public slots:
    void showRun(const RunSnapshot& record);
    // A model loaded from a file (File > Open model); `name` says which in the panel.
    void showModel(const std::shared_ptr<const mlpw::ModelFile>& model, const QString& name);
    // Adds the current drawing's 28x28 to My digits with class `label`; false (and a message) when there is
    // nothing to keep or the files cannot be written.
    bool keepAs(int label);

signals:
    void myDigitsChanged(std::shared_ptr<const mlpw::ImageSet> set);
    void readRequested(const QImage& drawing);
    void runRequested(const RunSnapshot& record);
    void modelRequested(const std::shared_ptr<const mlpw::ModelFile>& model);

private:
    void sendDrawing();
    void onReading(const mlpw::DigitReading& reading, double seconds);
    void setClassNames(const QStringList& names);
    void updateMyDigitsText(const QString& message = {});
    void exportFigure();

    DigitCanvas* m_canvas;
    ReadingView* m_view;
    QLabel* m_model;
    QLabel* m_timing;
    QLabel* m_myDigitsText;
    QToolButton* m_keep;
    QMenu* m_keepMenu;
    QSpinBox* m_pen;
    QThread m_thread;
    DigitReader* m_reader;  // lives in m_thread; deleted by the destructor after the thread has ended
    MyDigits m_myDigits;
    QStringList m_classNames;
    bool m_hasModel = false;
    bool m_busy = false;     // a drawing is with the reader
    bool m_pending = false;  // the drawing changed since it was sent
    double m_lastSeconds = 0.0;
};
