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
constexpr auto Screens = "window/screens/"; ///< + arrangement + "/" + the Geometry or State key
constexpr auto AxisMode = "charts/axisMode";
constexpr auto ExtraChart = "charts/extraVisible";
constexpr auto SideBySide = "compare/sideBySide";
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

QByteArray AppSettings::windowGeometry(const QString &screens) const
{
    return perScreens(key::Geometry, screens);
}

void AppSettings::setWindowGeometry(const QString &screens, const QByteArray &geometry)
{
    setPerScreens(key::Geometry, screens, geometry);
}

QByteArray AppSettings::windowState(const QString &screens) const
{
    return perScreens(key::State, screens);
}

void AppSettings::setWindowState(const QString &screens, const QByteArray &state)
{
    setPerScreens(key::State, screens, state);
}

QByteArray AppSettings::perScreens(const char *name, const QString &screens) const
{
    const QVariant saved = m_settings.value(QLatin1String(key::Screens) + screens +
                                            QLatin1Char('/') + QLatin1String(name));
    return saved.isValid() ? saved.toByteArray()
                           : m_settings.value(QLatin1String(name)).toByteArray();
}

void AppSettings::setPerScreens(const char *name, const QString &screens, const QByteArray &value)
{
    m_settings.setValue(
        QLatin1String(key::Screens) + screens + QLatin1Char('/') + QLatin1String(name), value);
    m_settings.setValue(QLatin1String(name),
                        value); // the last saved, for arrangements not seen yet
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

} // namespace hpa::ui
