#pragma once

#include "ui/charts/chart_source.h"

#include <QAbstractTableModel>
#include <QVector>

namespace hpa::ui {

/// The scaling events of one or two experiments merged in chart-x order, one row each.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< numeric value for sorting (double)
        SourceIndexRole,             ///< index into the sources given to setSources
        EventIndexRole,              ///< index into that experiment's events
        XRole,                       ///< chart x of the event (time - origin)
        KindRole,                    ///< int of core::EventKind
        TextRole,                    ///< the full event text as logged
        /// For the Waiting and KV columns: true when the value is what the event's own log
        /// line says, false when it is the last sample before the event (shown in italics).
        FromLogRole,
        MonitorStartRole ///< true for the monitor's first reading (not a scaling event)
    };

    enum class Field
    {
        Run,
        Time,
        Elapsed,
        Kind,
        Change,
        Waiting,
        KvCache
    };

    explicit EventTableModel(QObject *parent = nullptr);

    /// One experiment, or two when comparing (then a Run column shows their labels).
    void setSources(const QVector<ChartSource> &sources);
    /// The same runs grown (a followed run): the rows stay (no reset: the selection and the
    /// scroll position stay), the rows whose values may come from a new sample are read again
    /// and new events after every row are inserted; the rows are then those setSources()
    /// makes. Returns false, changing nothing, when no run grew (ChartSource::unchangedRows)
    /// or that cannot be so (other runs, another unit rule, an event earlier than a row):
    /// then call setSources().
    bool extendSources(const QVector<ChartSource> &sources, int *inserted = nullptr);
    const QVector<ChartSource> &sources() const { return m_sources; }

    /// What column `column` shows.
    Field fieldAt(int column) const;
    /// The column showing `field`, or -1 (Run with a single source).
    int columnOf(Field field) const;
    /// The row of event `eventIndex` of source `sourceIndex`, or -1. The monitor's first
    /// reading (core::Experiment::monitorStart) has event index -1.
    int rowOf(int sourceIndex, int eventIndex) const;

    /// Rows that are a monitor's first reading rather than a scaling event.
    int monitorStartCount() const;

    /// Colour of the kind decoration (also used by the charts' markers' legend).
    static QColor kindColor(int kind);
    /// A text as wide as `field`'s widest cell in an ordinary run ("2025-12-31T23:59:59Z", the
    /// longest kind, "999.99 ≈"), so a column can be sized before, and independently of,
    /// the run shown; empty for Run (its labels are the sources').
    static QString typicalWidestText(Field field);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int source = 0;
        int event = 0;
        double x = 0;
        double waiting = 0; ///< NaN when neither the log line nor a sample has a value
        double kvPct = 0;   ///< NaN when neither the log line nor a sample has a value
        bool waitingFromLog = false;
        bool kvFromLog = false;
        bool monitorStart = false;
    };

    Row makeRow(int source, int event, const core::ScalingEvent &e) const;

    const core::ScalingEvent &eventOf(const Row &row) const;
    QVariant display(const Row &row, Field field) const;
    QVariant sortValue(const Row &row, Field field) const;

    QVector<ChartSource> m_sources;
    QVector<Row> m_rows;
};

} // namespace hpa::ui
