#include "app/gui/variant_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace hpa::app {

VariantMenu::VariantMenu(QObject *parent)
    : QObject(parent), m_menu(new QMenu(tr("WVA &Variant"))), m_group(new QActionGroup(this))
{
    m_menu->menuAction()->setObjectName(QStringLiteral("WvaVariantMenu"));
    m_menu->setToolTipsVisible(true);
    m_menu->setEnabled(false);
    m_group->setExclusive(true);
    connect(m_group, &QActionGroup::triggered, this, [this](QAction *a) {
        const std::string name = a->data().toString().toStdString();
        if (name == m_variant)
            return;
        m_variant = name;
        emit changed();
    });
    clear();
}

VariantMenu::~VariantMenu()
{
    delete m_menu; // a menu has no QObject parent here: it may be added to several menus
}

void VariantMenu::clear()
{
    for (QAction *a : m_group->actions()) {
        m_group->removeAction(a);
        delete a;
    }
    m_menu->clear();
    m_menu->addAction(tr("Only for WVA runs with several variants"))->setEnabled(false);
    m_menu->setEnabled(false);
}

void VariantMenu::setRun(const core::AutoscalerInfo &info)
{
    clear();
    if (info.kind != core::AutoscalerInfo::Kind::Wva || info.variants.empty())
        return;
    m_menu->clear();
    for (const core::WvaVariant &v : info.variants) {
        const QString name = QString::fromStdString(v.name);
        const QString model =
            v.model.empty() ? tr("model not logged") : QString::fromStdString(v.model);
        auto *a = new QAction(tr("%1 (%2)").arg(name, model), m_group);
        a->setCheckable(true);
        a->setData(name);
        a->setChecked(v.name == info.variant);
        const QString tip = tr("%n sample(s); ", nullptr, int(v.samples)) +
                            tr("%1 scale-up, %2 scale-down, %3 no-change decisions")
                                .arg(v.scaleUps)
                                .arg(v.scaleDowns)
                                .arg(v.noChanges);
        a->setToolTip(tip);
        a->setStatusTip(tr("Show variant %1: %2").arg(name, tip));
        m_menu->addAction(a);
    }
    // The variant shown is the one asked for from now on (a reload keeps it).
    m_variant = info.variant;
    m_menu->setEnabled(info.variants.size() > 1);
}

bool VariantMenu::choose(const QString &name)
{
    for (QAction *a : m_group->actions()) {
        if (a->data().toString() == name) {
            a->trigger();
            return true;
        }
    }
    return false;
}

} // namespace hpa::app
