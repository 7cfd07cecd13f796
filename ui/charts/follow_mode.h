#pragma once

#include <QObject>

namespace hpa::ui {

class TimeWindow;

/// `tail -f` for the charts of a run followed live. While following, new data slides the
/// shown range so that it ends at the newest sample: either the whole run or a window of fixed
/// width (the user's choice). Any other change of the range that leaves the end out of view (a
/// zoom or pan into the past) stops following; resume() (End, the Follow action) starts again.
/// The range is the shared TimeWindow; this only moves it.
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
