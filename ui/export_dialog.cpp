#include "ui/export_dialog.h"

#include "ui/app_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace hpa::ui {

namespace {

constexpr int kMinPixels = 16;
constexpr int kMaxPixels = 30000;

QString replaceSuffix(const QString &path, const QString &suffix)
{
    const QFileInfo info(path);
    const QString base = info.suffix().isEmpty() ? info.fileName() : info.completeBaseName();
    return QDir(info.path()).filePath(base + QLatin1Char('.') + suffix);
}

QString filterFor(ChartExporter::Format format)
{
    switch (format) {
    case ChartExporter::Format::Png:
        return QObject::tr("PNG image (*.png)");
    case ChartExporter::Format::Svg:
        return QObject::tr("SVG vector image (*.svg)");
    case ChartExporter::Format::Pdf:
        return QObject::tr("PDF document (*.pdf)");
    }
    return {};
}

/// A row label with a mnemonic for a row that is a layout (QFormLayout only sets buddies for
/// widget rows).
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

} // namespace

ExportDialog::ExportDialog(Kind kind, AppSettings *settings, const QString &folder,
                           const QString &baseName, QSizeF naturalSize, QWidget *parent)
    : QDialog(parent), m_kind(kind), m_settings(settings), m_natural(naturalSize),
      m_path(new QLineEdit(this))
{
    setWindowTitle(kind == Kind::Figure ? tr("Export Charts") : tr("Export Data as CSV"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_path->setMinimumWidth(380);

    if (kind == Kind::Figure) {
        m_format = new QComboBox(this);
        m_format->addItem(tr("PNG image"), QStringLiteral("png"));
        m_format->addItem(tr("SVG vector image"), QStringLiteral("svg"));
        m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
        form->addRow(tr("&Format:"), m_format);
        form->addRow(buddyLabel(tr("&File:"), m_path), pathRow);
        buildFigureRows(form);
    } else {
        form->addRow(buddyLabel(tr("&File:"), m_path), pathRow);
        buildDataRows(form);
    }

    const QString suffix =
        kind == Kind::Figure ? m_settings->exportFormat() : QStringLiteral("csv");
    m_path->setText(QDir(folder).filePath(baseName + QLatin1Char('.') + suffix));
    if (m_format) {
        m_format->setCurrentIndex(m_format->findData(suffix));
        connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
        onFormatChanged();
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void ExportDialog::buildFigureRows(QFormLayout *form)
{
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(kMinPixels, kMaxPixels);
        box->setSuffix(tr(" px"));
    }
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(30, 2400);
    m_dpi->setSuffix(tr(" DPI"));
    m_keepAspect = new QCheckBox(tr("Keep the on-screen proportions"), this);
    m_keepAspect->setChecked(true);
    m_physical = new QLabel(this);
    m_physical->setForegroundRole(QPalette::PlaceholderText);

    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);
    form->addRow(buddyLabel(tr("&Size:"), m_width), sizeRow);
    form->addRow(QString(), m_keepAspect);
    form->addRow(tr("&Resolution:"), m_dpi);
    form->addRow(QString(), m_physical);

    m_dpi->setValue(m_settings->exportDpi());
    const int remembered = m_settings->exportWidth();
    if (remembered > 0) {
        m_sizeEdited = true;
        setPixelWidth(remembered);
    } else {
        onDpiChanged(m_dpi->value());
    }
    connect(m_width, &QSpinBox::valueChanged, this, &ExportDialog::onWidthChanged);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportDialog::onHeightChanged);
    connect(m_dpi, &QSpinBox::valueChanged, this, &ExportDialog::onDpiChanged);
    connect(m_keepAspect, &QCheckBox::toggled, this, [this](bool keep) {
        if (keep)
            onWidthChanged(m_width->value());
    });
    updatePhysicalSize();
}

void ExportDialog::buildDataRows(QFormLayout *form)
{
    m_visibleRange = new QRadioButton(tr("&Visible time range (as zoomed)"), this);
    m_wholeRun = new QRadioButton(tr("&Whole run"), this);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_visibleRange);
    scope->addWidget(m_wholeRun);
    form->addRow(tr("Rows:"), scope);
    setWholeRun(m_settings->exportWholeRun());
    m_experiment = new QComboBox(this);
    m_experimentLabel = new QLabel(tr("&Experiment:"), this);
    m_experimentLabel->setBuddy(m_experiment);
    form->addRow(m_experimentLabel, m_experiment);
    m_experiment->setVisible(false);
    m_experimentLabel->setVisible(false);
}

void ExportDialog::setExperimentChoices(const QStringList &names)
{
    if (!m_experiment)
        return;
    m_experiment->clear();
    m_experiment->addItems(names);
    m_experiment->setVisible(names.size() > 1);
    m_experimentLabel->setVisible(names.size() > 1);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
    if (const auto format = ChartExporter::formatFromSuffix(path); format && m_format)
        setFormat(*format);
}

ChartExporter::Format ExportDialog::format() const
{
    if (!m_format)
        return ChartExporter::Format::Png;
    return ChartExporter::formatFromSuffix(m_format->currentData().toString())
        .value_or(ChartExporter::Format::Png);
}

