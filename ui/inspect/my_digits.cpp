#include "inspect/my_digits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "mlpw/data/idx_writer.h"

namespace {

constexpr const char* kTestImages = "t10k-images-idx3-ubyte";
constexpr const char* kTestLabels = "t10k-labels-idx1-ubyte";
constexpr const char* kTrainImages = "train-images-idx3-ubyte";
constexpr const char* kTrainLabels = "train-labels-idx1-ubyte";
constexpr int kAnyLabel = 256;  // labels are bytes; the model decides which are classes

std::shared_ptr<const mlpw::ImageSet> emptySet() {
    auto set = std::make_shared<mlpw::ImageSet>();
    set->rows = set->cols = mlpw::kDigitSide;
    return set;
}

}  // namespace

QString MyDigits::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/my-digits");
}

MyDigits::MyDigits(QString folder) : m_folder(std::move(folder)), m_set(emptySet()) {}

QString MyDigits::load() {
    m_set = emptySet();
    const QDir dir(m_folder);
    if (!QFileInfo::exists(dir.filePath(QString::fromLatin1(kTestImages)))) return {};
    try {
        auto set = std::make_shared<mlpw::ImageSet>(
            mlpw::load_idx(QFile::encodeName(dir.filePath(QString::fromLatin1(kTestImages))).toStdString(),
                           QFile::encodeName(dir.filePath(QString::fromLatin1(kTestLabels))).toStdString(), kAnyLabel));
        if (set->rows != mlpw::kDigitSide || set->cols != mlpw::kDigitSide)
            return QCoreApplication::translate("MyDigits", "%1: the images are %2x%3, expected 28x28")
                .arg(m_folder)
                .arg(set->rows)
                .arg(set->cols);
        m_set = std::move(set);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString MyDigits::keep(const mlpw::DigitImage& digit, int label) {
    if (!QDir().mkpath(m_folder))
        return QCoreApplication::translate("MyDigits", "%1: cannot create the folder").arg(m_folder);
    auto set = std::make_shared<mlpw::ImageSet>(*m_set);
    set->pixels.insert(set->pixels.end(), digit.begin(), digit.end());
    set->labels.push_back(uint8_t(label));
    ++set->count;
    const QDir dir(m_folder);
    auto path = [&dir](const char* name) {
        return QFile::encodeName(dir.filePath(QString::fromLatin1(name))).toStdString();
    };
    try {
        mlpw::write_idx(*set, path(kTestImages), path(kTestLabels));
        mlpw::write_idx(*set, path(kTrainImages), path(kTrainLabels));
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    m_set = std::move(set);
    return {};
}
