#pragma once
// What the network saw and said about a drawing: the 28x28 input magnified with its pixels kept square, the top
// class large, and one bar per class with its probability. paint() draws it into any rectangle, for the
// widget and for the exported figure alike.
#include <QStringList>
#include <QWidget>

#include "mlpw/training/digit_classifier.h"

class ReadingView : public QWidget {
    Q_OBJECT
public:
    explicit ReadingView(QWidget* parent = nullptr);

    void setClassNames(const QStringList& names);  // "0".."9" until a model says otherwise
    void showReading(const mlpw::DigitReading& reading);
    // A line under the bars when there is nothing to show (no model, nothing drawn).
    void setNote(const QString& note);
    const mlpw::DigitReading& reading() const { return m_reading; }
    QString topClassName() const;  // empty without a prediction

    void paint(QPainter& painter, const QRectF& area) const;
    QSize sizeHint() const override { return {300, 400}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    mlpw::DigitReading m_reading;
    QStringList m_classNames;
    QString m_note;
};
