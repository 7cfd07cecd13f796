#include "ui/text_viewer_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace hpa::ui {

TextViewerDialog::TextViewerDialog(QWidget *parent)
    : QDialog(parent), m_selector(new QComboBox(this)), m_editor(new QPlainTextEdit(this)),
      m_find(new QLineEdit(this)), m_status(new QLabel(this))
{
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_selector, &QComboBox::currentIndexChanged, this, &TextViewerDialog::showIndex);

    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_find->setPlaceholderText(tr("Find…"));
    m_find->setClearButtonEnabled(true);
    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    connect(m_find, &QLineEdit::returnPressed, this, [this] { find(m_find->text()); });
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_status->clear(); });
    connect(next, &QToolButton::clicked, this, [this] { find(m_find->text()); });
    connect(previous, &QToolButton::clicked, this, [this] { find(m_find->text(), true); });
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    auto *nextShortcut = new QShortcut(QKeySequence::FindNext, this);
    connect(nextShortcut, &QShortcut::activated, this, [this] { find(m_find->text()); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_selector);
    top->addStretch(1);
    top->addWidget(m_status);
    top->addWidget(m_find);
    top->addWidget(previous);
    top->addWidget(next);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

void TextViewerDialog::setDocuments(const QVector<Document> &documents)
{
    m_documents = documents;
    {
        const QSignalBlocker blocker(m_selector);
        m_selector->clear();
        for (const Document &d : m_documents)
            m_selector->addItem(d.name);
    }
    m_selector->setVisible(m_documents.size() > 1);
    showIndex(m_documents.isEmpty() ? -1 : 0);
}

void TextViewerDialog::showDocument(const QString &name)
{
    const int index = m_selector->findText(name);
    if (index >= 0)
        m_selector->setCurrentIndex(index); // showIndex follows through the signal
}

QString TextViewerDialog::currentName() const
{
    return m_selector->currentText();
}

bool TextViewerDialog::find(const QString &text, bool backward)
{
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_editor->find(text, flags)) {
        m_status->clear();
        return true;
    }
    // Wrap around once from the other end.
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_editor->setTextCursor(cursor);
    if (m_editor->find(text, flags)) {
        m_status->setText(tr("Wrapped around"));
        return true;
    }
    m_status->setText(tr("Not found"));
    return false;
}

void TextViewerDialog::showIndex(int index)
{
    if (index < 0 || index >= m_documents.size()) {
        m_editor->clear();
        setWindowTitle(tr("Text viewer"));
        return;
    }
    const Document &d = m_documents[index];
    m_editor->setPlainText(d.text.isEmpty() ? tr("(empty)") : d.text);
    setWindowTitle(d.name);
    m_status->clear();
}

} // namespace hpa::ui
