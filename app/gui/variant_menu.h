#pragma once

#include "core/model/autoscaler_info.h"

#include <QObject>
#include <QString>

#include <string>

class QActionGroup;
class QMenu;

namespace hpa::app {

/// View → WVA Variant: a WVA run with several variants (or models) loads one of them; this
/// menu lists them all (name, model, samples, decisions), checks the one shown, and choosing
/// another emits changed() (the window reloads the folder with it), as `--variant NAME` does
/// on the command line. Disabled for HPA runs and runs with one variant. The menu is created
/// once; its entries are the loaded run's variants. The choice holds for reloads of the same
/// folder; a new folder starts from the loader's default (the variant with the most samples).
class VariantMenu : public QObject
{
    Q_OBJECT
public:
    explicit VariantMenu(QObject *parent = nullptr);
    ~VariantMenu() override;

    QMenu *menu() const { return m_menu; }
    /// Lists the variants of the run loaded (`info`), the loaded one checked.
    void setRun(const core::AutoscalerInfo &info);
    /// No run: nothing listed, disabled.
    void clear();
    /// The variant the next load of this folder asks for (empty: the loader's default).
    const std::string &variant() const { return m_variant; }
    /// A new folder: back to the loader's default.
    void reset() { m_variant.clear(); }
    /// The next load asks for `name` (--variant).
    void ask(const std::string &name) { m_variant = name; }
    /// As if the user chose `name` in the menu; false when the run has no such variant.
    bool choose(const QString &name);

signals:
    void changed();

private:
    QMenu *m_menu;
    QActionGroup *m_group;
    std::string m_variant;
};

} // namespace hpa::app
