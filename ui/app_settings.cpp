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
constexpr auto LibraryHeader = "library/header";
constexpr auto LibrarySplitter = "library/splitter";
constexpr auto LibraryScatterAxes = "library/scatterAxes";
constexpr auto ScorecardDemand = "scorecard/demand";
constexpr auto ScorecardOnset = "scorecard/onsetDelaySeconds";
constexpr auto ScorecardSloTtft = "scorecard/sloTtftMs";
constexpr auto ScorecardSloItl = "scorecard/sloItlMs";
constexpr auto DemandOverlay = "view/demandOverlay";
constexpr auto FollowWholeRun = "view/followWholeRun";
} // namespace key
} // namespace

AppSettings::AppSettings(Storage storage)
    : m_settings(storage == Storage::User ? std::make_unique<QSettings>(QStringLiteral("hpa-lens"),
                                                                        QStringLiteral("hpa-lens"))
                                          : nullptr)
{}

AppSettings::~AppSettings() = default;

QVariant AppSettings::value(const char *key, const QVariant &fallback) const
{
    if (m_settings)
        return m_settings->value(QLatin1String(key), fallback);
    return m_memory.value(QLatin1String(key), fallback);
}

void AppSettings::setValue(const char *key, const QVariant &value)
{
    if (m_settings)
        m_settings->setValue(QLatin1String(key), value);
    else
        m_memory.insert(QLatin1String(key), value);
}

void AppSettings::remove(const char *key)
{
    if (m_settings)
        m_settings->remove(QLatin1String(key));
    else
        m_memory.remove(QLatin1String(key));
}

QStringList AppSettings::recentExperiments() const
{
    return value(key::Recent).toStringList();
}

void AppSettings::addRecentExperiment(const QString &dir)
{
    const QString clean = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    QStringList list = recentExperiments();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent)
        list.removeLast();
    setValue(key::Recent, list);
}

int AppSettings::pruneRecentExperiments()
{
    QStringList list = recentExperiments();
    const qsizetype before = list.size();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [](const QString &d) { return !QFileInfo(d).isDir(); }),
               list.end());
    setValue(key::Recent, list);
    return static_cast<int>(before - list.size());
}

void AppSettings::clearRecentExperiments()
{
    remove(key::Recent);
}

QString AppSettings::lastFolder() const
{
    return value(key::LastFolder).toString();
}

void AppSettings::setLastFolder(const QString &dir)
{
    setValue(key::LastFolder, dir);
}

QString AppSettings::lastExportFolder() const
{
    return value(key::LastExportFolder).toString();
}

void AppSettings::setLastExportFolder(const QString &dir)
{
    setValue(key::LastExportFolder, dir);
}

QString AppSettings::exportFormat() const
{
    const QString format = value(key::ExportFormat).toString();
    return format == QLatin1String("svg") || format == QLatin1String("pdf") ? format
                                                                            : QStringLiteral("png");
}

void AppSettings::setExportFormat(const QString &suffix)
{
    setValue(key::ExportFormat, suffix.toLower());
}

int AppSettings::exportDpi() const
{
    const int dpi = value(key::ExportDpi, 300).toInt();
    return dpi >= 30 && dpi <= 2400 ? dpi : 300;
}

void AppSettings::setExportDpi(int dpi)
{
    setValue(key::ExportDpi, dpi);
}

int AppSettings::exportWidth() const
{
    const int width = value(key::ExportWidth, 0).toInt();
    return width >= 16 && width <= 30000 ? width : 0;
}

void AppSettings::setExportWidth(int width)
{
    setValue(key::ExportWidth, width);
}

bool AppSettings::exportWholeRun() const
{
    return value(key::ExportWholeRun, false).toBool();
}

void AppSettings::setExportWholeRun(bool wholeRun)
{
    setValue(key::ExportWholeRun, wholeRun);
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
    const QVariant saved =
        value((QLatin1String(key::Screens) + screens + QLatin1Char('/') + QLatin1String(name))
                  .toUtf8()
                  .constData());
    return saved.isValid() ? saved.toByteArray() : value(name).toByteArray();
}

