#pragma once

#include <QDialog>
#include <QString>
#include <QVector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace hpa::ui {

/// Read-only monospace viewer for one or more text documents of an experiment folder, with a
/// document selector and find.
class TextViewerDialog : public QDialog
{
    Q_OBJECT
public:
    struct Document
    {
        QString name;
        QString text;
    };

    explicit TextViewerDialog(QWidget *parent = nullptr);

    /// Replaces the documents; the selector is hidden when there is only one.
    void setDocuments(const QVector<Document> &documents);
    /// Shows the document with this name (no-op when absent).
    void showDocument(const QString &name);
    QString currentName() const;

    /// Finds `text` from the cursor on, wrapping around; false when it is nowhere.
    bool find(const QString &text, bool backward = false);

    QPlainTextEdit *editor() const { return m_editor; }
    QComboBox *selector() const { return m_selector; }

private:
    void showIndex(int index);

    QVector<Document> m_documents;
    QComboBox *m_selector;
    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLabel *m_status;
};

} // namespace hpa::ui
