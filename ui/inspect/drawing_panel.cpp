#include "inspect/drawing_panel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "export/figure_export.h"
#include "inspect/digit_canvas.h"
#include "inspect/digit_reader.h"
#include "inspect/reading_view.h"
#include "run/tsan_handover.h"

namespace {

QStringList qt_names(const std::vector<std::string>& names) {
    QStringList list;
    for (const std::string& n : names) list << QString::fromStdString(n);
    return list;
}

}  // namespace

DrawingPanel::DrawingPanel(const QString& myDigitsFolder, QWidget* parent)
    : QWidget(parent), m_canvas(new DigitCanvas(this)), m_view(new ReadingView(this)), m_model(new QLabel(this)),
      m_timing(new QLabel(this)), m_myDigitsText(new QLabel(this)), m_keep(new QToolButton(this)),
      m_keepMenu(new QMenu(this)), m_pen(new QSpinBox(this)), m_reader(new DigitReader), m_myDigits(myDigitsFolder) {
    qRegisterMetaType<mlpw::DigitReading>();
    qRegisterMetaType<std::shared_ptr<const mlpw::ModelFile>>();
    qRegisterMetaType<RunSnapshot>();
    m_thread.setObjectName(QStringLiteral("digit reader"));
    m_reader->moveToThread(&m_thread);
    // The reader's thread ends with a hand-over to the destructor, which joins it and deletes the reader.
    connect(
        &m_thread, &QThread::finished, &m_thread, [this] { tsan::handOver(&m_thread); }, Qt::DirectConnection);
    connect(this, &DrawingPanel::readRequested, m_reader, &DigitReader::read);
    connect(this, &DrawingPanel::runRequested, m_reader, &DigitReader::useRun);
    connect(this, &DrawingPanel::modelRequested, m_reader, &DigitReader::useModel);
    connect(m_reader, &DigitReader::readingReady, this, &DrawingPanel::onReading);
    connect(m_reader, &DigitReader::modelRejected, this, [this](const QString& message) {
        m_hasModel = false;
        m_model->setText(tr("This model cannot read drawings: %1").arg(message));
    });
    m_thread.start();

    m_model->setWordWrap(true);
    m_model->setText(
        tr("No model yet: train one (Run > Start) or open a model file. The 28x28 the network "
           "would see is shown meanwhile."));
    m_pen->setRange(4, 64);
    m_pen->setValue(int(DigitDrawing::kDefaultPen));
    m_pen->setSuffix(tr(" px"));
    m_pen->setToolTip(tr("Pen width on the %1 px canvas").arg(DigitDrawing::kSide));
    connect(m_pen, &QSpinBox::valueChanged, this, [this](int px) { m_canvas->setPenWidth(px); });

    auto* undo = new QAction(tr("&Undo stroke"), this);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undo, &QAction::triggered, m_canvas, &DigitCanvas::undo);
    auto* clear = new QAction(tr("&Clear"), this);
    clear->setShortcut(Qt::Key_Escape);
    clear->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(clear, &QAction::triggered, m_canvas, &DigitCanvas::clear);
    addActions({undo, clear});
    auto* undoButton = new QToolButton(this);
    undoButton->setDefaultAction(undo);
    auto* clearButton = new QToolButton(this);
    clearButton->setDefaultAction(clear);
    m_keep->setText(tr("&Keep as…"));
    m_keep->setToolTip(tr("Label this drawing and add it to My digits, scored after every epoch"));
    m_keep->setPopupMode(QToolButton::InstantPopup);
    m_keep->setMenu(m_keepMenu);
    auto* exportButton = new QPushButton(tr("&Export…"), this);
    connect(exportButton, &QPushButton::clicked, this, &DrawingPanel::exportFigure);

    auto* tools = new QHBoxLayout;
    tools->addWidget(undoButton);
    tools->addWidget(clearButton);
    tools->addWidget(new QLabel(tr("Pen:"), this));
    tools->addWidget(m_pen);
    tools->addStretch();
    tools->addWidget(m_keep);
    tools->addWidget(exportButton);
    auto* sides = new QHBoxLayout;
    sides->addWidget(m_canvas, 3);
    sides->addWidget(m_view, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_model);
    layout->addLayout(sides, 1);
    layout->addLayout(tools);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_myDigitsText, 1);
    footer->addWidget(m_timing);
    layout->addLayout(footer);
    m_myDigitsText->setWordWrap(true);

    connect(m_canvas, &DigitCanvas::changed, this, &DrawingPanel::sendDrawing);
    setClassNames(qt_names(mlpw::Dataset{}.class_names));
    const QString problem = m_myDigits.load();
    updateMyDigitsText(problem);
    sendDrawing();
}

