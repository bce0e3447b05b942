#include "inspect/reading_view.h"

#include <QPainter>

#include <algorithm>

#include "inspect/grey_picture.h"

ReadingView::ReadingView(QWidget* parent) : QWidget(parent) {
    for (int c = 0; c < 10; ++c) m_classNames << QString::number(c);
    setMinimumSize(220, 300);
}

void ReadingView::setClassNames(const QStringList& names) {
    m_classNames = names;
    update();
}

void ReadingView::showReading(const mlpw::DigitReading& reading) {
    m_reading = reading;
    update();
}

void ReadingView::setNote(const QString& note) {
    m_note = note;
    update();
}

QString ReadingView::topClassName() const {
    if (m_reading.predicted < 0) return {};
    return m_reading.predicted < m_classNames.size() ? m_classNames[m_reading.predicted]
                                                     : QString::number(m_reading.predicted);
}

void ReadingView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paint(painter, rect());
}

// Top: the 28x28 input (left) and the top class with its probability (right); below: one bar per class.
void ReadingView::paint(QPainter& painter, const QRectF& area) const {
    painter.save();
    painter.fillRect(area, palette().base());
    const double margin = std::max(6.0, area.width() / 40.0);
    const QRectF inner = area.adjusted(margin, margin, -margin, -margin);
    const double side = std::min(inner.width() * 0.5, inner.height() * 0.4);
    const QRectF input(inner.topLeft(), QSizeF(side, side));
    painter.fillRect(input, Qt::black);
    if (m_reading.input) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);  // MNIST's pixels, square
        painter.drawImage(input, image_of_digit(*m_reading.input));
    }
    painter.setPen(palette().mid().color());
    painter.drawRect(input);

    QFont font = painter.font();
    const QRectF top(input.right() + margin, inner.top(), inner.right() - input.right() - margin, side);
    painter.setPen(palette().text().color());
    QString headline = topClassName();
    font.setPixelSize(int(std::max(12.0, headline.size() > 2 ? side / 6 : side * 0.6)));
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(top.adjusted(0, 0, 0, -side * 0.25), Qt::AlignCenter | Qt::TextWordWrap,
                     headline.isEmpty() ? QStringLiteral("?") : headline);
    font.setBold(false);
    font.setPixelSize(int(std::max(10.0, side / 10)));
    painter.setFont(font);
    const QString caption = m_reading.predicted < 0
        ? m_note
        : tr("p = %1").arg(double(m_reading.probabilities[size_t(m_reading.predicted)]), 0, 'f', 3);
    painter.drawText(QRectF(top.left(), top.bottom() - side * 0.25, top.width(), side * 0.25),
                     Qt::AlignCenter | Qt::TextWordWrap, caption);

    // One row per class: name, bar, probability.
    const int classes = int(m_classNames.size());
    const QRectF bars(inner.left(), input.bottom() + margin, inner.width(), inner.bottom() - input.bottom() - margin);
    const double row = bars.height() / std::max(classes, 1);
    font.setPixelSize(int(std::clamp(row * 0.6, 8.0, 18.0)));
    painter.setFont(font);
    const double nameWidth = bars.width() * (classes > 0 && m_classNames.last().size() > 2 ? 0.35 : 0.1);
    const double valueWidth = painter.fontMetrics().horizontalAdvance(QStringLiteral("0.000")) + margin;
    for (int c = 0; c < classes; ++c) {
        const double y = bars.top() + c * row;
        const QRectF name(bars.left(), y, nameWidth - margin / 2, row);
        painter.setPen(palette().text().color());
        painter.drawText(name, Qt::AlignRight | Qt::AlignVCenter, m_classNames[c]);
        const bool known = size_t(c) < m_reading.probabilities.size();
        const double p = known ? double(m_reading.probabilities[size_t(c)]) : 0.0;
        const double full = bars.width() - nameWidth - valueWidth;
        const QRectF bar(bars.left() + nameWidth, y + row * 0.15, std::max(0.0, full * p), row * 0.7);
        painter.fillRect(QRectF(bar.left(), bar.top(), full, bar.height()), palette().alternateBase());
        painter.fillRect(bar, c == m_reading.predicted ? palette().highlight() : palette().mid());
        if (known)
            painter.drawText(QRectF(bars.right() - valueWidth, y, valueWidth, row), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(p, 'f', 3));
    }
    painter.restore();
}
