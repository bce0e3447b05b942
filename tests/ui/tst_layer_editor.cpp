// The layer editor and the experiment editor around it: edits give the expected experiment, invalid input is
// marked and disables Start, the live summary counts parameters as Keras does.
#include <QAction>
#include <QLabel>
#include <QMimeData>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

#include "editor/experiment_editor.h"
#include "editor/layer_editor.h"
#include "editor/layer_table_model.h"
#include "editor/summary_view.h"
#include "shell/main_window.h"

using mlpw::LayerType;

class TestLayerEditor : public QObject {
    Q_OBJECT
private:
    MainWindow* m_window = nullptr;
    ExperimentEditor* editor() { return m_window->editor(); }
    LayerTableModel* model() { return editor()->layerEditor()->model(); }
    bool edit(int row, int column, const QString& text) {
        return model()->setData(model()->index(row, column), text, Qt::EditRole);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        m_window = new MainWindow;
        QCOMPARE(QString::fromStdString(editor()->spec().name), QStringLiteral("baseline"));
    }
    void cleanup() {
        delete m_window;
        m_window = nullptr;
    }

    void opensWithTheBaselineReady() {
        QVERIFY(editor()->isValid());
        QVERIFY(m_window->startAction()->isEnabled());
        QCOMPARE(editor()->spec().model.layers.size(), size_t(3));
        QCOMPARE(editor()->spec().data.source, std::string("mnist"));
    }

    void summaryCountsBaselineParameters() {
        QCOMPARE(editor()->summaryView()->totalParams(), 407050LL);
        QVERIFY(editor()->summaryView()->totalsText().contains(QStringLiteral("407,050")));
        QVERIFY(editor()->summaryView()->totalsText().contains(QStringLiteral("1.55 MB")));
    }

