#pragma once
// The epoch the per-epoch inspect views show: a slider over the run's completed epochs that follows the newest
// epoch until the person moves it back, and follows again once moved to the end (or when a new run starts).
#include <QWidget>

class QLabel;
class QSlider;

class EpochSlider : public QWidget {
    Q_OBJECT
public:
    explicit EpochSlider(QWidget* parent = nullptr);

    int epoch() const;  // 1-based; 0 while the run has no completed epoch
    int epochs() const { return m_epochs; }
    bool following() const { return m_following; }
    QSlider* slider() const { return m_slider; }

public slots:
    // The run now has `count` completed epochs (fewer than before: another run, which is followed from its end).
    void setEpochs(int count);

signals:
    void epochChanged(int epoch);

private:
    void onMoved(int value);
    void updateLabel();

    QSlider* m_slider;
    QLabel* m_label;
    int m_epochs = 0;
    bool m_following = true;
    bool m_setting = false;  // the value is being set by setEpochs, not by the person
};
