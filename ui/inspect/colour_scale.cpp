// See colour_scale.h.
#include "inspect/colour_scale.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

namespace {

struct Stop {
    double at;
    int r, g, b;
};
// matplotlib's Blues and RdBu_r at a few stops, interpolated linearly.
constexpr std::array<Stop, 5> kBlues = {
    {{0.0, 247, 251, 255}, {0.25, 198, 219, 239}, {0.5, 107, 174, 214}, {0.75, 33, 113, 181}, {1.0, 8, 48, 107}}};
constexpr std::array<Stop, 5> kRedBlue = {
    {{0.0, 5, 48, 97}, {0.25, 67, 147, 195}, {0.5, 247, 247, 247}, {0.75, 214, 96, 77}, {1.0, 103, 0, 31}}};

template <size_t N>
QRgb interpolate(const std::array<Stop, N>& stops, double t) {
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    size_t i = 1;
    while (i + 1 < N && stops[i].at < t) ++i;
    const Stop& a = stops[i - 1];
    const Stop& b = stops[i];
    const double f = (t - a.at) / (b.at - a.at);
    const auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

}  // namespace

QRgb sequential_colour(double t) { return interpolate(kBlues, t); }
QRgb diverging_colour(double t) { return interpolate(kRedBlue, (t + 1.0) / 2.0); }

QColor text_colour_on(QRgb background) { return qGray(background) < 128 ? QColor(Qt::white) : QColor(Qt::black); }

void paint_colour_legend(QPainter& painter, const QRectF& area, bool diverging, const QString& low, const QString& high,
                         const QString& title) {
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height();
    const QRectF bar(area.left(), area.top() + 1.5 * line, std::min(area.width() / 3, 1.2 * line),
                     std::max(line, area.height() - 2.5 * line));
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 10; ++i) {
        const double t = i / 10.0;
        gradient.setColorAt(t, QColor(diverging ? diverging_colour(2 * t - 1) : sequential_colour(t)));
    }
    painter.save();
    painter.setPen(Qt::black);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.fillRect(bar, gradient);
    painter.setPen(QColor(120, 120, 120));
    painter.drawRect(bar);
    painter.setPen(Qt::black);
    const double x = bar.right() + 0.3 * line;
    painter.drawText(QRectF(x, bar.top() - line / 2, area.right() - x, line), Qt::AlignLeft | Qt::AlignVCenter, high);
    painter.drawText(QRectF(x, bar.bottom() - line / 2, area.right() - x, line), Qt::AlignLeft | Qt::AlignVCenter, low);
    painter.restore();
}

QFont picture_font(const QFont& base, const QRectF& area) {
    QFont font = base;
    font.setPixelSize(int(std::clamp(std::min(area.height() / 42.0, area.width() / 60.0), 9.0, 26.0)));
    return font;
}
