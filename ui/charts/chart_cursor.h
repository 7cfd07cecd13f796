#pragma once

#include "ui/charts/episode_waterfall.h"

#include <QObject>

#include <optional>
#include <utility>

namespace hpa::ui {

/// The instant under the mouse and the selected event's instant, shared by every chart so a
/// vertical cursor and the highlight marker show on all of them at once. Same x as TimeWindow.
class ChartCursor : public QObject
{
    Q_OBJECT
public:
    explicit ChartCursor(QObject *parent = nullptr) : QObject(parent) {}

    std::optional<double> position() const { return m_position; }
    std::optional<double> highlight() const { return m_highlight; }
    /// The selected job's span [from, to] (chart x), shaded on every chart; nullopt: none.
    std::optional<std::pair<double, double>> highlightSpan() const { return m_span; }

    void setPosition(std::optional<double> x)
    {
        if (x == m_position)
            return;
        m_position = x;
        emit positionChanged();
    }
    void setHighlight(std::optional<double> x)
    {
        if (x == m_highlight)
            return;
        m_highlight = x;
        emit highlightChanged();
    }

    void setHighlightSpan(std::optional<std::pair<double, double>> span)
    {
        if (span == m_span)
            return;
        m_span = span;
        emit highlightChanged();
    }

    /// The selected scale-up episode, drawn over every chart of its run; nullopt: none.
    std::optional<EpisodeWaterfall> waterfall() const { return m_waterfall; }
    void setWaterfall(std::optional<EpisodeWaterfall> waterfall)
    {
        if (waterfall == m_waterfall)
            return;
        m_waterfall = std::move(waterfall);
        emit highlightChanged();
    }

signals:
    void positionChanged();
    void highlightChanged();

private:
    std::optional<double> m_position;
    std::optional<double> m_highlight;
    std::optional<std::pair<double, double>> m_span;
    std::optional<EpisodeWaterfall> m_waterfall;
};

} // namespace hpa::ui
