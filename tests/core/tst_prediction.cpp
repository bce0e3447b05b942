// Inference with a model file (InferenceModel): per-image probabilities that agree with evaluate() (arg-max,
// the most confident mistakes' confidences), the same whichever rows a call takes, a stop that stops, the fit
// check's messages; the record of a model file (run_record_of, the inverse of model_file_of); and the data
// view's statistics (dataset_statistics) on a hand-made data set with known counts, range and means.
#include <QtTest>

#include <numeric>

#include "mlpw/data/dataset_statistics.h"
#include "mlpw/errors.h"
#include "mlpw/nn/rng.h"
#include "mlpw/training/prediction.h"
#include "mlpw/training/run_record.h"

namespace {

using namespace mlpw;

constexpr int kSide = 4, kClasses = 3, kImages = 37;

ImageSet randomImages(int count, uint64_t seed) {
    ImageSet set;
    set.count = count;
    set.rows = set.cols = kSide;
    Rng rng(seed);
    for (int i = 0; i < count * kSide * kSide; ++i) set.pixels.push_back(uint8_t(rng.uniform(0.0f, 255.0f)));
    for (int i = 0; i < count; ++i) set.labels.push_back(uint8_t(i % kClasses));
    return set;
}

// 16-8-3 with random weights (the network's own initialisation from the seed).
ModelFile randomModel() {
    ModelFile model;
    model.experiment.name = "random";
    LayerSpec hidden;
    hidden.units = 8;
    hidden.activation = ActivationFn::relu;
    LayerSpec head;
    head.units = kClasses;
    head.activation = ActivationFn::softmax;
    model.experiment.model.layers = {hidden, head};
    model.experiment.data.normalization = Normalization::standardize;
    model.normalization_mean = 0.4f;
    model.normalization_stddev = 0.3f;
    model.image_rows = model.image_cols = kSide;
    model.class_names = {"a", "b", "c"};
    model.weights = Network(model.experiment.model, kSide * kSide, kClasses, 3).state();
    EpochMetrics m;
    m.epoch = m.epochs = 1;
    m.loss = 0.5;
    model.history = {m};
    return model;
}

std::vector<uint32_t> allOf(const ImageSet& set) {
    std::vector<uint32_t> all(size_t(set.count));
    std::iota(all.begin(), all.end(), 0u);
    return all;
}

}  // namespace

class TestPrediction : public QObject {
    Q_OBJECT
private slots:
    void probabilitiesAgreeWithEvaluate() {
        const ModelFile model = randomModel();
        const ImageSet set = randomImages(kImages, 11);
        InferenceModel inference(model, 10);  // 37 = 3 calls of 10 and one of 7
        std::vector<float> p(size_t(kImages) * kClasses);
        QVERIFY(inference.predict(set, allOf(set), p.data()));
        const EvaluationResult result = inference.evaluate(set);
        QCOMPARE(result.samples, kImages);

        ConfusionMatrix confusion(kClasses);
        for (int i = 0; i < kImages; ++i) {
            const float* row = p.data() + size_t(i) * kClasses;
            QVERIFY(std::abs(row[0] + row[1] + row[2] - 1.0f) < 1e-5f);
            confusion.add(set.labels[size_t(i)], int(std::max_element(row, row + kClasses) - row));
        }
        QCOMPARE(confusion, result.confusion);
        for (const Misclassified& m : result.misclassified)
            QCOMPARE(p[size_t(m.index) * kClasses + m.predicted], m.confidence);
    }

    void rowsPerCallDoNotChangeTheResult() {
        const ModelFile model = randomModel();
        const ImageSet set = randomImages(kImages, 12);
        const std::vector<uint32_t> some = {36, 0, 5, 5, 20};  // any order, repeats allowed
        std::vector<float> one(some.size() * kClasses), many(some.size() * kClasses);
        QVERIFY(InferenceModel(model, 1).predict(set, some, one.data()));
        QVERIFY(InferenceModel(model, 64).predict(set, some, many.data()));
        for (size_t i = 0; i < one.size(); ++i) QVERIFY(std::abs(one[i] - many[i]) < 1e-6f);
        QCOMPARE(std::vector<float>(one.begin() + 2 * kClasses, one.begin() + 3 * kClasses),
                 std::vector<float>(one.begin() + 3 * kClasses, one.begin() + 4 * kClasses));
    }

