// See epoch_slider.h.
#include "inspect/epoch_slider.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

EpochSlider::EpochSlider(QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal)), m_label(new QLabel) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("&Epoch"));
    title->setBuddy(m_slider);
    layout->addWidget(title);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    m_slider->setRange(0, 0);
    m_slider->setPageStep(1);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setToolTip(tr("The epoch shown; it follows the newest epoch unless you move it back"));
    connect(m_slider, &QSlider::valueChanged, this, &EpochSlider::onMoved);
    updateLabel();
}

int EpochSlider::epoch() const { return m_epochs == 0 ? 0 : m_slider->value(); }

void EpochSlider::setEpochs(int count) {
    const int before = epoch();
    if (count < m_epochs) m_following = true;
    m_epochs = count;
    m_setting = true;
    m_slider->setRange(count > 0 ? 1 : 0, count);
    m_slider->setTickInterval(std::max(1, count / 10));
    if (m_following) m_slider->setValue(count);
    m_setting = false;
    updateLabel();
    if (epoch() != before) emit epochChanged(epoch());
}

void EpochSlider::onMoved(int value) {
    if (m_setting) return;
    m_following = value == m_epochs;
    updateLabel();
    emit epochChanged(epoch());
}

void EpochSlider::updateLabel() {
    m_label->setText(
        m_epochs == 0 ? tr("no epoch yet")
                      : tr("%1 of %2%3").arg(epoch()).arg(m_epochs).arg(m_following ? tr(" (following)") : QString()));
}
