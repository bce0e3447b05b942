// See confusion_matrix_view.h.
#include "inspect/confusion_matrix_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

#include "mlpw/io/run_bundle.h"

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : EpochPictureView(parent) {
    setMinimumSize(320, 260);
    rebuild();
}

void ConfusionMatrixView::setRowPercent(bool on) {
    if (on == m_rowPercent) return;
    m_rowPercent = on;
    rebuild();
}

void ConfusionMatrixView::rebuild() {
    m_picture = record() ? confusion_picture(*record(), epoch(), m_rowPercent) : ConfusionPicture();
    if (!record()) m_picture.title = tr("Validation confusion matrix");
    update();
}

QRectF ConfusionMatrixView::cellRect(int truth, int predicted) const {
    return ConfusionLayout(m_picture, rect(), font()).cell(truth, predicted);
}

Figure ConfusionMatrixView::figure() const {
    return picture_figure(*this, m_picture.title, m_picture, &paint_confusion);
}

std::string ConfusionMatrixView::csv() const { return record() ? mlpw::confusions_csv(*record()) : std::string(); }

void ConfusionMatrixView::paintPicture(QPainter& painter, const QRectF& area) const {
    paint_confusion(painter, area, m_picture);
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* event) {
    const auto cell = ConfusionLayout(m_picture, rect(), font()).cellAt(event->position());
    if (event->button() == Qt::LeftButton && cell && !m_picture.test) {  // the gallery shows validation images
        emit cellActivated(cell->first, cell->second);
        return;
    }
    QWidget::mousePressEvent(event);
}

bool ConfusionMatrixView::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const auto cell = ConfusionLayout(m_picture, rect(), font()).cellAt(help->pos());
    if (!cell) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const auto [t, p] = *cell;
    int64_t row = 0;
    for (int c = 0; c < m_picture.size(); ++c) row += m_picture.matrix.at(t, c);
    const double percent = row > 0 ? 100.0 * double(m_picture.matrix.at(t, p)) / double(row) : 0.0;
    QToolTip::showText(help->globalPos(),
                       tr("true %1, predicted %2: %L3 of %L4 images (%5%)\nclick to see them")
                           .arg(m_picture.classes[t], m_picture.classes[p])
                           .arg(m_picture.matrix.at(t, p))
                           .arg(row)
                           .arg(QString::number(percent, 'f', 1)),
                       this);
    return true;
}
