// IDX files written by mlpw::write_idx read back unchanged by load_idx; a failed write names the file.
#include <QTemporaryDir>
#include <QtTest>

#include "mlpw/data/dataset.h"
#include "mlpw/data/idx_writer.h"
#include "mlpw/errors.h"

class TestIdxWriter : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        QTemporaryDir dir;
        mlpw::ImageSet set;
        set.count = 3, set.rows = 2, set.cols = 5;
        for (int i = 0; i < 30; ++i) set.pixels.push_back(uint8_t(i * 8));
        set.labels = {2, 0, 9};
        const std::string images = dir.filePath(QStringLiteral("i")).toStdString();
        const std::string labels = dir.filePath(QStringLiteral("l")).toStdString();
        mlpw::write_idx(set, images, labels);
        QCOMPARE(QFileInfo(QString::fromStdString(images)).size(), 16 + 30);  // magic + 3 dims, then pixels
        QCOMPARE(QFileInfo(QString::fromStdString(labels)).size(), 8 + 3);
        const mlpw::ImageSet back = mlpw::load_idx(images, labels, 10);
        QCOMPARE(back.count, 3);
        QCOMPARE(back.rows, 2);
        QCOMPARE(back.cols, 5);
        QCOMPARE(back.pixels, set.pixels);
        QCOMPARE(back.labels, set.labels);
    }

    void failedWriteNamesTheFile() {
        QTemporaryDir dir;
        const std::string missing = dir.filePath(QStringLiteral("no/such/folder/images")).toStdString();
        mlpw::ImageSet set;
        try {
            mlpw::write_idx(set, missing, missing + "-labels");
            QFAIL("no error");
        } catch (const mlpw::DatasetError& e) {
            QVERIFY(QString::fromUtf8(e.what()).startsWith(QString::fromStdString(missing)));
        }
    }
};

QTEST_APPLESS_MAIN(TestIdxWriter)
#include "tst_idx_writer.moc"
