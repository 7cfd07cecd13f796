#include "app/gui/read_units_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <utility>

namespace hpa::app {

ReadUnitsMenu::ReadUnitsMenu(QObject *parent)
    : QObject(parent), m_kvGroup(new QActionGroup(this)), m_waitingGroup(new QActionGroup(this))
{
    const std::pair<QString, std::optional<core::KvCacheUnit>> kvUnits[] = {
        {tr("Detect Automatically"), std::nullopt},
        {tr("Fraction (0–1)"), core::KvCacheUnit::Fraction},
        {tr("Percent (0–100)"), core::KvCacheUnit::Percent},
        {tr("Milli-units (0–1000)"), core::KvCacheUnit::Milli}};
    for (const auto &[label, unit] : kvUnits) {
        QAction *a = new QAction(label, this);
        a->setStatusTip(tr("How metrics.csv wrote KV cache usage"));
        a->setCheckable(true);
        a->setChecked(!unit);
        a->setData(unit ? static_cast<int>(*unit) : -1);
        m_kvGroup->addAction(a);
    }
    const std::pair<QString, core::WaitingUnit> waitingUnits[] = {
        {tr("Detect Automatically"), core::WaitingUnit::Auto},
        {tr("As Written"), core::WaitingUnit::AsWritten},
        {tr("Milli-units (60250 = 60.25)"), core::WaitingUnit::Milli}};
    for (const auto &[label, unit] : waitingUnits) {
        QAction *a = new QAction(label, this);
        a->setStatusTip(tr("How metrics.csv wrote waiting requests"));
        a->setCheckable(true);
        a->setChecked(unit == core::WaitingUnit::Auto);
        a->setData(static_cast<int>(unit));
        m_waitingGroup->addAction(a);
    }
    connect(m_kvGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        const int unit = a->data().toInt();
        m_kvUnit = unit < 0 ? std::nullopt : std::optional(static_cast<core::KvCacheUnit>(unit));
        emit changed();
    });
    connect(m_waitingGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        m_waitingUnit = static_cast<core::WaitingUnit>(a->data().toInt());
        emit changed();
    });
}

void ReadUnitsMenu::addTo(QMenu *menu) const
{
    menu->addMenu(tr("KV Cache &Unit"))->addActions(m_kvGroup->actions());
    menu->addMenu(tr("&Waiting Unit"))->addActions(m_waitingGroup->actions());
}

void ReadUnitsMenu::setUnits(std::optional<core::KvCacheUnit> kvUnit, core::WaitingUnit waitingUnit)
{
    m_kvUnit = kvUnit;
    m_waitingUnit = waitingUnit;
    for (QAction *a : m_kvGroup->actions())
        a->setChecked(a->data().toInt() == (kvUnit ? static_cast<int>(*kvUnit) : -1));
    for (QAction *a : m_waitingGroup->actions())
        a->setChecked(a->data().toInt() == static_cast<int>(waitingUnit));
}

} // namespace hpa::app
