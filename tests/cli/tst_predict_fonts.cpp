// End to end: `mlpw predict` on digits 0-9 rendered here with fonts from Debian packages (fonts-dejavu-core,
// fonts-liberation2, fonts-freefont-ttf, fonts-urw-base35), small in a corner, large in the middle and mid-sized
// in colour, on light and dark paper, by a model trained here on real MNIST for two epochs. MNIST's preprocessing
// must read most of them, and far more than a naive resize of the same pictures to 28x28 does.
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "mlpw/data/digit_preprocess.h"
#include "mlpw/io/model_io.h"
#include "mlpw/training/digit_classifier.h"

namespace {

const QString kBinary = QStringLiteral(MLPW_BINARY_DIR "/bin/mlpw");

// {file, package}
const std::pair<const char*, const char*> kFonts[] = {
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "fonts-dejavu-core"},
    {"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "fonts-liberation2"},
    {"/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", "fonts-liberation2"},
    {"/usr/share/fonts/truetype/freefont/FreeSans.ttf", "fonts-freefont-ttf"},
    {"/usr/share/fonts/truetype/freefont/FreeSerifItalic.ttf", "fonts-freefont-ttf"},
    {"/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf", "fonts-urw-base35"},
    {"/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf", "fonts-urw-base35"},
};

// Where and how a digit is drawn on a 240x200 picture: its glyph's height in px, the glyph box's top-left as a
// fraction of the room left around it, ink and paper.
struct Placement {
    const char* name;
    double height, x, y;
    QColor ink, paper;
};
const Placement kPlacements[] = {
    {"small in the top-left corner", 36, 0.02, 0.03, Qt::black, Qt::white},
    {"large, white on black", 170, 0.5, 0.5, Qt::white, Qt::black},
    {"blue on yellow, bottom right", 70, 0.95, 0.9, QColor(20, 40, 140), QColor(250, 240, 200)},
};
constexpr int kWidth = 240, kHeight = 200;

QImage render(const QString& family, int digit, const Placement& at) {
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    image.fill(at.paper);
    QFont font(family);
    font.setPixelSize(100);
    QPainterPath path;
    path.addText(0, 0, font, QString::number(digit));
    const QRectF box = path.boundingRect();
    const double scale = at.height / box.height();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate((kWidth - box.width() * scale) * at.x, (kHeight - at.height) * at.y);
    painter.scale(scale, scale);
    painter.translate(-box.topLeft());
    painter.fillPath(path, at.ink);
    return image;
}

// The naive way: the whole picture resized to 28x28, ink made light (its polarity known), no normalisation.
mlpw::DigitImage naive(const QImage& picture, bool darkInk) {
    const QImage small =
        picture.scaled(mlpw::kDigitSide, mlpw::kDigitSide, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(QImage::Format_RGB888);
    const mlpw::GreyImage grey =
        mlpw::grey_from_rgb(small.constBits(), small.height(), small.width(), int(small.bytesPerLine()));
    mlpw::DigitImage digit{};
    for (int i = 0; i < mlpw::kDigitPixels; ++i)
        digit[size_t(i)] =
            uint8_t(std::lround(255.0f * (darkInk ? 1.0f - grey.pixels[size_t(i)] : grey.pixels[size_t(i)])));
    return digit;
}

QByteArray run(const QStringList& args) {
    QProcess process;
    process.start(kBinary, args);
    if (!process.waitForFinished(600000) || process.exitCode() != 0)
        qWarning().noquote() << process.readAllStandardError();
    return process.exitCode() == 0 ? process.readAllStandardOutput() : QByteArray();
}

}  // namespace

class TestPredictFonts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString experiment = m_dir.filePath(QStringLiteral("experiment.json"));
        QFile file(experiment);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "fonts", "data": {"source": "mnist", "validation_split": 0.1},
  "model": {"layers": [{"type": "flatten"}, {"type": "dense", "units": 256, "activation": "relu"},
                       {"type": "dense", "units": 10, "activation": "softmax"}]},
  "optimizer": {"type": "adam", "learning_rate": 0.001},
  "training": {"epochs": 2, "batch_size": 128, "seed": 5}})");
        file.close();
        QVERIFY(!run({QStringLiteral("train"), QStringLiteral("--experiment"), experiment, QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("run"))})
                     .isEmpty());
        m_model = m_dir.filePath(QStringLiteral("run/model.mlpw"));
        QVERIFY(QFile::exists(m_model));
    }

    void fontsAreReadAsMnistWouldSeeThem() {
        const mlpw::ModelFile model = mlpw::load_model(m_model.toStdString());
        mlpw::DigitClassifier classifier(model);
        QStringList args = {QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--json")};
        std::vector<int> truth;
        int naiveRight = 0;
        for (const auto& [path, package] : kFonts) {
            const int id = QFontDatabase::addApplicationFont(QString::fromLatin1(path));
            QVERIFY2(id >= 0, qPrintable(QStringLiteral("%1 (Debian package %2)").arg(path, package)));
            const QString family = QFontDatabase::applicationFontFamilies(id).first();
            for (int digit = 0; digit < 10; ++digit)
                for (const Placement& at : kPlacements) {
                    const QImage picture = render(family, digit, at);
                    const QString file = m_dir.filePath(QStringLiteral("%1-%2-%3.png")
                                                            .arg(QFileInfo(QString::fromLatin1(path)).baseName())
                                                            .arg(digit)
                                                            .arg(int(&at - kPlacements)));
                    QVERIFY(picture.save(file));
                    args << QStringLiteral("--image") << file;
                    truth.push_back(digit);
                    naiveRight +=
                        classifier.read(naive(picture, at.ink.lightness() < at.paper.lightness())).predicted == digit;
                }
        }
        const QList<QByteArray> lines = run(args).trimmed().split('\n');
        QCOMPARE(size_t(lines.size()), truth.size());
        int right = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject line = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(line.value(QStringLiteral("image")).toString(), args[5 + 2 * i]);
            right += line.value(QStringLiteral("class")).toInt(-1) == truth[size_t(i)];
        }
        const double accuracy = double(right) / double(truth.size());
        const double naiveAccuracy = double(naiveRight) / double(truth.size());
        qInfo(
            "%zu rendered digits (%zu fonts x 10 digits x %zu placements): mlpw predict %.1f %% right, a naive "
            "resize to 28x28 %.1f %%",
            truth.size(), std::size(kFonts), std::size(kPlacements), 100 * accuracy, 100 * naiveAccuracy);
        QVERIFY2(accuracy >= 0.8, qPrintable(QString::number(accuracy)));
        QVERIFY2(accuracy >= naiveAccuracy + 0.3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(accuracy).arg(naiveAccuracy)));
    }

    void savedInputIsWhatTheModelSaw() {
        const QImage picture = render(QStringLiteral("DejaVu Sans"), 4, kPlacements[2]);
        const QString file = m_dir.filePath(QStringLiteral("four.png"));
        const QString saved = m_dir.filePath(QStringLiteral("four-input.png"));
        QVERIFY(picture.save(file));
        const QByteArray out = run({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                                    QStringLiteral("--image"), file, QStringLiteral("--save-input"), saved});
        QVERIFY(out.startsWith(file.toUtf8() + ": 4 (p = "));
        const QImage input = QImage(saved).convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(input.size(), QSize(28, 28));
        const QImage rgb = picture.convertToFormat(QImage::Format_RGB888);
        const auto expected = mlpw::preprocess_digit(
            mlpw::grey_from_rgb(rgb.constBits(), rgb.height(), rgb.width(), int(rgb.bytesPerLine())),
            mlpw::InkPolarity::from_border);
        QVERIFY(expected);
        for (int r = 0; r < 28; ++r)
            for (int c = 0; c < 28; ++c) QCOMPARE(input.constScanLine(r)[c], (*expected)[size_t(r * 28 + c)]);
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
};

QTEST_MAIN(TestPredictFonts)
#include "tst_predict_fonts.moc"
