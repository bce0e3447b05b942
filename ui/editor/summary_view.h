#pragma once
// The Keras-style model summary: one row per layer (name and type, output shape, parameters), then totals.
#include <QWidget>

#include "mlpw/report/summary.h"
#include "mlpw/training/memory_estimate.h"

class QLabel;
class QTableWidget;

class SummaryView : public QWidget {
    Q_OBJECT
public:
    explicit SummaryView(QWidget* parent = nullptr);
    // Summarises the model for the data's shape; shows the reason instead when it cannot.
    void showModel(const mlpw::ModelSpec& model, const mlpw::DataShape& shape);
    // The memory a run needs and what the machine has; red when the run would be refused.
    void showMemory(const mlpw::MemoryEstimate& estimate);
    QString totalsText() const;
    QString memoryText() const;
    long long totalParams() const { return m_total; }

private:
    QTableWidget* m_table;
    QLabel* m_totals;
    QLabel* m_memory;
    long long m_total = 0;
};
