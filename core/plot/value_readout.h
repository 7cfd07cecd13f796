#pragma once

#include "core/model/metrics_table.h"

#include <string>
#include <vector>

namespace hpa::core {

/// The text of the chart cursor's tooltip: for each experiment drawn, the time of the sample
/// nearest the cursor (as written and elapsed) and the value of every series there.
class ValueReadout
{
public:
    /// Adds an experiment drawn with x = time - `origin`. `label` prefixes its lines when
    /// comparing ("A"); `keys` are the columns to read, in order (absent ones are skipped).
    /// The table must outlive the readout.
    void addSource(std::string label, const MetricsTable &table, double origin,
                   std::vector<std::string> keys);
    void clear() { m_sources.clear(); }
    bool empty() const { return m_sources.empty(); }

    /// The lines for a cursor at axis position `x`: per source one time line
    /// (`A: 2025-11-24 16:02:07 (elapsed 04:29)`) and one indented line per series
    /// (`  Replicas: 5`). Missing values read `—`; a column that is not collected
    /// (CollectedSeries) reads `not collected`, and a zero inside a collected latency
    /// column reads `—` (zero there means the query returned nothing).
    std::vector<std::string> lines(double x) const;

    /// A value as shown: integers without decimals, others with up to two decimals
    /// (three significant digits below 1), NaN as `—`.
    static std::string formatValue(double value);

private:
    struct Series
    {
        std::string key;
        std::string name;
        const ColumnValues *values = nullptr;
        bool positiveOnly = false; ///< values <= 0 are gaps
        bool collected = true;
    };
    struct Source
    {
        std::string label;
        const MetricsTable *table = nullptr;
        double origin = 0;
        std::vector<Series> series;
    };

    std::vector<Source> m_sources;
};

} // namespace hpa::core
