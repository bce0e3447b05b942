// The study's presets (resources/presets/*.json): every file loads, validates, fits MNIST and round-trips;
// last_layer_5_units.json is the deliberate mistake that check_against_data must catch.
#include <QtTest>

#include <algorithm>

#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/report/summary.h"

using namespace mlpw;

namespace {

const QString kPresetDir = QStringLiteral(MLPW_SOURCE_DIR "/resources/presets");
const DataShape kMnist{784, 10};
const char* const kMistake = "last_layer_5_units";
// Beyond the study: trained on all 60,000 images (validation_split 0), tested once on the test set.
bool beyond_the_study(const QString& file) { return file.startsWith("best_mlp"); }

// The shape every preset shares: flatten first, Dense(10, softmax) last (the mistake: Dense(5, softmax)).
void verify_study_shape(const ExperimentSpec& s, const QString& file) {
    QVERIFY2(!s.model.layers.empty(), qPrintable(file));
    const auto first = std::find_if(s.model.layers.begin(), s.model.layers.end(),
                                    [](const LayerSpec& l) { return !is_augmentation(l.type); });
    QVERIFY(first != s.model.layers.end());
    QCOMPARE(first->type, LayerType::flatten);  // after the augmentation layers, if any
    const LayerSpec& last = s.model.layers.back();
    QCOMPARE(last.type, LayerType::dense);
    QCOMPARE(last.activation, ActivationFn::softmax);
    QCOMPARE(last.units, file == kMistake ? 5 : 10);
}

}  // namespace

class TestPresets : public QObject {
    Q_OBJECT
private slots:
    void the_whole_study_is_there();
    void preset_data();
    void preset();
    void parameter_counts_data();
    void parameter_counts();
    void sweep_sizes();
    void beyond_the_study_recipes();
};

void TestPresets::the_whole_study_is_there() {
    QStringList expected{"baseline",
                         "hidden_256",
                         "hidden_1024",
                         kMistake,
                         "epochs_15",
                         "epochs_30",
                         "early_stopping",
                         "deep_relu",
                         "deep_sigmoid",
                         "deep_leaky_relu",
                         "init_zeros",
                         "init_random_normal",
                         "init_glorot_uniform",
                         "optimizer_sgd",
                         "optimizer_sgd_momentum",
                         "optimizer_adagrad",
                         "optimizer_rmsprop",
                         "optimizer_adam",
                         "sweep_batch_optimizer",
                         "regularization_sweep",
                         "final",
                         "best_mlp",
                         "best_mlp_augmented"};
    QStringList found;
    for (const QFileInfo& f : QDir(kPresetDir).entryInfoList({"*.json"}, QDir::Files)) found << f.completeBaseName();
    expected.sort();
    found.sort();
    QCOMPARE(found, expected);
}

void TestPresets::preset_data() {
    QTest::addColumn<QString>("path");
    const auto files = QDir(kPresetDir).entryInfoList({"*.json"}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QFileInfo& f : files) QTest::newRow(qPrintable(f.fileName())) << f.filePath();
}

void TestPresets::preset() {
    QFETCH(QString, path);
    const QString stem = QFileInfo(path).completeBaseName();
    ExperimentSpec s;
    try {
        s = load_experiment(path.toStdString());
    } catch (const SpecError& e) {
        QFAIL(e.what());
    }
    QCOMPARE(QString::fromStdString(s.name), stem);
    QVERIFY(s.description.size() > 20);
    QCOMPARE(s.data.source, std::string("mnist"));
    QCOMPARE(s.data.validation_split, beyond_the_study(stem) ? 0.0f : 0.25f);
    QCOMPARE(s.data.normalization, Normalization::scale);
    QCOMPARE(s.training.seed, uint64_t(13));
    verify_study_shape(s, stem);
    QVERIFY(experiment_from_json(experiment_to_json(s)) == s);

    const auto problems = check_against_data(s, kMnist);
    if (stem == kMistake) {
        QCOMPARE(problems.size(), size_t(1));
        const QString message = QString::fromStdString(problems[0].text());
        QVERIFY2(message.startsWith("model.layers[2].units: "), qPrintable(message));
        QVERIFY2(message.contains("has 5 units") && message.contains("has 10 classes") &&
                     message.contains("set units to 10"),
                 qPrintable(message));
        QVERIFY(s.description.find("5 units") != std::string::npos);
    } else {
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems[0].text().c_str());
    }

    for (const SweepPoint& point : expand_sweep(s)) {
        QVERIFY2(validate_experiment(point.spec).empty(), point.label.c_str());
        QVERIFY(point.spec.sweep.is_null());
        verify_study_shape(point.spec, stem);
        QCOMPARE(check_against_data(point.spec, kMnist).size(), problems.size());
    }
}