    void stopStops() {
        const ImageSet set = randomImages(kImages, 13);
        std::vector<float> p(size_t(kImages) * kClasses, -1.0f);
        const std::atomic<bool> stop{true};
        QVERIFY(!InferenceModel(randomModel(), 10).predict(set, allOf(set), p.data(), &stop));
        QCOMPARE(p.front(), -1.0f);  // nothing computed
    }

    void fitCheckNamesTheModel() {
        const ModelFile model = randomModel();
        Dataset data;
        data.name = "wide";
        data.class_names = {"a", "b", "c"};
        data.test = randomImages(2, 1);
        check_model_fits(model, data, "m.mlpw");  // fits
        data.test.cols = 5;
        data.test.pixels.resize(2 * 4 * 5);
        QVERIFY_THROWS_EXCEPTION(Error, check_model_fits(model, data, "m.mlpw"));
        try {
            check_model_fits(model, data, "m.mlpw");
        } catch (const Error& e) {
            QCOMPARE(QString(e.what()),
                     QStringLiteral("m.mlpw: the model takes 4x4 images (16 inputs) but the data set "
                                    "wide has 4x5 images (20 inputs)"));
        }
        data.test.cols = 4;
        data.class_names = {"a", "b"};  // labels a subset of the model's classes ("my digits" 0-7): fits
        check_model_fits(model, data, "m.mlpw");
        data.class_names = {"a", "b", "c", "d"};
        try {
            check_model_fits(model, data, "m.mlpw");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString(e.what()),
                     QStringLiteral("m.mlpw: the model predicts 3 classes but the data set wide has 4"));
        }
    }

    void recordOfAModelFileGivesTheFileBack() {
        ModelFile model = randomModel();
        model.experiment.data.source = "fashion_mnist";
        const RunRecord record = run_record_of(model);
        QCOMPARE(record.data.name, std::string("fashion_mnist"));
        QCOMPARE(record.validation.size(), record.history.size());
        QCOMPARE(record.best_epoch, 0);
        const ModelFile back = model_file_of(record, record.final_weights);
        QCOMPARE(back.experiment, model.experiment);
        QCOMPARE(back.weights, model.weights);
        QCOMPARE(back.history, model.history);
        QCOMPARE(back.class_names, model.class_names);
        QCOMPARE(back.image_rows, model.image_rows);
        QCOMPARE(back.normalization_mean, model.normalization_mean);
        QCOMPARE(back.normalization_stddev, model.normalization_stddev);
    }

    void statisticsOfAKnownDataSet() {
        // 10 training images of 1x2 pixels: image i = {i, 2i}, label i % 2 except image 9 (label 2); 3 test images.
        Dataset data;
        data.class_names = {"even", "odd", "nine"};
        data.train.count = 10;
        data.train.rows = 1;
        data.train.cols = 2;
        for (int i = 0; i < 10; ++i) {
            data.train.pixels.insert(data.train.pixels.end(), {uint8_t(i), uint8_t(2 * i)});
            data.train.labels.push_back(uint8_t(i == 9 ? 2 : i % 2));
        }
        data.test = data.train;
        data.test.count = 3;
        data.test.pixels = {200, 201, 3, 4, 5, 6};
        data.test.labels = {1, 1, 0};

        // validation_split 0.2: images 8 and 9 are held out (Keras takes the last part).
        const DatasetStatistics s = dataset_statistics(data, 0.2f, 2);
        QCOMPARE(s.train_counts, (std::vector<int>{4, 4, 0}));
        QCOMPARE(s.validation_counts, (std::vector<int>{1, 0, 1}));
        QCOMPARE(s.test_counts, (std::vector<int>{1, 2, 0}));
        QCOMPARE(s.train_samples() + s.validation_samples() + s.test_samples(), 13);
        QCOMPARE(int(s.min_pixel), 0);
        QCOMPARE(int(s.max_pixel), 201);
        // Mean of the even training-part images 0, 2, 4, 6: {3, 6}; odd 1, 3, 5, 7: {4, 8}; none of class 2.
        QCOMPARE(s.mean_images, (std::vector<float>{3, 6, 4, 8, 0, 0}));
        QCOMPARE(s.samples, (std::vector<std::vector<uint32_t>>{{0, 2}, {1, 3}, {}}));
        QVERIFY_THROWS_EXCEPTION(SpecError, dataset_statistics(data, 1.0f, 2));
    }
};

QTEST_MAIN(TestPrediction)
#include "tst_prediction.moc"
