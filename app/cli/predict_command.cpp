// mlpw predict: image files of any size through a saved model, with the canvas's preprocessing (MNIST's own:
// mlpw/data/digit_preprocess.h): the class and the ten probabilities per image. Qt's image readers, offscreen.
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "inspect/grey_picture.h"
#include "mlpw/io/atomic_file.h"
#include "mlpw/training/digit_classifier.h"
#include "offscreen_app.h"

namespace mlpw::cli {
namespace {

QImage read_image(const std::string& path) {
    QImageReader reader(QFile::decodeName(path.c_str()));
    QImage image = reader.read();
    if (image.isNull())
        throw Error(path + ": cannot read the image (" + reader.errorString().toStdString() +
                    "; expected a PNG, JPEG, PGM or another format Qt reads)");
    return image;
}

void save_input(const DigitImage& digit, const std::string& path) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image_of_digit(digit).save(&buffer, "PNG");
    if (const std::error_code ec = write_file_atomically(path, {std::string_view(png.constData(), size_t(png.size()))}))
        throw Error(path + ": cannot write the input picture (" + ec.message() + ")");
}

void print_text(const std::string& path, const DigitReading& reading, const std::vector<std::string>& names) {
    if (reading.predicted < 0) {
        std::printf("%s: nothing to read (no ink, or only a speck)\n", path.c_str());
        return;
    }
    std::printf("%s: %s (p = %.4f)\n  probabilities:", path.c_str(), names[size_t(reading.predicted)].c_str(),
                double(reading.probabilities[size_t(reading.predicted)]));
    for (size_t c = 0; c < reading.probabilities.size(); ++c)
        std::printf(" %s:%.4f", names[c].c_str(), double(reading.probabilities[c]));
    std::printf("\n");
}

void print_json(const std::string& path, const DigitReading& reading) {
    nlohmann::ordered_json line = {{"image", path}};
    if (reading.predicted < 0) {
        line["class"] = nullptr;
        line["probabilities"] = nullptr;
        line["note"] = "nothing to read";
    } else {
        line["class"] = reading.predicted;
        line["probabilities"] = reading.probabilities;
    }
    std::printf("%s\n", line.dump().c_str());
}

}  // namespace

int predict_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw predict --model FILE --image F [--image G ...] [--json] [--save-input F.png]\n"
            "Reads digits in pictures of any size with a saved model (.mlpw), preprocessed as MNIST's own digits\n"
            "were: the ink's bounding box scaled to 20 px on its longer side (aspect kept, area filtering) and\n"
            "placed so that its centre of mass is at the centre of a 28x28 field; then the model's normalisation.\n"
            "Dark ink on light paper or light on dark (told from the border); colour is read as luminance.\n"
            "  --model FILE       the model file (28x28 inputs)\n"
            "  --image F          a PNG, JPEG, PGM... picture (repeatable)\n"
            "  --json             one JSON object per line: {\"image\": F, \"class\": 7, \"probabilities\": [...]}\n"
            "                     (class and probabilities null when there is nothing to read)\n"
            "  --save-input F.png writes the 28x28 the model saw (with one --image)");
        return 0;
    }
    const std::string model_path = take_option(args, "--model", "");
    const std::vector<std::string> images = take_repeated_option(args, "--image");
    const bool json = take_flag(args, "--json");
    const std::string save_path = take_option(args, "--save-input", "");
    expect_no_more(args, "predict");
    if (model_path.empty()) throw UsageError("missing --model FILE (see mlpw predict --help)");
    if (images.empty()) throw UsageError("missing --image F (see mlpw predict --help)");
    if (!save_path.empty() && images.size() != 1)
        throw UsageError("--save-input: takes one --image, got " + std::to_string(images.size()));

    DigitClassifier classifier(load_model(model_path));  // a model that cannot read digits fails before Qt starts
    ensure_offscreen_application();
    for (const std::string& path : images) {
        const DigitReading reading = classifier.read(grey_picture_of(read_image(path)), InkPolarity::from_border);
        if (json) print_json(path, reading);
        else print_text(path, reading, classifier.class_names());
        if (!save_path.empty()) {
            if (reading.input) save_input(*reading.input, save_path);
            else
                std::fprintf(stderr, "mlpw predict: %s: nothing to read, %s not written\n", path.c_str(),
                             save_path.c_str());
        }
    }
    return 0;
}

}  // namespace mlpw::cli