void TestPresets::parameter_counts_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<qlonglong>("params");
    QTest::newRow("baseline") << "baseline" << 407050LL;
    QTest::newRow("hidden_256") << "hidden_256" << 784 * 256 + 256 + 2570LL;
    QTest::newRow("deep_relu") << "deep_relu" << 1195018LL;
    QTest::newRow("deep_leaky_relu") << "deep_leaky_relu" << 1195018LL;
    QTest::newRow("final") << "final" << 1195018LL;
    QTest::newRow("best_mlp") << "best_mlp" << 784 * 800 + 800 + 800 * 800 + 800 + 8010LL;
    QTest::newRow("best_mlp_augmented") << "best_mlp_augmented" << 784 * 1024 + 1024 + 1024 * 1024 + 1024 + 10250LL;
}

void TestPresets::parameter_counts() {
    QFETCH(QString, file);
    QFETCH(qlonglong, params);
    const ExperimentSpec s = load_experiment((kPresetDir + "/" + file + ".json").toStdString());
    QCOMPARE(summarize(s.model, kMnist).total_params, params);
}

void TestPresets::sweep_sizes() {
    const auto load = [](const char* name) {
        return load_experiment((kPresetDir + "/" + name + ".json").toStdString());
    };
    const auto batch = expand_sweep(load("sweep_batch_optimizer"));
    QCOMPARE(batch.size(), size_t(6));
    QCOMPARE(batch[3].spec.optimizer.type, OptimizerType::sgd);
    QCOMPARE(batch[3].spec.optimizer.momentum, 0.9f);
    QCOMPARE(batch[3].spec.training.batch_size, 32);
    QCOMPARE(batch[3].spec.callbacks.early_stopping.size(), size_t(1));

    const auto regularized = expand_sweep(load("regularization_sweep"));
    QStringList labels;
    for (const auto& p : regularized) labels << QString::fromStdString(p.label);
    QCOMPARE(labels,
             QStringList({"model=l2", "model=l1_l2", "model=dropout", "model=l2_dropout", "model=l1_l2_dropout"}));
    for (const auto& p : regularized) {
        QCOMPARE(p.spec.training.batch_size, 128);
        QCOMPARE(p.spec.optimizer.momentum, 0.9f);
        QCOMPARE(p.spec.callbacks.early_stopping_threshold.size(), size_t(1));
        int dense = 0, regularized_dense = 0, dropouts = 0;
        for (const auto& l : p.spec.model.layers) {
            dense += l.type == LayerType::dense;
            regularized_dense += l.type == LayerType::dense && l.kernel_regularizer.active();
            dropouts += l.type == LayerType::dropout;
        }
        QCOMPARE(dense, 5);
        QCOMPARE(regularized_dense, p.label.find("l2") != std::string::npos ? 5 : 0);
        QCOMPARE(dropouts, p.label.find("dropout") != std::string::npos ? 4 : 0);
    }
    QCOMPARE(regularized[1].spec.model.layers[1].kernel_regularizer.l1, 0.0005f);
}

// What docs/presets.md measured: the augmentation layers each preset has, and a cosine decay that reaches 0 at
// the last step (epochs x ceil(60,000 / batch) steps), so the last epoch trains at the smallest rates.
void TestPresets::beyond_the_study_recipes() {
    const auto augmentation = [](const ExperimentSpec& s) {
        std::vector<LayerType> types;
        for (const LayerSpec& l : s.model.layers)
            if (is_augmentation(l.type)) types.push_back(l.type);
        return types;
    };
    for (const char* name : {"best_mlp", "best_mlp_augmented"}) {
        const ExperimentSpec s = load_experiment((kPresetDir + "/" + name + ".json").toStdString());
        const int steps_per_epoch = (60000 + s.training.batch_size - 1) / s.training.batch_size;
        QCOMPARE(s.optimizer.schedule.type, ScheduleType::cosine_decay);
        QCOMPARE(s.optimizer.schedule.decay_steps, float(s.training.epochs * steps_per_epoch));
        QVERIFY(s.description.find("Ablation") != std::string::npos);
    }
    const ExperimentSpec best = load_experiment((kPresetDir + "/best_mlp.json").toStdString());
    QCOMPARE(augmentation(best), std::vector<LayerType>{LayerType::random_translation});
    QCOMPARE(best.model.layers[0].height_factor, 0.07f);  // +-2 pixels of 28
    QCOMPARE(best.training.epochs, 20);
    const ExperimentSpec augmented = load_experiment((kPresetDir + "/best_mlp_augmented.json").toStdString());
    QCOMPARE(augmentation(augmented),
             (std::vector<LayerType>{LayerType::random_translation, LayerType::random_rotation, LayerType::random_zoom,
                                     LayerType::elastic_deformation}));
}

QTEST_APPLESS_MAIN(TestPresets)
#include "tst_presets.moc"