    void cellEditsChangeTheExperiment_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("units") << 1 << int(LayerTableModel::Units) << "256"
                               << "/model/layers/1/units"
                               << "256";
        QTest::newRow("activation") << 1 << int(LayerTableModel::Activation) << "tanh"
                                    << "/model/layers/1/activation"
                                    << "\"tanh\"";
        QTest::newRow("initialiser") << 1 << int(LayerTableModel::Initializer) << "he_normal"
                                     << "/model/layers/1/kernel_initializer"
                                     << "\"he_normal\"";
        QTest::newRow("l2") << 1 << int(LayerTableModel::L2) << "0.001"
                            << "/model/layers/1/kernel_regularizer/l2"
                            << "0.001";
    }
    void cellEditsChangeTheExperiment() {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QVERIFY(edit(row, column, text));
        const auto json = mlpw::experiment_to_json(editor()->spec());
        const auto value = json.at(nlohmann::json::json_pointer(path.toStdString()));
        QCOMPARE(value, nlohmann::json::parse(expected.toStdString()));
        QVERIFY(editor()->isValid());
        QVERIFY(m_window->isDirty());
    }

    void unitsChangeTheSummary() {
        QVERIFY(edit(1, LayerTableModel::Units, QStringLiteral("256")));
        QCOMPARE(editor()->summaryView()->totalParams(), 784LL * 256 + 256 + 256 * 10 + 10);
    }

    void addDuplicateMoveRemove() {
        LayerEditor* layers = editor()->layerEditor();
        layers->view()->setCurrentIndex(model()->index(1, 1));
        layers->addLayer(LayerType::dropout);  // after row 1
        QCOMPARE(editor()->spec().model.layers[2].type, LayerType::dropout);
        QVERIFY(edit(2, LayerTableModel::Rate, QStringLiteral("0.3")));
        layers->duplicateCurrent();
        QCOMPARE(editor()->spec().model.layers.size(), size_t(5));
        QCOMPARE(editor()->spec().model.layers[3].rate, 0.3f);
        layers->removeCurrent();
        QCOMPARE(editor()->spec().model.layers.size(), size_t(4));
        layers->view()->setCurrentIndex(model()->index(2, 1));
        layers->moveCurrent(-1);  // dropout above the hidden dense layer
        QCOMPARE(editor()->spec().model.layers[1].type, LayerType::dropout);
        QCOMPARE(editor()->spec().model.layers[2].units, 512);
        QCOMPARE(model()->data(model()->index(2, LayerTableModel::Name), Qt::DisplayRole).toString(),
                 QStringLiteral("dense"));
        QVERIFY(editor()->isValid());
    }

    void keyboardAddsAndRemoves() {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTableView* view = editor()->layerEditor()->view();
        view->setFocus();
        view->setCurrentIndex(model()->index(2, LayerTableModel::Name));
        QTest::keyClick(view, Qt::Key_Up, Qt::ControlModifier);  // move the output layer up
        QCOMPARE(editor()->spec().model.layers[1].units, 10);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(editor()->spec().model.layers.size(), size_t(2));
        QTest::keyClick(view, Qt::Key_Insert);
        QCOMPARE(editor()->spec().model.layers.size(), size_t(3));
    }

    void dragAndDropMovesARow() {
        // What the view does for an internal move: drop copies at the target, then remove the original.
        QMimeData* mime = model()->mimeData({model()->index(2, 0)});
        QVERIFY(model()->dropMimeData(mime, Qt::MoveAction, 1, 0, {}));
        QVERIFY(model()->removeRows(3, 1));
        delete mime;
        QCOMPARE(editor()->spec().model.layers[1].units, 10);
        QCOMPARE(editor()->spec().model.layers[2].units, 512);
    }

    void fiveUnitOutputIsFlaggedBeforeTraining() {
        QVERIFY(edit(2, LayerTableModel::Units, QStringLiteral("5")));
        QVERIFY(!editor()->isValid());
        QVERIFY(!m_window->startAction()->isEnabled());
        QVERIFY(!m_window->startTraining());
        const QModelIndex cell = model()->index(2, LayerTableModel::Units);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("10 classes")));
        QVERIFY(cell.data(Qt::BackgroundRole).isValid());
        bool explained = false;
        for (const auto& p : editor()->problems()) {
            const auto where = mlpw::layer_field(p.path);
            explained |= where && where->layer == 2 && where->field == "units";
        }
        QVERIFY(explained);
        QVERIFY(edit(2, LayerTableModel::Units, QStringLiteral("10")));
        QVERIFY(editor()->isValid());
        QVERIFY(m_window->startAction()->isEnabled());
    }

    void invalidEntriesDisableStart_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("units not a number") << 1 << int(LayerTableModel::Units) << "abc";
        QTest::newRow("negative units") << 1 << int(LayerTableModel::Units) << "-5";
        QTest::newRow("negative l1") << 1 << int(LayerTableModel::L1) << "-0.1";
        QTest::newRow("unknown initialiser") << 1 << int(LayerTableModel::Initializer) << "magic";
    }
    void invalidEntriesDisableStart() {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, text);
        QVERIFY(edit(row, column, text));
        QVERIFY(!editor()->isValid());
        QVERIFY(!m_window->startAction()->isEnabled());
        QCOMPARE(model()->index(row, column).data(Qt::DisplayRole).toString(), text);  // shown as typed
        QVERIFY(model()->index(row, column).data(Qt::BackgroundRole).isValid());
        QVERIFY(!editor()->problems().empty());
        const auto where = mlpw::layer_field(editor()->problems().front().path);
        QVERIFY(where);
        QCOMPARE(int(where->layer), row);
    }

    void softmaxMustEndTheModel() {
        QVERIFY(edit(2, LayerTableModel::Activation, QStringLiteral("relu")));
        QVERIFY(!editor()->isValid());
        QVERIFY(model()
                    ->index(2, LayerTableModel::Type)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("softmax")));
    }
};

QTEST_MAIN(TestLayerEditor)
#include "tst_layer_editor.moc"
