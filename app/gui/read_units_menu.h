#pragma once

#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"

#include <QObject>

#include <optional>

class QActionGroup;
class QMenu;

namespace hpa::app {

/// View → KV Cache Unit and View → Waiting Unit: how the next load reads metrics.csv. The
/// actions are created once; choosing one emits changed() (the window reloads).
class ReadUnitsMenu : public QObject
{
    Q_OBJECT
public:
    explicit ReadUnitsMenu(QObject *parent = nullptr);

    /// Adds both submenus to `menu`.
    void addTo(QMenu *menu) const;
    /// nullopt: detect automatically.
    std::optional<core::KvCacheUnit> kvUnit() const { return m_kvUnit; }
    core::WaitingUnit waitingUnit() const { return m_waitingUnit; }
    /// As if the user chose them (no changed()).
    void setUnits(std::optional<core::KvCacheUnit> kvUnit, core::WaitingUnit waitingUnit);

signals:
    void changed();

private:
    QActionGroup *m_kvGroup;
    QActionGroup *m_waitingGroup;
    std::optional<core::KvCacheUnit> m_kvUnit;
    core::WaitingUnit m_waitingUnit = core::WaitingUnit::Auto;
};

} // namespace hpa::app