void ExportDialog::setFormat(ChartExporter::Format format)
{
    if (m_format)
        m_format->setCurrentIndex(m_format->findData(ChartExporter::suffix(format)));
}

QSize ExportDialog::pixelSize() const
{
    return m_width ? QSize(m_width->value(), m_height->value()) : QSize();
}

void ExportDialog::setPixelWidth(int width)
{
    if (!m_width)
        return;
    m_width->setValue(width);
    onWidthChanged(m_width->value());
}

int ExportDialog::dpi() const
{
    return m_dpi ? m_dpi->value() : 0;
}

void ExportDialog::setDpi(int dpi)
{
    if (m_dpi)
        m_dpi->setValue(dpi);
}

bool ExportDialog::keepsProportions() const
{
    return m_keepAspect && m_keepAspect->isChecked();
}

bool ExportDialog::wholeRun() const
{
    return m_wholeRun && m_wholeRun->isChecked();
}

void ExportDialog::setWholeRun(bool wholeRun)
{
    if (!m_wholeRun)
        return;
    m_wholeRun->setChecked(wholeRun);
    m_visibleRange->setChecked(!wholeRun);
}

int ExportDialog::experimentIndex() const
{
    return m_experiment && m_experiment->count() > 0 ? m_experiment->currentIndex() : 0;
}

void ExportDialog::browse()
{
    const QString filter = m_kind == Kind::Figure ? filterFor(format()) : tr("CSV table (*.csv)");
    QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), filter);
    if (chosen.isEmpty())
        return;
    if (QFileInfo(chosen).suffix().isEmpty())
        chosen += QLatin1Char('.') + (m_kind == Kind::Figure ? ChartExporter::suffix(format())
                                                             : QStringLiteral("csv"));
    setPath(chosen);
}

void ExportDialog::onFormatChanged()
{
    if (!path().isEmpty())
        m_path->setText(replaceSuffix(path(), ChartExporter::suffix(format())));
    // SVG has no pixels: its size only fixes the proportions and the nominal page.
    updatePhysicalSize();
}

void ExportDialog::onWidthChanged(int width)
{
    m_sizeEdited = m_sizeEdited || !m_syncing;
    if (m_syncing || !keepsProportions() || m_natural.isEmpty())
        return;
    m_syncing = true;
    m_height->setValue(
        static_cast<int>(std::lround(width * m_natural.height() / m_natural.width())));
    m_syncing = false;
    updatePhysicalSize();
}

void ExportDialog::onHeightChanged(int height)
{
    m_sizeEdited = m_sizeEdited || !m_syncing;
    if (m_syncing || !keepsProportions() || m_natural.isEmpty())
        return;
    m_syncing = true;
    m_width->setValue(
        static_cast<int>(std::lround(height * m_natural.width() / m_natural.height())));
    m_syncing = false;
    updatePhysicalSize();
}

void ExportDialog::onDpiChanged(int dpi)
{
    // Until the user sets a size, the figure keeps its on-screen physical size.
    if (!m_sizeEdited && !m_natural.isEmpty()) {
        m_syncing = true;
        const double scale = dpi / ChartExporter::screenDpi();
        m_width->setValue(static_cast<int>(std::lround(m_natural.width() * scale)));
        m_height->setValue(static_cast<int>(std::lround(m_natural.height() * scale)));
        m_syncing = false;
    }
    updatePhysicalSize();
}

void ExportDialog::updatePhysicalSize()
{
    if (!m_physical)
        return;
    const double dpi = m_dpi->value();
    const double cmW = m_width->value() / dpi * 2.54;
    const double cmH = m_height->value() / dpi * 2.54;
    m_physical->setText(tr("Prints at %1 × %2 cm (%3 × %4 in)")
                            .arg(cmW, 0, 'f', 1)
                            .arg(cmH, 0, 'f', 1)
                            .arg(cmW / 2.54, 0, 'f', 1)
                            .arg(cmH / 2.54, 0, 'f', 1));
}

QString ExportDialog::problem() const
{
    const QString file = path();
    if (file.isEmpty())
        return tr("Choose a file to write.");
    const QFileInfo info(file);
    if (info.isDir())
        return tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(file));
    if (!info.absoluteDir().exists())
        return tr("The folder %1 does not exist.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));
    return {};
}

void ExportDialog::accept()
{
    if (const QString why = problem(); !why.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), why);
        return;
    }
    if (m_kind == Kind::Figure) {
        // A typed suffix wins over the combo box so the file is what its name says.
        if (const auto typed = ChartExporter::formatFromSuffix(path()))
            setFormat(*typed);
        else
            m_path->setText(path() + QLatin1Char('.') + ChartExporter::suffix(format()));
    }
    remember();
    QDialog::accept();
}

void ExportDialog::remember()
{
    if (m_kind == Kind::Figure) {
        m_settings->setExportFormat(ChartExporter::suffix(format()));
        m_settings->setExportDpi(dpi());
        m_settings->setExportWidth(m_sizeEdited ? m_width->value() : 0);
    } else {
        m_settings->setExportWholeRun(wholeRun());
    }
}

} // namespace hpa::ui
