#pragma once

#include <QObject>
#include <QSet>
#include <QVector>

class QWidget;

namespace hpa::bench {

/// Brings a set of widgets on screen after a change the way the event loop would: posted
/// events (layouts, update requests) are processed, and any widget the loop did not paint is
/// painted then. Each widget is painted once per settle(), so a step's cost is not inflated by
/// a second, forced repaint of what the loop already drew.
class PaintSettler : public QObject
{
    Q_OBJECT
public:
    explicit PaintSettler(const QVector<QWidget *> &widgets, QObject *parent = nullptr);

    /// Processes events, then paints the widgets that are still unpainted.
    void settle();
    /// Widgets the last settle() had to paint itself (the event loop left them alone).
    int forcedLastTime() const { return m_forced; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QVector<QWidget *> m_widgets;
    QSet<QObject *> m_painted;
    int m_forced = 0;
};

} // namespace hpa::bench
