#pragma once

#include "core/analysis/hpa_what_if_settings.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace hpa::ui {

class WhatIfScorecardModel;
class WhatIfSession;

/// The What-if dock (issue 13): the HPA spec used (loaded or assumed, assumed fields marked),
/// every field editable, the self-check line, and the what-if's scorecard beside the
/// recording's. An edit replays at once on a worker thread (WhatIfSession); the curve goes
/// to the replicas chart through the window's wiring. Every what-if figure says "estimate".
class WhatIfView : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfView(WhatIfSession *session, QWidget *parent = nullptr);

    /// Shows `settings` (edits of the spec used) in the fields and replays them.
    void applyEdits(const core::HpaWhatIfSettings &settings);
    /// The edits the fields make to the spec used (empty: the spec as loaded).
    core::HpaWhatIfSettings edits() const;

    /// The editor of a what-if key ("min", "down-window", ...), for tests.
    QWidget *field(const QString &key) const { return m_fields.value(key); }
    QLabel *fieldLabel(const QString &key) const { return m_labels.value(key); }
    QLabel *specLabel() const { return m_spec; }
    QLabel *selfCheckLabel() const { return m_selfCheck; }
    QLabel *statusLabel() const { return m_status; }
    QCheckBox *overlayBox() const { return m_overlay; }
    WhatIfScorecardModel *model() const { return m_model; }

signals:
    /// The "on the replicas chart" toggle.
    void overlayToggled(bool shown);

private:
    void buildFields();
    void showPrepared();
    void showResult();
    void showCleared();
    void setFields(const core::HpaWhatIfSettings &values);
    core::HpaWhatIfSettings fieldValues() const;
    void onFieldEdited();
    void updateBehaviorFields();

    WhatIfSession *m_session;
    core::HpaWhatIfSettings m_loaded; ///< the fields of the spec as loaded
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_labels;
    QWidget *m_form;
    QLabel *m_spec, *m_selfCheck, *m_status;
    QCheckBox *m_overlay;
    QPushButton *m_reset;
    QTableView *m_table;
    WhatIfScorecardModel *m_model;
    bool m_updating = false;
};

} // namespace hpa::ui
