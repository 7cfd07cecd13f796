#pragma once

#include <QObject>

namespace hpa::ui {

class TimeWindow;

/// `tail -f` for the charts of a run followed live. While following, new data slides the
/// shown range so that it ends at the newest sample: either the whole run or a window of fixed
/// width (the user's choice). Any other change of the range that leaves the end out of view (a
/// zoom or pan into the past) stops following; resume() (End, the Follow action) starts again.
/// The range is the shared TimeWindow; this only moves it.
///
/// The whole run is shown like a chart recorder's page: with room for the next rows, the end
/// moving on in steps of about a tenth of the run (wholeRunEnd()). A row that lands on the page
/// leaves the scale as it was, so the picture does not creep and only the new pixels change;
/// the fixed-width window ends exactly at the newest sample.
class FollowMode : public QObject
{
    Q_OBJECT
public:
    enum class Width
    {
        WholeRun, ///< show everything from the first sample
        Window    ///< show the last windowSeconds()
    };

    explicit FollowMode(TimeWindow *window, QObject *parent = nullptr);

    bool isFollowing() const { return m_following; }
    Width width() const { return m_width; }
    double windowSeconds() const { return m_windowSeconds; }
    /// How much to show while following; applied at once when following.
    void setWidth(Width width, double windowSeconds = 600);

    /// Starts following: the range jumps to the end.
    void resume();
    /// Stops following (the range stays).
    void stop();
    /// The window's full range has grown: slides when following.
    void dataExtended();

    /// Where the whole-run view ends when the data spans [fullFrom, fullTo] and the view ends
    /// at `shownTo` now: `shownTo` while the newest sample is on that page and the page is not
    /// much wider than the run, else the next page: 5% of the run beyond its end, rounded up
    /// to a whole 1, 2 or 5 x 10^k s step of about a tenth of the run (at least 1 s).
    static double wholeRunEnd(double fullFrom, double fullTo, double shownTo);

signals:
    void followingChanged(bool following);

private:
    void slide();
    void onRangeChanged(double from, double to);
    void setFollowing(bool following);

    TimeWindow *m_window;
    Width m_width = Width::WholeRun;
    double m_windowSeconds = 600;
    bool m_following = true;
    bool m_sliding = false;
};

} // namespace hpa::ui
