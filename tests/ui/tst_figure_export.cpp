// Figure export: the PNG has the asked size and DPI, the SVG is XML carrying the title and the painted text,
// failures name the file and leave nothing behind.
#include <QDir>
#include <QDomDocument>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include "export/figure_export.h"

namespace {

Figure labelled_figure() {
    return {QStringLiteral("Confusion matrix"), [](QPainter& painter, const QRectF& area) {
                painter.fillRect(area.adjusted(10, 10, -10, -10), Qt::red);
                painter.setPen(Qt::black);
                painter.drawText(area, Qt::AlignCenter, QStringLiteral("Ankle boot"));
            }};
}

}  // namespace

class TestFigureExport : public QObject {
    Q_OBJECT
private slots:
    void pngHasTheSizeDpiAndPixels() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.png"));
        QCOMPARE(export_figure(labelled_figure(), path, QSize(1600, 1000), 150), QString());
        QImage image(path);
        QCOMPARE(image.size(), QSize(1600, 1000));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 150);
        QCOMPARE(image.pixelColor(5, 5), QColor(Qt::white));  // the background
        QCOMPARE(image.pixelColor(20, 20), QColor(Qt::red));  // what paint drew
    }
    void svgIsXmlWithTheTitleAndText() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.SVG"));
        QCOMPARE(export_figure(labelled_figure(), path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument svg;
        QVERIFY(svg.setContent(&file));
        QCOMPARE(svg.documentElement().tagName(), QStringLiteral("svg"));
        QCOMPARE(svg.documentElement().firstChildElement(QStringLiteral("title")).text(),
                 QStringLiteral("Confusion matrix"));
        QVERIFY(svg.toString().contains(QStringLiteral("Ankle boot")));
    }
    void wrongSuffixAndUnwritableFolderAreNamed() {
        QTemporaryDir dir;
        const QString jpg = dir.filePath(QStringLiteral("m.jpg"));
        QVERIFY(export_figure(labelled_figure(), jpg).contains(QStringLiteral("m.jpg")));
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/m.png"));
        QVERIFY(export_figure(labelled_figure(), missing).contains(missing));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }
    void textIsWrittenWhole() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.csv"));
        QCOMPARE(export_text(path, "epoch,loss\n1,0.25\n"), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("epoch,loss\n1,0.25\n"));
    }
};

QTEST_MAIN(TestFigureExport)
#include "tst_figure_export.moc"
