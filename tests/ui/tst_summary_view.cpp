// The live summary: Keras' parameter counts and output shapes for the study's networks.
#include <QTableWidget>
#include <QtTest>

#include "editor/summary_view.h"

namespace {

mlpw::LayerSpec layer(mlpw::LayerType type, int units = 0, mlpw::ActivationFn fn = mlpw::ActivationFn::linear) {
    mlpw::LayerSpec l;
    l.type = type;
    l.units = units;
    l.activation = fn;
    return l;
}

}  // namespace

class TestSummaryView : public QObject {
    Q_OBJECT
private slots:
    void parameterCounts_data() {
        QTest::addColumn<QList<int>>("hidden");
        QTest::addColumn<qlonglong>("params");
        QTest::addColumn<QString>("text");
        QTest::newRow("784-512-10") << QList<int>{512} << 407050LL << "407,050 (1.55 MB)";
        QTest::newRow("784-256-10") << QList<int>{256} << 203530LL << "203,530";
        QTest::newRow("784-4x512-10") << QList<int>{512, 512, 512, 512} << 1195018LL << "1,195,018";
    }
    void parameterCounts() {
        QFETCH(QList<int>, hidden);
        QFETCH(qlonglong, params);
        QFETCH(QString, text);
        mlpw::ModelSpec model;
        model.layers.push_back(layer(mlpw::LayerType::flatten));
        for (int units : hidden) model.layers.push_back(layer(mlpw::LayerType::dense, units, mlpw::ActivationFn::relu));
        model.layers.push_back(layer(mlpw::LayerType::dense, 10, mlpw::ActivationFn::softmax));
        SummaryView view;
        view.showModel(model, {});
        QCOMPARE(view.totalParams(), params);
        QVERIFY2(view.totalsText().contains(text), qPrintable(view.totalsText()));
        auto* table = view.findChild<QTableWidget*>();
        QCOMPARE(table->rowCount(), int(model.layers.size()));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("(None, %1)").arg(hidden.first()));
        QCOMPARE(table->item(1, 2)->text(),
                 QString::fromStdString(mlpw::with_thousands(784LL * hidden.first() + hidden.first())));
    }

    void memoryLine() {
        // The estimate under the summary; red and marked when Start would be refused.
        mlpw::MemoryEstimate small;
        small.weights = 2 * 1024.0 * 1024;
        SummaryView view;
        view.showMemory(small);
        QVERIFY2(view.memoryText().contains(QStringLiteral("about 2.00 MB (weights 2.00 MB")),
                 qPrintable(view.memoryText()));
        QVERIFY(!view.memoryText().contains(QStringLiteral("refused")));
        const auto available = mlpw::available_memory();
        if (!available) QSKIP("no MemAvailable in /proc/meminfo");
        QVERIFY(view.memoryText().contains(QStringLiteral("; available ")));
        mlpw::MemoryEstimate huge;
        huge.weights = *available * 2;
        view.showMemory(huge);
        QVERIFY2(view.memoryText().contains(QStringLiteral("Start would be refused")), qPrintable(view.memoryText()));
    }
};

QTEST_MAIN(TestSummaryView)
#include "tst_summary_view.moc"
