#pragma once

#include "ui/charts/chart_exporter.h"

#include <QDialog>
#include <QSize>
#include <QSizeF>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace hpa::ui {

class AppSettings;

/// Asks where and how to export: a figure (format, file, size in pixels, DPI) or the data
/// as CSV (file, visible range or whole run, which run when comparing). Starts from the
/// choices remembered in AppSettings and stores them again on OK.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Figure,
        Data
    };

    /// `folder` and `baseName` make the proposed file (`folder/baseName.suffix`);
    /// `naturalSize` is the figure's size on screen, which fixes its proportions.
    ExportDialog(Kind kind, AppSettings *settings, const QString &folder, const QString &baseName,
                 QSizeF naturalSize = {}, QWidget *parent = nullptr);

    /// Offers a choice of run for CSV export (shown only with two or more entries).
    void setExperimentChoices(const QStringList &names);

    QString path() const;
    void setPath(const QString &path);
    ChartExporter::Format format() const;
    void setFormat(ChartExporter::Format format);
    QSize pixelSize() const;
    void setPixelWidth(int width);
    int dpi() const;
    void setDpi(int dpi);
    bool keepsProportions() const;
    bool wholeRun() const;
    void setWholeRun(bool wholeRun);
    int experimentIndex() const;

    /// Why the current choices cannot be exported, or empty when they can.
    QString problem() const;

public slots:
    void accept() override;

private:
    void buildFigureRows(QFormLayout *form);
    void buildDataRows(QFormLayout *form);
    void browse();
    void onFormatChanged();
    void onWidthChanged(int width);
    void onHeightChanged(int height);
    void onDpiChanged(int dpi);
    void updatePhysicalSize();
    void remember();

    Kind m_kind;
    AppSettings *m_settings;
    QSizeF m_natural;
    QLineEdit *m_path;
    QComboBox *m_format = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_dpi = nullptr;
    QCheckBox *m_keepAspect = nullptr;
    QLabel *m_physical = nullptr;
    QRadioButton *m_visibleRange = nullptr;
    QRadioButton *m_wholeRun = nullptr;
    QComboBox *m_experiment = nullptr;
    QLabel *m_experimentLabel = nullptr;
    bool m_syncing = false;
    bool m_sizeEdited = false;
};

} // namespace hpa::ui
