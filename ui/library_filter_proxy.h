#pragma once

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

namespace hpa::ui {

/// Sorts the library by any column (unknown values last, as `hpa-lens table --sort`) and
/// keeps the runs that match the filter text (core::RunColumns::matches) and started within
/// the date range.
class LibraryFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LibraryFilterProxy(QObject *parent = nullptr);

    void setFilterWords(const QString &text);
    QString filterWords() const { return m_text; }
    /// Runs whose first sample is at or after `from` / before `to` (Unix seconds); nullopt:
    /// open. A run with no known start passes only when both ends are open.
    void setDateRange(std::optional<double> from, std::optional<double> to);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    std::string m_words;
    std::optional<double> m_from, m_to;
};

} // namespace hpa::ui
