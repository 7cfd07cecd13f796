#pragma once

#include "core/analysis/scorecard_settings.h"
#include "ui/charts/chart_source.h"

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace hpa::ui {

/// Every persisted setting, typed. Nothing else in the app touches QSettings keys.
class AppSettings
{
public:
    enum class Storage
    {
        User,    ///< the user's settings file (the window)
        InMemory ///< nothing read or written: every value starts at its default (headless runs)
    };

    explicit AppSettings(Storage storage = Storage::User);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    bool isPersistent() const { return m_settings != nullptr; }

    static constexpr int kMaxRecent = 10;

    QStringList recentExperiments() const;
    /// Moves `dir` to the front of the recent list (at most kMaxRecent entries).
    void addRecentExperiment(const QString &dir);
    /// Drops folders that no longer exist; returns how many were dropped.
    int pruneRecentExperiments();
    void clearRecentExperiments();

    QString lastFolder() const;
    void setLastFolder(const QString &dir);
    QString lastExportFolder() const;
    void setLastExportFolder(const QString &dir);
    /// "png", "svg" or "pdf"; png by default.
    QString exportFormat() const;
    void setExportFormat(const QString &suffix);
    /// Resolution of figure exports; 300 (as the notebook) by default.
    int exportDpi() const;
    void setExportDpi(int dpi);
    /// Pixel width of the last figure export; 0 = derive from the screen size and DPI.
    int exportWidth() const;
    void setExportWidth(int width);
    /// CSV export of the whole run (true) or of the visible time range.
    bool exportWholeRun() const;
    void setExportWholeRun(bool wholeRun);

    /// Window geometry and dock layout are kept per screen arrangement (`screens` =
    /// ScreenLayout::current()); an arrangement not seen before gets the last ones saved.
    QByteArray windowGeometry(const QString &screens) const;
    void setWindowGeometry(const QString &screens, const QByteArray &geometry);
    QByteArray windowState(const QString &screens) const;
    void setWindowState(const QString &screens, const QByteArray &state);

    TimeAxisMode axisMode() const;
    void setAxisMode(TimeAxisMode mode);
    bool extraChartVisible() const;
    void setExtraChartVisible(bool visible);
    bool sideBySide() const;
    void setSideBySide(bool sideBySide);
    /// The library view's column order, widths, hidden columns and sort (QHeaderView state),
    /// and its table/scatter split; empty when never saved.
    QByteArray libraryHeaderState() const;
    void setLibraryHeaderState(const QByteArray &state);
    QByteArray librarySplitterState() const;
    void setLibrarySplitterState(const QByteArray &state);
    /// The library scatter's x and y column keys (core::RunColumns); empty when never chosen.
    QStringList libraryScatterAxes() const;
    void setLibraryScatterAxes(const QStringList &keys);
    /// View → Show Required Replicas: the scorecard's demand over the replicas chart (off by
    /// default).
    bool demandOverlayVisible() const;
    void setDemandOverlayVisible(bool visible);
    /// While following a run live: the whole run (true, the default) or the last minutes.
    bool followWholeRun() const;
    void setFollowWholeRun(bool wholeRun);
    /// The Scorecard dock's demand variant, onset delay and SLO limits.
    core::ScorecardSettings scorecardSettings() const;
    void setScorecardSettings(const core::ScorecardSettings &settings);

private:
    QByteArray perScreens(const char *name, const QString &screens) const;
    void setPerScreens(const char *name, const QString &screens, const QByteArray &value);

    QVariant value(const char *key, const QVariant &fallback = {}) const;
    void setValue(const char *key, const QVariant &value);
    void remove(const char *key);

    std::unique_ptr<QSettings> m_settings; ///< null for Storage::InMemory
    QVariantMap m_memory;
};

} // namespace hpa::ui
