#pragma once

#include "core/model/experiment.h"
#include "ui/text_viewer_dialog.h"

#include <QWidget>

#include <memory>

class QLabel;
class QToolButton;
class QPushButton;

namespace hpa::ui {

/// The band above the charts: the experiment's name, time span, metadata (unknown keys too)
/// and buttons to read the HPA description, the configuration and the folder's other files.
class ExperimentHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentHeader(QWidget *parent = nullptr);

    void setExperiment(std::shared_ptr<const core::Experiment> experiment);
    void clear();

    /// Every readable text of the experiment for the Files… viewer: its documents plus the
    /// kubectl events and jobs snapshots rendered as text.
    QVector<TextViewerDialog::Document> files() const;
    /// The kubectl snapshots as text, one `=== title at time ===` section each.
    static QString renderSnapshots(const std::vector<core::KubectlSnapshot> &snapshots);

    QLabel *nameLabel() const { return m_name; }
    QLabel *spanLabel() const { return m_span; }
    QLabel *metadataLabel() const { return m_metadata; }
    /// The other metadata.json entries, shown on demand.
    QLabel *moreLabel() const { return m_more; }
    QToolButton *moreButton() const { return m_moreButton; }
    QPushButton *hpaButton() const { return m_hpa; }
    QPushButton *configButton() const { return m_config; }
    QPushButton *filesButton() const { return m_files; }

private:
    void openViewer(const QVector<TextViewerDialog::Document> &documents, const QString &title);
    const core::TextDocument *document(const std::string &fileName) const;

    std::shared_ptr<const core::Experiment> m_experiment;
    QLabel *m_name;
    QLabel *m_span;
    QLabel *m_metadata;
    QLabel *m_more;
    QToolButton *m_moreButton;
    QPushButton *m_hpa;
    QPushButton *m_config;
    QPushButton *m_files;
};

} // namespace hpa::ui
