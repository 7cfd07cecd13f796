#include "ui/app_settings.h"

#include <QDir>
#include <QFileInfo>

namespace hpa::ui {

namespace {
namespace key {
constexpr auto Recent = "experiments/recent";
constexpr auto LastFolder = "experiments/lastFolder";
constexpr auto LastExportFolder = "export/lastFolder";
constexpr auto ExportFormat = "export/format";
constexpr auto ExportDpi = "export/dpi";
constexpr auto ExportWidth = "export/width";
constexpr auto ExportWholeRun = "export/wholeRun";
constexpr auto Geometry = "window/geometry";
constexpr auto State = "window/state";
constexpr auto AxisMode = "charts/axisMode";
constexpr auto ExtraChart = "charts/extraVisible";
constexpr auto SideBySide = "compare/sideBySide";
constexpr auto ScorecardDemand = "scorecard/demand";
constexpr auto ScorecardOnset = "scorecard/onsetDelaySeconds";
constexpr auto ScorecardSloTtft = "scorecard/sloTtftMs";
constexpr auto ScorecardSloItl = "scorecard/sloItlMs";
} // namespace key
} // namespace

AppSettings::AppSettings() : m_settings(QStringLiteral("hpa-lens"), QStringLiteral("hpa-lens")) {}

QStringList AppSettings::recentExperiments() const
{
    return m_settings.value(key::Recent).toStringList();
}

void AppSettings::addRecentExperiment(const QString &dir)
{
    const QString clean = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    QStringList list = recentExperiments();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent)
        list.removeLast();
    m_settings.setValue(key::Recent, list);
}

int AppSettings::pruneRecentExperiments()
{
    QStringList list = recentExperiments();
    const qsizetype before = list.size();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [](const QString &d) { return !QFileInfo(d).isDir(); }),
               list.end());
    m_settings.setValue(key::Recent, list);
    return static_cast<int>(before - list.size());
}

void AppSettings::clearRecentExperiments()
{
    m_settings.remove(key::Recent);
}

QString AppSettings::lastFolder() const
{
    return m_settings.value(key::LastFolder).toString();
}

void AppSettings::setLastFolder(const QString &dir)
{
    m_settings.setValue(key::LastFolder, dir);
}

QString AppSettings::lastExportFolder() const
{
    return m_settings.value(key::LastExportFolder).toString();
}

void AppSettings::setLastExportFolder(const QString &dir)
{
    m_settings.setValue(key::LastExportFolder, dir);
}

QString AppSettings::exportFormat() const
{
    const QString format = m_settings.value(key::ExportFormat).toString();
    return format == QLatin1String("svg") || format == QLatin1String("pdf") ? format
                                                                            : QStringLiteral("png");
}

void AppSettings::setExportFormat(const QString &suffix)
{
    m_settings.setValue(key::ExportFormat, suffix.toLower());
}

int AppSettings::exportDpi() const
{
    const int dpi = m_settings.value(key::ExportDpi, 300).toInt();
    return dpi >= 30 && dpi <= 2400 ? dpi : 300;
}

void AppSettings::setExportDpi(int dpi)
{
    m_settings.setValue(key::ExportDpi, dpi);
}

int AppSettings::exportWidth() const
{
    const int width = m_settings.value(key::ExportWidth, 0).toInt();
    return width >= 16 && width <= 30000 ? width : 0;
}

void AppSettings::setExportWidth(int width)
{
    m_settings.setValue(key::ExportWidth, width);
}

bool AppSettings::exportWholeRun() const
{
    return m_settings.value(key::ExportWholeRun, false).toBool();
}

void AppSettings::setExportWholeRun(bool wholeRun)
{
    m_settings.setValue(key::ExportWholeRun, wholeRun);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(key::Geometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key::Geometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(key::State).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(key::State, state);
}

TimeAxisMode AppSettings::axisMode() const
{
    return m_settings.value(key::AxisMode).toString() == QLatin1String("elapsed")
               ? TimeAxisMode::Elapsed
               : TimeAxisMode::WallClock;
}

void AppSettings::setAxisMode(TimeAxisMode mode)
{
    m_settings.setValue(key::AxisMode, mode == TimeAxisMode::Elapsed ? QStringLiteral("elapsed")
                                                                     : QStringLiteral("clock"));
}

bool AppSettings::extraChartVisible() const
{
    return m_settings.value(key::ExtraChart, true).toBool();
}

void AppSettings::setExtraChartVisible(bool visible)
{
    m_settings.setValue(key::ExtraChart, visible);
}

bool AppSettings::sideBySide() const
{
    return m_settings.value(key::SideBySide, false).toBool();
}

void AppSettings::setSideBySide(bool sideBySide)
{
    m_settings.setValue(key::SideBySide, sideBySide);
}

core::ScorecardSettings AppSettings::scorecardSettings() const
{
    core::ScorecardSettings s;
    const auto demand = core::ScorecardSettings::demandFromKey(
        m_settings.value(key::ScorecardDemand).toString().toStdString());
    s.demand = demand.value_or(s.demand);
    const auto number = [this](const char *k, double fallback, double max) {
        bool ok = false;
        const double v = m_settings.value(k).toDouble(&ok);
        return ok && v >= 0 && v <= max ? v : fallback;
    };
    s.onsetDelaySeconds = number(key::ScorecardOnset, s.onsetDelaySeconds, 3600);
    s.sloTtftMs = number(key::ScorecardSloTtft, s.sloTtftMs, 600000);
    s.sloItlMs = number(key::ScorecardSloItl, s.sloItlMs, 60000);
    return s;
}

void AppSettings::setScorecardSettings(const core::ScorecardSettings &settings)
{
    m_settings.setValue(key::ScorecardDemand,
                        QString::fromUtf8(core::ScorecardSettings::demandKey(settings.demand)));
    m_settings.setValue(key::ScorecardOnset, settings.onsetDelaySeconds);
    m_settings.setValue(key::ScorecardSloTtft, settings.sloTtftMs);
    m_settings.setValue(key::ScorecardSloItl, settings.sloItlMs);
}

} // namespace hpa::ui