DrawingPanel::~DrawingPanel() {
    m_thread.quit();
    m_thread.wait();            // at most one reading (milliseconds)
    tsan::takeOver(&m_thread);  // the join (a futex in libQt6Core; tsan_handover.h)
    delete m_reader;
}

QString DrawingPanel::modelText() const { return m_model->text(); }

void DrawingPanel::setClassNames(const QStringList& given) {
    QStringList names = given;
    if (names.isEmpty())
        for (int c = 0; c < 10; ++c) names << QString::number(c);
    m_classNames = names;
    m_view->setClassNames(names);
    m_keepMenu->clear();
    for (int c = 0; c < names.size(); ++c) m_keepMenu->addAction(names[c], this, [this, c] { keepAs(c); });
}

void DrawingPanel::showRun(const RunSnapshot& record) {
    if (!record || record->final_weights.empty()) return;  // a run before its first epoch: keep what reads now
    m_hasModel = true;
    setClassNames(qt_names(record->data.class_names));
    const int epochs = record->experiment.training.epochs;
    m_model->setText(
        tr("Model: the run \"%1\" on %2, weights of epoch %3 of %4")
            .arg(QString::fromStdString(record->experiment.name), QString::fromStdString(record->data.name))
            .arg(record->epochs_run())
            .arg(epochs));
    tsan::handOver(&m_thread);  // the snapshot this thread got from the run, now read by the reader
    emit runRequested(record);
    sendDrawing();
}

void DrawingPanel::showModel(const std::shared_ptr<const mlpw::ModelFile>& model, const QString& name) {
    if (!model) return;
    m_hasModel = true;
    setClassNames(qt_names(model->class_names));
    m_model->setText(tr("Model: %1 (\"%2\"), trained for %n epoch(s)", nullptr, int(model->history.size()))
                         .arg(name, QString::fromStdString(model->experiment.name)));
    tsan::handOver(&m_thread);
    emit modelRequested(model);
    sendDrawing();
}

// One drawing with the reader at a time; a change meanwhile is sent when its reading comes back.
void DrawingPanel::sendDrawing() {
    if (m_busy) {
        m_pending = true;
        return;
    }
    m_busy = true;
    m_pending = false;
    tsan::handOver(&m_thread);
    emit readRequested(m_canvas->drawing().image());
}

void DrawingPanel::onReading(const mlpw::DigitReading& reading, double seconds) {
    tsan::takeOver(&m_thread);
    m_busy = false;
    m_lastSeconds = seconds;
    m_view->showReading(reading);
    m_view->setNote(!reading.input ? tr("Nothing to read: draw a digit")
                                   : (!m_hasModel ? tr("No model to read it") : QString()));
    m_keep->setEnabled(reading.input.has_value());
    m_timing->setText(tr("read in %1 ms").arg(seconds * 1e3, 0, 'f', 1));
    if (m_pending) sendDrawing();
}

bool DrawingPanel::keepAs(int label) {
    const mlpw::DigitReading& reading = m_view->reading();
    if (!reading.input || isReading()) {
        updateMyDigitsText(tr("Nothing to keep: draw a digit first"));
        return false;
    }
    const QString problem = m_myDigits.keep(*reading.input, label);
    if (!problem.isEmpty()) {
        updateMyDigitsText(problem);
        return false;
    }
    updateMyDigitsText(tr("Kept as %1.").arg(m_classNames.value(label, QString::number(label))));
    emit myDigitsChanged(m_myDigits.set());
    return true;
}

void DrawingPanel::updateMyDigitsText(const QString& message) {
    const QString count = tr("My digits: %n drawing(s) in %1, scored after every epoch", nullptr, m_myDigits.count())
                              .arg(m_myDigits.folder());
    m_myDigitsText->setText(message.isEmpty() ? count : message + QLatin1Char(' ') + count);
}

Figure DrawingPanel::figure() const {
    const QImage drawing = m_canvas->drawing().image();
    const ReadingView* view = m_view;
    return {tr("Drawing read by the network"), [drawing, view](QPainter& painter, const QRectF& area) {
                const double side = std::min(area.width() * 0.55, area.height());
                painter.fillRect(area, view->palette().base());
                painter.setRenderHint(QPainter::SmoothPixmapTransform);
                painter.drawImage(QRectF(area.left(), area.top() + (area.height() - side) / 2, side, side), drawing);
                view->paint(painter, QRectF(area.left() + side, area.top(), area.width() - side, area.height()));
            }};
}

void DrawingPanel::exportFigure() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the drawing"), QStringLiteral("drawing.png"),
                                                      tr("Pictures (*.png *.svg)"));
    if (path.isEmpty()) return;
    const QString problem = export_figure(figure(), path, QSize(1200, 700));
    updateMyDigitsText(problem.isEmpty() ? tr("Exported to %1.").arg(QFileInfo(path).fileName()) : problem);
}