void AppSettings::setPerScreens(const char *name, const QString &screens, const QByteArray &value)
{
    setValue((QLatin1String(key::Screens) + screens + QLatin1Char('/') + QLatin1String(name))
                 .toUtf8()
                 .constData(),
             value);
    setValue(name, value); // the last saved, for arrangements not seen yet
}

TimeAxisMode AppSettings::axisMode() const
{
    return value(key::AxisMode).toString() == QLatin1String("elapsed") ? TimeAxisMode::Elapsed
                                                                       : TimeAxisMode::WallClock;
}

void AppSettings::setAxisMode(TimeAxisMode mode)
{
    setValue(key::AxisMode,
             mode == TimeAxisMode::Elapsed ? QStringLiteral("elapsed") : QStringLiteral("clock"));
}

bool AppSettings::extraChartVisible() const
{
    return value(key::ExtraChart, true).toBool();
}

void AppSettings::setExtraChartVisible(bool visible)
{
    setValue(key::ExtraChart, visible);
}

QByteArray AppSettings::libraryHeaderState() const
{
    return value(key::LibraryHeader).toByteArray();
}

void AppSettings::setLibraryHeaderState(const QByteArray &state)
{
    setValue(key::LibraryHeader, state);
}

QByteArray AppSettings::librarySplitterState() const
{
    return value(key::LibrarySplitter).toByteArray();
}

void AppSettings::setLibrarySplitterState(const QByteArray &state)
{
    setValue(key::LibrarySplitter, state);
}

QStringList AppSettings::libraryScatterAxes() const
{
    return value(key::LibraryScatterAxes).toStringList();
}

void AppSettings::setLibraryScatterAxes(const QStringList &keys)
{
    setValue(key::LibraryScatterAxes, keys);
}

bool AppSettings::sideBySide() const
{
    return value(key::SideBySide, false).toBool();
}

void AppSettings::setSideBySide(bool sideBySide)
{
    setValue(key::SideBySide, sideBySide);
}

bool AppSettings::demandOverlayVisible() const
{
    return value(key::DemandOverlay, false).toBool();
}

void AppSettings::setDemandOverlayVisible(bool visible)
{
    setValue(key::DemandOverlay, visible);
}

bool AppSettings::followWholeRun() const
{
    return value(key::FollowWholeRun, true).toBool();
}

void AppSettings::setFollowWholeRun(bool wholeRun)
{
    setValue(key::FollowWholeRun, wholeRun);
}

core::ScorecardSettings AppSettings::scorecardSettings() const
{
    core::ScorecardSettings s;
    const auto demand = core::ScorecardSettings::demandFromKey(
        value(key::ScorecardDemand).toString().toStdString());
    s.demand = demand.value_or(s.demand);
    const auto number = [this](const char *k, double fallback, double max) {
        bool ok = false;
        const double v = value(k).toDouble(&ok);
        return ok && v >= 0 && v <= max ? v : fallback;
    };
    s.onsetDelaySeconds = number(key::ScorecardOnset, s.onsetDelaySeconds, 3600);
    s.sloTtftMs = number(key::ScorecardSloTtft, s.sloTtftMs, 600000);
    s.sloItlMs = number(key::ScorecardSloItl, s.sloItlMs, 60000);
    return s;
}

void AppSettings::setScorecardSettings(const core::ScorecardSettings &settings)
{
    setValue(key::ScorecardDemand,
             QString::fromUtf8(core::ScorecardSettings::demandKey(settings.demand)));
    setValue(key::ScorecardOnset, settings.onsetDelaySeconds);
    setValue(key::ScorecardSloTtft, settings.sloTtftMs);
    setValue(key::ScorecardSloItl, settings.sloItlMs);
}

} // namespace hpa::ui
