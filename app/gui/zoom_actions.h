#pragma once

#include <QList>
#include <QObject>

class QAction;

namespace hpa::ui {
class TimeWindow;
}

namespace hpa::app {

/// Zoom In, Zoom Out, Back and Reset Zoom: created once, shared by the View menu, the toolbar
/// and the charts' context menu, acting on the workspace's one TimeWindow. update() enables
/// each as the window's state allows (nothing to go back to, nothing to zoom out of).
class ZoomActions : public QObject
{
    Q_OBJECT
public:
    /// `window` must outlive this object.
    explicit ZoomActions(ui::TimeWindow *window, QObject *parent = nullptr);

    /// In menu order: Zoom In, Zoom Out, Back, Reset Zoom.
    QList<QAction *> actions() const;
    /// Enables the actions for an open experiment (`open`) and the window's zoom history.
    void update(bool open);

private:
    ui::TimeWindow *m_window;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_back;
    QAction *m_reset;
};

} // namespace hpa::app
