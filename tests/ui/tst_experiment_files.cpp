// Opening and saving experiments in the window: the file written is the experiment shown, reading it back
// gives the same experiment, every preset opens, and a broken file is refused without losing the editor's state.
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "editor/callbacks_panel.h"
#include "editor/experiment_editor.h"
#include "editor/layer_editor.h"
#include "editor/layer_table_model.h"
#include "shell/main_window.h"
#include "shell/preset_library.h"

class TestExperimentFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void presetsAreListed() {
        const QStringList files = PresetLibrary::files();
        QVERIFY2(files.size() >= 20, qPrintable(PresetLibrary::directory()));
        QVERIFY(!PresetLibrary::path(QStringLiteral("baseline")).isEmpty());
    }

    void everyPresetOpensAndRoundTrips_data() {
        QTest::addColumn<QString>("path");
        for (const QString& path : PresetLibrary::files())
            QTest::newRow(qPrintable(QFileInfo(path).baseName())) << path;
    }
    void everyPresetOpensAndRoundTrips() {
        QFETCH(QString, path);
        MainWindow window;
        QVERIFY(window.openExperiment(path, true));
        QVERIFY(!window.isDirty());
        const mlpw::ExperimentSpec original = mlpw::load_experiment(path.toStdString());
        QCOMPARE(mlpw::experiment_to_json(window.editor()->spec()).dump(), mlpw::experiment_to_json(original).dump());
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("copy.json"));
        QVERIFY(window.saveExperimentTo(saved, true));
        QCOMPARE(mlpw::load_experiment(saved.toStdString()), original);
    }

    void editsAreSavedAndReadBack() {
        MainWindow window;
        LayerTableModel* model = window.editor()->layerEditor()->model();
        QVERIFY(model->setData(model->index(1, LayerTableModel::Units), QStringLiteral("300"), Qt::EditRole));
        model->insertLayer(2, LayerTableModel::defaultLayer(mlpw::LayerType::dropout));
        QVERIFY(window.isDirty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edited.json"));
        QVERIFY(window.saveExperimentTo(path, true));
        QVERIFY(!window.isDirty());
        QCOMPARE(window.currentPath(), path);

        MainWindow other;
        QVERIFY(other.openExperiment(path, true));
        const mlpw::ExperimentSpec spec = other.editor()->spec();
        QCOMPARE(spec.model.layers.size(), size_t(4));
        QCOMPARE(spec.model.layers[1].units, 300);
        QCOMPARE(spec.model.layers[2].type, mlpw::LayerType::dropout);
        QCOMPARE(spec, window.editor()->spec());
    }

    void brokenFileIsRefused() {
        MainWindow window;
        const mlpw::ExperimentSpec before = window.editor()->spec();
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"model": {"layers": [{"type": "dense", "units": -3}]}})");
        file.close();
        QVERIFY(!window.openExperiment(file.fileName(), true));
        QCOMPARE(window.editor()->spec(), before);
    }
};

QTEST_MAIN(TestExperimentFiles)
#include "tst_experiment_files.moc"
